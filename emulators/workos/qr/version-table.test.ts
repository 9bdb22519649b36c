import { describe, expect, it } from "vitest";
import { byteCapacity, chooseVersion } from "./data-codewords";
import { createFunctionPatterns } from "./function-patterns";
import { dataModuleOrder } from "./place-codewords";
import { alignmentCentres, blocksForVersion, MAX_VERSION, symbolSize } from "./version-table";

const VERSIONS = Array.from({ length: MAX_VERSION }, (_, i) => i + 1);

/** Remainder bits per version, from the standard's table of codeword capacities. */
function remainderBits(version: number): number {
  if (version >= 2 && version <= 6) return 7;
  if ((version >= 14 && version <= 20) || (version >= 28 && version <= 34)) return 3;
  if (version >= 21 && version <= 27) return 4;
  return 0;
}

describe("level-M version table", () => {
  it("fills exactly the data modules each version leaves after its function patterns", () => {
    for (const version of VERSIONS) {
      const { ecCodewordsPerBlock, groups } = blocksForVersion(version);
      const codewords = groups.reduce(
        (sum, group) => sum + group.count * (group.dataCodewords + ecCodewordsPerBlock),
        0,
      );
      const dataModules = dataModuleOrder(createFunctionPatterns(version)).length;
      expect(codewords * 8 + remainderBits(version), `version ${version}`).toBe(dataModules);
    }
  });

  it("keeps group 2 blocks one data codeword longer than group 1", () => {
    for (const version of VERSIONS) {
      const [first, second] = blocksForVersion(version).groups;
      if (second) expect(second.dataCodewords, `version ${version}`).toBe(first!.dataCodewords + 1);
    }
  });

  it("spaces alignment patterns evenly from the far edge back to the second one", () => {
    expect(alignmentCentres(1)).toEqual([]);
    for (const version of VERSIONS.slice(1)) {
      const centres = alignmentCentres(version);
      expect(centres.length, `version ${version}`).toBe(Math.floor(version / 7) + 2);
      expect(centres[0]).toBe(6);
      expect(centres.at(-1)).toBe(symbolSize(version) - 7);
      const steps = centres.slice(2).map((centre, i) => centre - centres[i + 1]!);
      expect(new Set(steps).size, `version ${version}`).toBeLessThanOrEqual(1);
      for (const step of steps) expect(step % 2).toBe(0);
    }
  });

  it("holds the standard's byte-mode capacities at level M", () => {
    const capacities = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];
    expect(capacities.map((_, i) => byteCapacity(i + 1))).toEqual(capacities);
    expect(byteCapacity(40)).toBe(2331);
  });

  it("chooses the smallest version that holds the payload", () => {
    expect(chooseVersion(0)).toBe(1);
    expect(chooseVersion(14)).toBe(1);
    expect(chooseVersion(15)).toBe(2);
    expect(chooseVersion(106)).toBe(6);
    expect(chooseVersion(107)).toBe(7);
    expect(chooseVersion(160)).toBe(9);
    expect(chooseVersion(213)).toBe(10);
    expect(chooseVersion(214)).toBe(11);
    expect(() => chooseVersion(2332)).toThrow(RangeError);
  });
});
