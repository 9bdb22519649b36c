import { describe, expect, it } from "vitest";
import { describeSnapshot, formatDelay } from "./snapshot-origin";

const takenAt = new Date("2026-11-24T09:00:00Z");
const snapshot = (overrides: Partial<Parameters<typeof describeSnapshot>[0]>) =>
  describeSnapshot({
    kind: "start",
    origin: "observed",
    delaySeconds: null,
    takenAt,
    issues: { source: "observed", items: [] },
    ...overrides,
  });

describe("describeSnapshot", () => {
  it("names each origin in a few words", () => {
    expect(snapshot({ origin: "webhook" })).toEqual({
      origin: "webhook",
      label: "recorded at start (Jira webhook)",
      takenAt: "2026-11-24T09:00:00.000Z",
    });
    expect(snapshot({ origin: "webhook", kind: "close" }).label).toBe("recorded at close (Jira webhook)");
    expect(snapshot({ origin: "observed" }).label).toBe("first seen on a page load");
    expect(snapshot({ origin: "backfill" }).label).toBe("backfilled from issues");
    // Snapshots from before origins were kept say they were backfilled in their issues.
    expect(snapshot({ origin: "observed", issues: { source: "backfill", items: [] } }).label).toBe(
      "backfilled from issues",
    );
  });

  it("says how late a reconciled snapshot was, and how its commitment was known", () => {
    expect(snapshot({ origin: "reconciled", delaySeconds: 17 * 60 }).label).toBe("reconciled 17 min late");
    expect(
      snapshot({
        origin: "reconciled",
        delaySeconds: 1_000,
        issues: { source: "observed", items: [], rebuiltFrom: "scope-changes" },
      }).label,
    ).toBe("reconciled 17 min late (rebuilt from the changes recorded since the start)");
    expect(
      snapshot({
        origin: "reconciled",
        delaySeconds: 7_200,
        issues: { source: "observed", items: [], rebuiltFrom: "issues-when-found" },
      }).label,
    ).toBe("reconciled 2 h late (issues as found then: no changes were recorded since the start)");
  });
});

describe("formatDelay", () => {
  it("rounds to minutes, hours or days, and never says 0", () => {
    expect(formatDelay(0)).toBe("1 min");
    expect(formatDelay(89 * 60)).toBe("89 min");
    expect(formatDelay(3 * 3600)).toBe("3 h");
    expect(formatDelay(3 * 86_400)).toBe("3 days");
  });
});
