import { describe, expect, it } from "vitest";
import { packItems, pointUnit, usableRoom } from "./repack";

const roomy = () => ({ perSearch: 1_000, shared: { nodes: 10_000 }, unit: 1 });

describe("packItems", () => {
  it("moves planned items between bins so a new one fits", () => {
    // Two 2s spread over bins of 6 and 8 leave no room for an 8 until both sit in the 6.
    expect(
      packItems(
        [6, 8],
        [
          { points: 2, bin: 0 },
          { points: 2, bin: 1 },
          { points: 8, bin: null },
        ],
        roomy(),
      ),
    ).toEqual([0, 0, 1]);
  });

  it("leaves items where they are when that already works", () => {
    expect(
      packItems(
        [5, 5],
        [
          { points: 3, bin: 1 },
          { points: 2, bin: 0 },
          { points: 2, bin: null },
        ],
        roomy(),
      ),
    ).toEqual([1, 0, 0]);
  });

  it("tries a new item's preferred bin first", () => {
    expect(packItems([5, 5], [{ points: 2, bin: null, preferredBin: 1 }], roomy())).toEqual([1]);
  });

  it("returns null when the items cannot fit, or the search runs out of nodes", () => {
    expect(
      packItems(
        [5, 5],
        [
          { points: 3, bin: 0 },
          { points: 3, bin: 1 },
          { points: 3, bin: null },
        ],
        roomy(),
      ),
    ).toBeNull();
    expect(
      packItems(
        [6, 8],
        [
          { points: 2, bin: 0 },
          { points: 2, bin: 1 },
          { points: 8, bin: null },
        ],
        { ...roomy(), perSearch: 1 },
      ),
    ).toBeNull();
    const shared = { nodes: 2 };
    expect(
      packItems(
        [6, 8],
        [
          { points: 2, bin: 0 },
          { points: 2, bin: 1 },
          { points: 8, bin: null },
        ],
        { ...roomy(), shared },
      ),
    ).toBeNull();
    expect(shared.nodes).toBeLessThan(0);
  });
});

describe("point grid", () => {
  it("finds the step every estimate is a multiple of", () => {
    expect(pointUnit([2, 4, 8])).toBe(2);
    expect(pointUnit([1, 0.5, 3])).toBe(0.5);
    expect(pointUnit([0.3, 0.2])).toBe(0.1);
    expect(pointUnit([0, 3])).toBe(3);
    expect(pointUnit([1, 0.25])).toBe(0);
    expect(pointUnit([])).toBe(0);
  });

  it("counts only the room whole steps can fill", () => {
    expect(usableRoom([2.7, 0.9, -0.1], 1)).toBe(2);
    expect(usableRoom([2.7, 0.9], 0.5)).toBe(3);
    expect(usableRoom([2.7, 0.9], 0)).toBeCloseTo(3.6, 9);
  });
});
