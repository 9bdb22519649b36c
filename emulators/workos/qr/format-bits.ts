/**
 * The two BCH-protected words a reader decodes before anything else: format information (error-correction
 * level and mask) and, from version 7 up, version information.
 */

/** Level M is encoded as 00 in the format information (L = 01, Q = 11, H = 10). */
const LEVEL_M_INDICATOR = 0b00;
/** (15, 5) BCH generator x¹⁰ + x⁸ + x⁵ + x⁴ + x² + x + 1. */
const FORMAT_GENERATOR = 0b101_0011_0111;
/** XORed in so that no format word is all zeros. */
const FORMAT_MASK = 0b101_0100_0001_0010;
/** (18, 6) BCH generator x¹² + x¹¹ + x¹⁰ + x⁹ + x⁸ + x⁵ + x² + 1. */
const VERSION_GENERATOR = 0b1_1111_0010_0101;

/** The remainder of `value · x^degree` divided by `generator` (polynomials over GF(2) as bit strings). */
function bchRemainder(value: number, generator: number, degree: number): number {
  let remainder = value << degree;
  for (let bit = 31 - Math.clz32(remainder); bit >= degree; bit--) {
    if (remainder & (1 << bit)) remainder ^= generator << (bit - degree);
  }
  return remainder;
}

/** The 15-bit format information for level M and `mask` (0–7), most significant bit first as bit 14. */
export function formatInformationBits(mask: number): number {
  const data = (LEVEL_M_INDICATOR << 3) | mask;
  return ((data << 10) | bchRemainder(data, FORMAT_GENERATOR, 10)) ^ FORMAT_MASK;
}

/** The 18-bit version information for versions 7–40: six version bits, then twelve check bits. */
export function versionInformationBits(version: number): number {
  return (version << 12) | bchRemainder(version, VERSION_GENERATOR, 12);
}
