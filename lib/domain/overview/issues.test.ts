import { describe, expect, it } from "vitest";
import { isBreaking, pickBreakingIssues, type BreakingCandidate } from "./issues";

type Issue = BreakingCandidate & { id: string };
const issue = (id: string, fields: Partial<BreakingCandidate>): Issue => ({
  id,
  severity: "medium",
  substatus: "ongoing",
  userCount: 1,
  eventCount: 1,
  ...fields,
});

describe("isBreaking", () => {
  it("counts Critical issues and regressed ones of any severity", () => {
    expect(isBreaking(issue("a", { severity: "critical" }))).toBe(true);
    expect(isBreaking(issue("b", { severity: "low", substatus: "regressed" }))).toBe(true);
    expect(isBreaking(issue("c", { severity: "high", substatus: "escalating" }))).toBe(false);
    expect(isBreaking(issue("d", { severity: "medium", substatus: null }))).toBe(false);
  });
});

describe("pickBreakingIssues", () => {
  const issues = [
    issue("quiet", { severity: "low" }),
    issue("regressed-high", { severity: "high", substatus: "regressed", userCount: 900 }),
    issue("critical-few", { severity: "critical", userCount: 3, eventCount: 50 }),
    issue("critical-many", { severity: "critical", userCount: 300 }),
    issue("critical-few-more-events", { severity: "critical", userCount: 3, eventCount: 80 }),
    issue("regressed-low", { severity: "low", substatus: "regressed", userCount: 2000 }),
  ];

  it("lists Critical first, by users then events, then regressions by severity", () => {
    expect(pickBreakingIssues(issues, 10).shown.map((i) => i.id)).toEqual([
      "critical-many",
      "critical-few-more-events",
      "critical-few",
      "regressed-high",
      "regressed-low",
    ]);
  });

  it("keeps the first few and says how many there are in all", () => {
    const picked = pickBreakingIssues(issues, 2);
    expect(picked.shown.map((i) => i.id)).toEqual(["critical-many", "critical-few-more-events"]);
    expect(picked.total).toBe(5);
  });

  it("does not reorder the list it was given", () => {
    const copy = [...issues];
    pickBreakingIssues(issues, 3);
    expect(issues).toEqual(copy);
  });
});
