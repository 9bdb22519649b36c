import { describe, expect, it } from "vitest";
import { classifySeverity } from "./classify-severity";
import { DEFAULT_SEVERITY_SETTINGS } from "./settings";
import type { SentryLevel, Severity, SeverityIssue } from "./types";

const issue = (overrides: Partial<SeverityIssue> = {}): SeverityIssue => ({
  id: "1",
  level: "error",
  userCount: 0,
  eventCount: 0,
  isRegression: false,
  isEscalating: false,
  isSecurity: false,
  isUnhandled: false,
  ...overrides,
});

const classify = (overrides: Partial<SeverityIssue>) => classifySeverity(issue(overrides), DEFAULT_SEVERITY_SETTINGS);

describe("classifySeverity", () => {
  it.each<[string, Partial<SeverityIssue>, Severity]>([
    ["fatal", { level: "fatal" }, "critical"],
    ["security at any level", { level: "debug", isSecurity: true }, "critical"],
    ["error at the critical user threshold", { userCount: 500 }, "critical"],
    ["error just under the critical user threshold", { userCount: 499 }, "high"],
    ["error at the high user threshold", { userCount: 50 }, "high"],
    ["error just under the high user threshold", { userCount: 49 }, "medium"],
    ["error at the event threshold", { eventsInWindow: 1000 }, "high"],
    ["error just under the event threshold", { eventsInWindow: 999 }, "medium"],
    ["error with many lifetime events but none known for 24 h", { eventCount: 1_000_000 }, "medium"],
    ["regressed error", { isRegression: true }, "high"],
    ["escalating error", { isEscalating: true }, "high"],
    ["unhandled error", { isUnhandled: true }, "medium"],
    ["plain error", {}, "medium"],
    ["regressed warning", { level: "warning", isRegression: true }, "medium"],
    ["escalating warning", { level: "warning", isEscalating: true }, "low"],
    ["warning with many users", { level: "warning", userCount: 10_000, eventsInWindow: 100_000 }, "low"],
    ["info", { level: "info" }, "low"],
    ["debug", { level: "debug" }, "low"],
    ["sample", { level: "sample" }, "low"],
    ["regressed info", { level: "info", isRegression: true }, "low"],
  ])("%s → %s", (_name, overrides, severity) => {
    expect(classify(overrides).severity).toBe(severity);
  });

  it.each<[Partial<SeverityIssue>, string[]]>([
    [{ level: "fatal" }, ["fatal level"]],
    [{ level: "fatal", isSecurity: true, userCount: 9000 }, ["fatal level", "security issue"]],
    [{ isSecurity: true, userCount: 1204 }, ["security issue", "1,204 users affected ≥ 500"]],
    [{ userCount: 1204, isRegression: true }, ["1,204 users affected ≥ 500"]],
    [
      { userCount: 72, eventsInWindow: 1500, isRegression: true, isEscalating: true },
      ["72 users affected ≥ 50", "1,500 events in 24 h ≥ 1,000", "regressed", "escalating"],
    ],
    [{}, ["error level"]],
    [{ level: "warning", isRegression: true }, ["warning level", "regressed"]],
    [{ level: "warning", isRegression: false }, ["warning level"]],
    [{ level: "info" }, ["info level"]],
  ])("explains %o as %o", (overrides, reasons) => {
    expect(classify(overrides).reasons).toEqual(reasons);
  });

  it("uses the org's thresholds, and singular nouns for one", () => {
    const settings = { highUserThreshold: 1, highEventThreshold: 1, criticalUserThreshold: 10 };
    expect(classifySeverity(issue({ userCount: 1, eventsInWindow: 1 }), settings)).toEqual({
      severity: "high",
      reasons: ["1 user affected ≥ 1", "1 event in 24 h ≥ 1"],
    });
    expect(classifySeverity(issue({ userCount: 10 }), settings).severity).toBe("critical");
    expect(classifySeverity(issue({ userCount: 0 }), settings).severity).toBe("medium");
  });

  it("always gives at least one reason", () => {
    const levels: SentryLevel[] = ["fatal", "error", "warning", "info", "debug", "sample"];
    for (const level of levels) expect(classify({ level }).reasons.length).toBeGreaterThan(0);
  });
});
