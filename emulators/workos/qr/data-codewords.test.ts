import { describe, expect, it } from "vitest";
import { characterCountBits, dataCodewords, interleavedCodewords } from "./data-codewords";
import { errorCorrectionCodewords } from "./reed-solomon";

describe("data codewords", () => {
  it("writes mode, count, bytes, terminator and alternating pad codewords", () => {
    // 0100 | 00000010 | 01101000 01101001 ("hi") | 0000 → 0x40 0x26 0x86 0x90, then 0xEC 0x11 … to 16.
    expect(dataCodewords(new TextEncoder().encode("hi"), 1)).toEqual([
      0x40, 0x26, 0x86, 0x90, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11,
    ]);
  });

  it("fills a full symbol with the payload and terminator alone, no pad codewords", () => {
    const codewords = dataCodewords(new Uint8Array(14).fill(0xff), 1);
    expect(codewords).toHaveLength(16);
    expect(codewords.slice(0, 2)).toEqual([0x40, 0xef]);
    expect(codewords.at(-1)).toBe(0xf0);
  });

  it("counts characters in 16 bits from version 10", () => {
    expect(characterCountBits(9)).toBe(8);
    expect(characterCountBits(10)).toBe(16);
    expect(dataCodewords(new Uint8Array([0x41]), 10).slice(0, 4)).toEqual([0x40, 0x00, 0x14, 0x10]);
  });
});

describe("interleaving", () => {
  it("takes data column by column across blocks, longer blocks last, then the EC codewords", () => {
    // Version 8-M: blocks of 38, 38, 39 and 39 data codewords, 22 EC codewords each.
    const data = Array.from({ length: 154 }, (_, i) => i);
    const result = interleavedCodewords(data, 8);
    expect(result).toHaveLength(242);
    expect(result.slice(0, 8)).toEqual([0, 38, 76, 115, 1, 39, 77, 116]);
    expect(result.slice(148, 154)).toEqual([37, 75, 113, 152, 114, 153]);
    const blocks = [data.slice(0, 38), data.slice(38, 76), data.slice(76, 115), data.slice(115)];
    const ec = blocks.map((block) => errorCorrectionCodewords(block, 22));
    expect(result.slice(154, 158)).toEqual(ec.map((block) => block[0]));
    expect(result.slice(-4)).toEqual(ec.map((block) => block[21]));
  });
});
