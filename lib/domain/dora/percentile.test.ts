import { describe, expect, it } from "vitest";
import { percentile } from "./percentile";
import { patchLine } from "./versions";

describe("percentile", () => {
  it("is null without samples and the value itself for one", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.85)).toBe(7);
  });

  it("interpolates between ranks, whatever the input order", () => {
    expect(percentile([4, 2], 0.5)).toBe(3);
    expect(percentile([10, 1, 5, 3, 2], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.85)).toBeCloseTo(9.5);
  });
});

describe("patchLine", () => {
  it("reads the patch line of plain and package-prefixed versions", () => {
    expect(patchLine("2.14.1")).toEqual({ line: "2.14", patch: 1 });
    expect(patchLine("web@v3.2.0")).toEqual({ line: "web@v3.2", patch: 0 });
  });

  it("has none for versions that are not major.minor.patch", () => {
    expect(patchLine("a1b2c3d")).toBeNull();
    expect(patchLine("2.14")).toBeNull();
  });
});
