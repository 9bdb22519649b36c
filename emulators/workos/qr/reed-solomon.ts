import { gfExp, gfMultiply } from "./galois-field";

/**
 * The generator polynomial (x − α⁰)(x − α¹)…(x − α^(degree−1)), coefficients from the highest power down,
 * leading 1 included. Subtraction is XOR in GF(256), so each factor is (x + αⁱ).
 */
export function generatorPolynomial(degree: number): number[] {
  let polynomial = [1];
  for (let i = 0; i < degree; i++) {
    const root = gfExp(i);
    // p(x)·(x + r): p shifted up one power, plus p scaled by r.
    const shifted = [...polynomial, 0];
    polynomial = shifted.map((coefficient, j) => coefficient ^ (j === 0 ? 0 : gfMultiply(shifted[j - 1]!, root)));
  }
  return polynomial;
}

/**
 * The error-correction codewords of one block: the remainder of data(x)·x^ecCount divided by the
 * generator polynomial, computed as a linear-feedback shift register.
 */
export function errorCorrectionCodewords(data: readonly number[], ecCount: number): number[] {
  const generator = generatorPolynomial(ecCount);
  const remainder = new Array<number>(ecCount).fill(0);
  for (const byte of data) {
    const factor = byte ^ (remainder.shift() ?? 0);
    remainder.push(0);
    for (let i = 0; i < ecCount; i++) remainder[i] = remainder[i]! ^ gfMultiply(generator[i + 1]!, factor);
  }
  return remainder;
}
