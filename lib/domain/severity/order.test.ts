import { describe, expect, it } from "vitest";
import { SEVERITY_ORDER, compareSeverity } from "./order";
import type { Severity } from "./types";

describe("compareSeverity", () => {
  it("sorts critical first", () => {
    const shuffled: Severity[] = ["low", "critical", "medium", "high", "low", "critical"];
    expect([...shuffled].sort(compareSeverity)).toEqual(["critical", "critical", "high", "medium", "low", "low"]);
  });

  it("agrees with SEVERITY_ORDER and is zero for equals", () => {
    expect(SEVERITY_ORDER).toEqual(["critical", "high", "medium", "low"]);
    expect(compareSeverity("high", "high")).toBe(0);
    expect(compareSeverity("critical", "low")).toBeLessThan(0);
    expect(compareSeverity("medium", "high")).toBeGreaterThan(0);
  });
});
