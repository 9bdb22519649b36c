import { describe, expect, it } from "vitest";
import { encodeQr } from "./encode";
import { alignmentCentres, blocksForVersion } from "./version-table";

/**
 * A minimal reader, written from the standard independently of the encoder's layout code: it takes only
 * the published tables (blocks, alignment centres) from the encoder and re-derives everything else.
 */

/** The standard's format words for level M, masks 0–7, as a reader looks them up. */
const LEVEL_M_FORMAT_WORDS = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0];

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

/** GF(256) multiplication by shift-and-add, reducing by 0x11D: a different route from the encoder's tables. */
function multiply(a: number, b: number): number {
  let product = 0;
  for (; b > 0; b >>= 1) {
    if (b & 1) product ^= a;
    a <<= 1;
    if (a & 0x100) a ^= 0x11d;
  }
  return product;
}

function power(exponent: number): number {
  let value = 1;
  for (let i = 0; i < exponent; i++) value = multiply(value, 2);
  return value;
}

function readFormat(dark: boolean[][]): number {
  const size = dark.length;
  const bit = (row: number, col: number) => Number(dark[row]?.[col]);
  // Most significant first: along row 8 from the left, then up column 8, skipping the timing modules.
  const firstPath: [number, number][] = [
    ...[0, 1, 2, 3, 4, 5, 7, 8].map((col): [number, number] => [8, col]),
    ...[7, 5, 4, 3, 2, 1, 0].map((row): [number, number] => [row, 8]),
  ];
  const secondPath: [number, number][] = [
    ...[1, 2, 3, 4, 5, 6, 7].map((k): [number, number] => [size - k, 8]),
    ...[8, 7, 6, 5, 4, 3, 2, 1].map((k): [number, number] => [8, size - k]),
  ];
  const first = firstPath.reduce((word, [row, col]) => (word << 1) | bit(row, col), 0);
  const second = secondPath.reduce((word, [row, col]) => (word << 1) | bit(row, col), 0);
  if (first !== second) throw new Error("format copies differ");
  const mask = LEVEL_M_FORMAT_WORDS.indexOf(first);
  if (mask === -1) throw new Error(`not a level-M format word: ${first.toString(2)}`);
  return mask;
}

function isReserved(version: number, size: number, row: number, col: number): boolean {
  if ((row < 9 && col < 9) || (row < 9 && col >= size - 8) || (row >= size - 8 && col < 9)) return true;
  if (row === 6 || col === 6) return true;
  if (
    version >= 7 &&
    ((row < 6 && col >= size - 11 && col < size - 8) || (col < 6 && row >= size - 11 && row < size - 8))
  ) {
    return true;
  }
  const centres = alignmentCentres(version);
  return centres.some((r) =>
    centres.some((c) => {
      const inFinderCorner = (r < 9 && c < 9) || (r < 9 && c >= size - 8) || (r >= size - 8 && c < 9);
      return !inFinderCorner && Math.abs(row - r) <= 2 && Math.abs(col - c) <= 2;
    }),
  );
}

function readBits(dark: boolean[][], version: number, mask: number): number[] {
  const size = dark.length;
  const bits: number[] = [];
  let column = size - 1;
  let direction = -1;
  let row = size - 1;
  while (column > 0) {
    if (column === 6) column--;
    for (const col of [column, column - 1]) {
      if (!isReserved(version, size, row, col)) bits.push(Number(dark[row]?.[col] !== MASKS[mask]!(row, col)));
    }
    row += direction;
    if (row < 0 || row >= size) {
      direction = -direction;
      row += direction;
      column -= 2;
    }
  }
  return bits;
}

function decodeQr(dark: boolean[][]): string {
  const size = dark.length;
  const version = (size - 17) / 4;
  const mask = readFormat(dark);
  const bits = readBits(dark, version, mask);
  const codewords: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) codewords.push(parseInt(bits.slice(i, i + 8).join(""), 2));

  const { ecCodewordsPerBlock, groups } = blocksForVersion(version);
  const lengths = groups.flatMap((group) => Array<number>(group.count).fill(group.dataCodewords));
  const blocks = lengths.map(() => [] as number[]);
  let next = 0;
  for (let column = 0; column < Math.max(...lengths); column++) {
    lengths.forEach((length, b) => column < length && blocks[b]!.push(codewords[next++]!));
  }
  for (let column = 0; column < ecCodewordsPerBlock; column++)
    blocks.forEach((block) => block.push(codewords[next++]!));

  blocks.forEach((block, b) => {
    for (let root = 0; root < ecCodewordsPerBlock; root++) {
      const x = power(root);
      if (block.reduce((sum, coefficient) => multiply(sum, x) ^ coefficient, 0) !== 0) {
        throw new Error(`block ${b}: syndrome ${root} is not zero`);
      }
    }
  });

  const data = blocks.flatMap((block, b) => block.slice(0, lengths[b]));
  const stream = data.map((byte) => byte.toString(2).padStart(8, "0")).join("");
  if (stream.slice(0, 4) !== "0100") throw new Error("not byte mode");
  const countBits = version <= 9 ? 8 : 16;
  const count = parseInt(stream.slice(4, 4 + countBits), 2);
  const payload = Array.from({ length: count }, (_, i) =>
    parseInt(stream.slice(4 + countBits + 8 * i, 12 + countBits + 8 * i), 2),
  );
  return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(payload));
}

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

function otpauthUri(user: string, issuer = "Bosun"): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(user)}?secret=${SECRET}&issuer=${encodeURIComponent(issuer)}`;
}

describe("QR round trip", () => {
  it.each([
    { name: "a short address (version 5)", uri: otpauthUri("a@b.co") },
    { name: "a typical address", uri: otpauthUri("radia.perlman@example.com") },
    { name: "a long address and an issuer with a space", uri: otpauthUri("grace.hopper@navy.example.org", "Bosun QA") },
    { name: "a 160-byte URI", uri: otpauthUri(`${"x".repeat(72)}@example.com`) },
    { name: "a URI past version 10", uri: otpauthUri(`${"y".repeat(400)}@example.com`) },
    { name: "non-ASCII text as UTF-8", uri: otpauthUri("zoë@exämple.com", "Bösün ✓") },
  ])("recovers $name", ({ uri }) => {
    const qr = encodeQr(uri);
    expect(qr.size).toBe(17 + 4 * qr.version);
    expect(decodeQr(qr.dark)).toBe(uri);
  });

  it("recovers the payload under every mask", () => {
    const uri = otpauthUri("radia.perlman@example.com");
    for (let mask = 0; mask < 8; mask++) {
      const qr = encodeQr(uri, mask);
      expect(qr.mask).toBe(mask);
      expect(decodeQr(qr.dark), `mask ${mask}`).toBe(uri);
    }
  });

  it("refuses a mask the standard does not define", () => {
    expect(() => encodeQr("otpauth://", 8)).toThrow(RangeError);
  });

  it("fits typical otpauth URIs in versions 5 to 10", () => {
    expect(encodeQr(otpauthUri("a@b.co")).version).toBe(5);
    expect(encodeQr(otpauthUri(`${"x".repeat(120)}@example.com`)).version).toBe(10);
  });

  it("notices a flipped data module, so the checks above are real", () => {
    const qr = encodeQr(otpauthUri("radia.perlman@example.com"));
    const last = qr.size - 1;
    const row = qr.dark[last]!;
    row[last] = !row[last];
    expect(() => decodeQr(qr.dark)).toThrow(/syndrome/);
  });
});
