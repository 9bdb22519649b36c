import { describe, expect, it } from "vitest";
import { healthSeries } from "./health-series";

describe("healthSeries", () => {
  it("gives the crash-free percent per point, null where there were no sessions", () => {
    expect(
      healthSeries([
        { ts: "2026-03-01T00:00:00Z", sessions: 1000, crashed: 5 },
        { ts: "2026-03-01T01:00:00Z", sessions: 0, crashed: 0 },
        { ts: "2026-03-01T02:00:00Z", sessions: 3, crashed: 1 },
      ]),
    ).toEqual([
      { ts: "2026-03-01T00:00:00Z", crashFree: 99.5 },
      { ts: "2026-03-01T01:00:00Z", crashFree: null },
      { ts: "2026-03-01T02:00:00Z", crashFree: 66.67 },
    ]);
  });

  it("is empty for no points", () => {
    expect(healthSeries([])).toEqual([]);
  });
});
