/**
 * Arithmetic in GF(256) as QR codes define it: elements are bytes, addition is XOR, and multiplication
 * works through powers of the primitive element α = 2 modulo x⁸ + x⁴ + x³ + x² + 1 (0x11D).
 */

const PRIMITIVE_POLYNOMIAL = 0x11d;

/** `EXP[i]` = αⁱ for i in 0..254, repeated once so a sum of two logarithms indexes it without a modulo. */
const EXP = new Uint8Array(510);
/** `LOG[x]` = i such that αⁱ = x, for x ≠ 0. */
const LOG = new Uint8Array(256);

let power = 1;
for (let i = 0; i < 255; i++) {
  EXP[i] = power;
  EXP[i + 255] = power;
  LOG[power] = i;
  power <<= 1;
  if (power & 0x100) power ^= PRIMITIVE_POLYNOMIAL;
}

/** αⁱ for any non-negative exponent. */
export function gfExp(exponent: number): number {
  return EXP[exponent % 255]!;
}

export function gfMultiply(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return EXP[LOG[a]! + LOG[b]!]!;
}
