import { describe, expect, it } from "vitest";
import { gfExp, gfMultiply } from "./galois-field";
import { errorCorrectionCodewords, generatorPolynomial } from "./reed-solomon";

/** Writes each coefficient as its exponent of α, the way the standard's Annex A lists generator polynomials. */
function asExponents(polynomial: number[]): number[] {
  return polynomial.map((coefficient) => [...Array(255).keys()].find((i) => gfExp(i) === coefficient) ?? -1);
}

describe("GF(256)", () => {
  it("reduces by x⁸ + x⁴ + x³ + x² + 1 and cycles with period 255", () => {
    expect([0, 1, 7, 8, 9, 25].map(gfExp)).toEqual([1, 2, 128, 29, 58, 3]);
    expect(gfExp(255)).toBe(1);
    expect(new Set([...Array(255).keys()].map(gfExp)).size).toBe(255);
  });

  it("multiplies with zero, one and inverses as a field does", () => {
    expect(gfMultiply(0, 200)).toBe(0);
    expect(gfMultiply(1, 200)).toBe(200);
    expect(gfMultiply(gfExp(100), gfExp(155))).toBe(1);
    expect(gfMultiply(0x53, 0xca)).toBe(gfMultiply(0xca, 0x53));
  });
});

describe("Reed–Solomon", () => {
  it("builds the generator polynomials of Annex A", () => {
    expect(asExponents(generatorPolynomial(7))).toEqual([0, 87, 229, 146, 149, 238, 102, 21]);
    expect(asExponents(generatorPolynomial(10))).toEqual([0, 251, 67, 46, 61, 118, 70, 64, 94, 32, 45]);
  });

  it("computes the EC codewords of the 1-M “HELLO WORLD” symbol", () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(errorCorrectionCodewords(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it("yields a codeword whose syndromes are all zero", () => {
    const data = Array.from({ length: 43 }, (_, i) => (i * 37 + 11) & 0xff);
    const codeword = [...data, ...errorCorrectionCodewords(data, 26)];
    for (let root = 0; root < 26; root++) {
      const value = codeword.reduce((sum, coefficient) => gfMultiply(sum, gfExp(root)) ^ coefficient, 0);
      expect(value, `syndrome ${root}`).toBe(0);
    }
  });
});
