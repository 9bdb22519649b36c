import { errorCorrectionCodewords } from "./reed-solomon";
import { blocksForVersion, dataCodewordCount, MAX_VERSION } from "./version-table";

const BYTE_MODE_INDICATOR = 0b0100;
/** The pad codewords that fill unused capacity, alternately. */
const PAD_EVEN = 0xec;
const PAD_ODD = 0x11;

/** Byte mode counts characters in 8 bits up to version 9 and in 16 bits from version 10. */
export function characterCountBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** The most bytes byte mode holds at level M in `version`. */
export function byteCapacity(version: number): number {
  return Math.floor((dataCodewordCount(version) * 8 - 4 - characterCountBits(version)) / 8);
}

/** The smallest version whose level-M byte-mode capacity holds `byteLength` bytes. */
export function chooseVersion(byteLength: number): number {
  for (let version = 1; version <= MAX_VERSION; version++) {
    if (byteCapacity(version) >= byteLength) return version;
  }
  throw new RangeError(`${byteLength} bytes do not fit in a QR code at level M`);
}

/** Mode indicator, character count, the bytes, terminator, bit padding and pad codewords. */
export function dataCodewords(payload: Uint8Array, version: number): number[] {
  const capacity = dataCodewordCount(version);
  const bits: number[] = [];
  const append = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  append(BYTE_MODE_INDICATOR, 4);
  append(payload.length, characterCountBits(version));
  for (const byte of payload) append(byte, 8);
  append(0, Math.min(4, capacity * 8 - bits.length));
  append(0, (8 - (bits.length % 8)) % 8);

  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    codewords.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
  }
  for (let i = 0; codewords.length < capacity; i++) codewords.push(i % 2 === 0 ? PAD_EVEN : PAD_ODD);
  return codewords;
}

/**
 * The final codeword sequence: data split into the version's blocks, each block's EC codewords appended
 * by Reed–Solomon, then both interleaved column by column (a burst of damage spreads over many blocks).
 */
export function interleavedCodewords(data: readonly number[], version: number): number[] {
  const { ecCodewordsPerBlock, groups } = blocksForVersion(version);
  const dataBlocks: number[][] = [];
  let offset = 0;
  for (const group of groups) {
    for (let i = 0; i < group.count; i++) {
      dataBlocks.push(data.slice(offset, offset + group.dataCodewords));
      offset += group.dataCodewords;
    }
  }
  const ecBlocks = dataBlocks.map((block) => errorCorrectionCodewords(block, ecCodewordsPerBlock));

  const result: number[] = [];
  const longest = Math.max(...dataBlocks.map((block) => block.length));
  for (let column = 0; column < longest; column++) {
    for (const block of dataBlocks) if (column < block.length) result.push(block[column]!);
  }
  for (let column = 0; column < ecCodewordsPerBlock; column++) {
    for (const block of ecBlocks) result.push(block[column]!);
  }
  return result;
}
