import { describe, expect, it } from "vitest";
import { createFunctionPatterns, type QrGrid } from "./function-patterns";

const FINDER = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"];
const ALIGNMENT = ["11111", "10001", "10101", "10001", "11111"];

function region(grid: QrGrid, top: number, left: number, height: number, width: number): string[] {
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => (grid.dark[top + r]?.[left + c] ? "1" : "0")).join(""),
  );
}

describe("function patterns", () => {
  it("draws the three finders with light separators", () => {
    const grid = createFunctionPatterns(1);
    const far = grid.size - 7;
    expect(region(grid, 0, 0, 7, 7)).toEqual(FINDER);
    expect(region(grid, 0, far, 7, 7)).toEqual(FINDER);
    expect(region(grid, far, 0, 7, 7)).toEqual(FINDER);
    expect(region(grid, 7, 0, 1, 8)).toEqual(["00000000"]);
    expect(region(grid, 0, 7, 8, 1).join("")).toBe("00000000");
    expect(region(grid, 7, far - 1, 1, 8)).toEqual(["00000000"]);
    expect(region(grid, far - 1, 7, 8, 1).join("")).toBe("00000000");
  });

  it("alternates the timing patterns between the finders, dark on even positions", () => {
    const grid = createFunctionPatterns(3);
    for (let i = 8; i < grid.size - 8; i++) {
      expect(grid.dark[6]?.[i], `row 6, column ${i}`).toBe(i % 2 === 0);
      expect(grid.dark[i]?.[6], `column 6, row ${i}`).toBe(i % 2 === 0);
      expect(grid.isFunction[6]?.[i] && grid.isFunction[i]?.[6]).toBe(true);
    }
  });

  it("puts version 2's single alignment pattern at (18, 18)", () => {
    const grid = createFunctionPatterns(2);
    expect(region(grid, 16, 16, 5, 5)).toEqual(ALIGNMENT);
  });

  it("gives version 7 six alignment patterns, none over a finder", () => {
    const grid = createFunctionPatterns(7);
    const centres = [6, 22, 38];
    const drawn = centres.flatMap((row) =>
      centres
        .filter((col) => region(grid, row - 2, col - 2, 5, 5).join() === ALIGNMENT.join())
        .map((col) => `${row},${col}`),
    );
    expect(drawn).toEqual(["6,22", "22,6", "22,22", "22,38", "38,22", "38,38"]);
    expect(region(grid, 0, 0, 7, 7)).toEqual(FINDER);
  });

  it("sets the dark module beside the bottom-left format bits", () => {
    for (const version of [1, 5, 10]) {
      const grid = createFunctionPatterns(version);
      expect(grid.dark[grid.size - 8]?.[8]).toBe(true);
    }
  });

  it("writes version information in both 6×3 blocks from version 7, least significant bit first", () => {
    expect(createFunctionPatterns(6).isFunction[0]?.[41 - 11]).toBe(false);
    const grid = createFunctionPatterns(7);
    let topRight = 0;
    let bottomLeft = 0;
    for (let i = 17; i >= 0; i--) {
      const along = Math.floor(i / 3);
      const across = grid.size - 11 + (i % 3);
      topRight = (topRight << 1) | Number(grid.dark[along]?.[across]);
      bottomLeft = (bottomLeft << 1) | Number(grid.dark[across]?.[along]);
    }
    expect(topRight).toBe(0x07c94);
    expect(bottomLeft).toBe(0x07c94);
  });
});
