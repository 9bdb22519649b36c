import { describe, expect, it } from "vitest";
import { formatInformationBits, versionInformationBits } from "./format-bits";

/** The standard's table of format information words for level M, masks 0–7. */
const LEVEL_M_FORMAT_WORDS = [
  "101010000010010",
  "101000100100101",
  "101111001111100",
  "101101101001011",
  "100010111111001",
  "100000011001110",
  "100111110010111",
  "100101010100000",
];

function hammingDistance(a: number, b: number): number {
  return (a ^ b).toString(2).replace(/0/g, "").length;
}

describe("format information", () => {
  it("matches the standard's table for level M and each mask", () => {
    const words = LEVEL_M_FORMAT_WORDS.map((_, mask) => formatInformationBits(mask).toString(2).padStart(15, "0"));
    expect(words).toEqual(LEVEL_M_FORMAT_WORDS);
  });

  it("keeps every pair of words at least 7 bits apart, the distance of the (15, 5) BCH code", () => {
    for (let a = 0; a < 8; a++) {
      for (let b = a + 1; b < 8; b++) {
        expect(hammingDistance(formatInformationBits(a), formatInformationBits(b))).toBeGreaterThanOrEqual(7);
      }
    }
  });
});

describe("version information", () => {
  it("matches the standard's table (Annex D)", () => {
    expect(versionInformationBits(7)).toBe(0x07c94);
    expect(versionInformationBits(8)).toBe(0x085bc);
    expect(versionInformationBits(9)).toBe(0x09a99);
    expect(versionInformationBits(10)).toBe(0x0a4d3);
    expect(versionInformationBits(40)).toBe(0x28c69);
  });

  it("carries the version in its six high bits", () => {
    for (let version = 7; version <= 40; version++) expect(versionInformationBits(version) >>> 12).toBe(version);
  });
});
