import { describe, expect, it } from "vitest";
import { apdex, apdexBounds } from "./apdex";

describe("apdex", () => {
  it("counts satisfied in full and tolerating by half: (satisfied + tolerating / 2) / total", () => {
    // 600 at or under T, 300 more at or under 4T, 100 frustrated.
    expect(apdex({ total: 1000, withinT: 600, within4T: 900 })).toBe(0.75);
  });

  it("is 1 when every transaction is satisfied and 0 when every one is frustrated", () => {
    expect(apdex({ total: 50, withinT: 50, within4T: 50 })).toBe(1);
    expect(apdex({ total: 50, withinT: 0, within4T: 0 })).toBe(0);
  });

  it("is null without transactions", () => {
    expect(apdex({ total: 0, withinT: 0, within4T: 0 })).toBeNull();
  });

  it("keeps extrapolated counts that overshoot the total within 0–1", () => {
    expect(apdex({ total: 100, withinT: 102, within4T: 101 })).toBe(1);
    expect(apdex({ total: 100, withinT: 40, within4T: 30 })).toBe(0.4);
  });

  it("asks for T and 4T", () => {
    expect(apdexBounds(300)).toEqual({ satisfiedMs: 300, toleratingMs: 1200 });
  });
});
