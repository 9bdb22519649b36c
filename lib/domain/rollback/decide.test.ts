import { describe, expect, it } from "vitest";
import { DEFAULT_RELEASE_HEALTH_SETTINGS } from "@/lib/domain/release-health";
import { decideRollbackGate, evidenceFingerprint, type GateInput } from "./decide";
import { DEFAULT_ROLLBACK_SETTINGS } from "./settings";
import type { NewIssue } from "./types";

const NOW = new Date("2026-12-03T12:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const critical = (n: number): NewIssue[] =>
  Array.from({ length: n }, (_, i) => ({ shortId: `ACME-${i + 1}`, title: `Crash ${i + 1}`, severity: "critical" }));

const healthy: GateInput = {
  release: "2.14.0",
  environment: "production",
  deployedAt: hoursAgo(3),
  now: NOW,
  crashFree: { rate: 99.6, sessions: 5000, previousVersion: "2.13.0", previousRate: 99.8, previousSessions: 8000 },
  newIssues: [],
  performanceRegressions: [],
  settings: DEFAULT_ROLLBACK_SETTINGS,
  health: DEFAULT_RELEASE_HEALTH_SETTINGS,
};
const withDrop = (rate: number, extra: Partial<GateInput["crashFree"] & object> = {}): GateInput => ({
  ...healthy,
  crashFree: { ...healthy.crashFree!, rate, ...extra },
});

describe("decideRollbackGate: the window", () => {
  const regressed = withDrop(97.5);

  it("raises for a regression inside the window after the deploy", () => {
    expect(decideRollbackGate(regressed).raise).toBe(true);
  });

  it("raises right up to the end of the window and not a millisecond after", () => {
    expect(decideRollbackGate({ ...regressed, deployedAt: hoursAgo(24) }).raise).toBe(true);
    const after = new Date(hoursAgo(24).getTime() - 1);
    expect(decideRollbackGate({ ...regressed, deployedAt: after })).toEqual({
      raise: false,
      reason: "2.14.0 was deployed more than 24 h ago, outside the rollback window",
    });
  });

  it("follows the org's window", () => {
    const settings = { ...DEFAULT_ROLLBACK_SETTINGS, windowHours: 240 };
    expect(decideRollbackGate({ ...regressed, deployedAt: hoursAgo(8 * 24), settings }).raise).toBe(true);
    expect(decideRollbackGate({ ...regressed, deployedAt: hoursAgo(11 * 24), settings }).raise).toBe(false);
  });

  it("never raises for a release that was not deployed, or whose deploy is dated in the future", () => {
    expect(decideRollbackGate({ ...regressed, deployedAt: null })).toEqual({
      raise: false,
      reason: "2.14.0 was never deployed to production",
    });
    expect(decideRollbackGate({ ...regressed, deployedAt: new Date(NOW.getTime() + 60_000) }).raise).toBe(false);
  });
});

describe("decideRollbackGate: crash-free drop", () => {
  it("raises above the release-health threshold with the evidence in words", () => {
    const decision = decideRollbackGate(withDrop(97.5));
    if (!decision.raise) throw new Error(decision.reason);
    expect(decision.evidence).toEqual({
      release: "2.14.0",
      environment: "production",
      previousRelease: "2.13.0",
      deployedAt: "2026-12-03T09:00:00.000Z",
      evaluatedAt: "2026-12-03T12:00:00.000Z",
      signals: [
        {
          kind: "crash_free_drop",
          text: "Crash-free sessions fell to 97.50% from 99.80% in 2.13.0 (−2.30 points, more than the 0.5 allowed)",
          current: 97.5,
          previous: 99.8,
          dropPoints: 2.3,
        },
      ],
      summary: "Crash-free sessions fell to 97.50% from 99.80% in 2.13.0 (−2.30 points, more than the 0.5 allowed).",
    });
  });

  it("does not raise at exactly the threshold (rounded as the releases page rounds)", () => {
    // 64.48 − 63.98 is 0.5000000000000071 in floating point; rounded it is the threshold, which is not above it.
    expect(decideRollbackGate(withDrop(63.98, { previousRate: 64.48 })).raise).toBe(false);
    expect(decideRollbackGate(withDrop(99.29)).raise).toBe(true);
  });

  it("waits for enough sessions on both releases", () => {
    expect(decideRollbackGate(withDrop(90, { sessions: 999 })).raise).toBe(false);
    expect(decideRollbackGate(withDrop(90, { previousSessions: 10 })).raise).toBe(false);
    expect(decideRollbackGate(withDrop(90, { sessions: 1000, previousSessions: 1000 })).raise).toBe(true);
  });

  it("cannot compare without a previous release or without rates", () => {
    expect(decideRollbackGate(withDrop(90, { previousVersion: null })).raise).toBe(false);
    expect(decideRollbackGate(withDrop(90, { previousRate: null })).raise).toBe(false);
    expect(decideRollbackGate({ ...healthy, crashFree: { ...healthy.crashFree!, rate: null } }).raise).toBe(false);
    expect(decideRollbackGate({ ...healthy, crashFree: null })).toEqual({
      raise: false,
      reason: "2.14.0 shows no regression",
    });
  });

  it("an improvement is no regression", () => {
    expect(decideRollbackGate(withDrop(99.99)).raise).toBe(false);
  });
});

describe("decideRollbackGate: new Critical issues", () => {
  it("raises at the threshold count, counting only Critical ones", () => {
    const issues: NewIssue[] = [
      ...critical(2),
      { shortId: "ACME-9", title: "Slow", severity: "high" },
      { shortId: "ACME-10", title: "Noise", severity: "low" },
    ];
    expect(decideRollbackGate({ ...healthy, newIssues: issues }).raise).toBe(false);
    const decision = decideRollbackGate({ ...healthy, newIssues: critical(3) });
    if (!decision.raise) throw new Error(decision.reason);
    expect(decision.evidence.signals).toEqual([
      {
        kind: "critical_issues",
        text: "3 new Critical issues first seen in this release (threshold 3): ACME-1, ACME-2, ACME-3",
        count: 3,
        issues: critical(3).map(({ shortId, title }) => ({ shortId, title })),
      },
    ]);
  });

  it("names five and counts the rest", () => {
    const decision = decideRollbackGate({ ...healthy, newIssues: critical(8) });
    if (!decision.raise) throw new Error(decision.reason);
    const [signal] = decision.evidence.signals;
    expect(signal).toMatchObject({ count: 8 });
    expect(signal?.text).toBe(
      "8 new Critical issues first seen in this release (threshold 3): ACME-1, ACME-2, ACME-3, ACME-4, ACME-5 and 3 more",
    );
  });

  it("follows the org's threshold, singular included", () => {
    const settings = { ...DEFAULT_ROLLBACK_SETTINGS, criticalIssueThreshold: 1 };
    const decision = decideRollbackGate({ ...healthy, newIssues: critical(1), settings });
    if (!decision.raise) throw new Error(decision.reason);
    expect(decision.evidence.summary).toBe("1 new Critical issue first seen in this release (threshold 1): ACME-1.");
  });
});

describe("decideRollbackGate: performance and several signals", () => {
  const slower = {
    metric: "lcpP75",
    changePercent: 26,
    reason: "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads",
  };

  it("raises for a performance regression the scorecards flag", () => {
    const decision = decideRollbackGate({ ...healthy, performanceRegressions: [slower] });
    if (!decision.raise) throw new Error(decision.reason);
    expect(decision.evidence.signals).toEqual([
      { kind: "performance", text: `Slower: ${slower.reason}`, metric: "lcpP75", changePercent: 26 },
    ]);
  });

  it("lists every signal, crash-free first, in one summary", () => {
    const decision = decideRollbackGate({
      ...withDrop(97),
      newIssues: critical(4),
      performanceRegressions: [slower],
    });
    if (!decision.raise) throw new Error(decision.reason);
    expect(decision.evidence.signals.map((signal) => signal.kind)).toEqual([
      "crash_free_drop",
      "critical_issues",
      "performance",
    ]);
    expect(decision.evidence.summary.split("; ")).toHaveLength(3);
  });

  it("is deterministic", () => {
    const input = { ...withDrop(97), newIssues: critical(4), performanceRegressions: [slower] };
    expect(decideRollbackGate(input)).toEqual(decideRollbackGate(structuredClone(input)));
  });
});

describe("evidenceFingerprint", () => {
  const evidenceOf = (input: GateInput) => {
    const decision = decideRollbackGate(input);
    if (!decision.raise) throw new Error(decision.reason);
    return decision.evidence;
  };

  it("ignores when the evidence was measured and by how much the rate moved", () => {
    const first = evidenceOf(withDrop(97));
    const later = evidenceOf({ ...withDrop(96.4), now: new Date(NOW.getTime() + 900_000) });
    expect(evidenceFingerprint(first)).toBe(evidenceFingerprint(later));
  });

  it("changes when a new kind of signal or more Critical issues appear", () => {
    const first = evidenceFingerprint(evidenceOf(withDrop(97)));
    const more = evidenceFingerprint(evidenceOf({ ...withDrop(97), newIssues: critical(3) }));
    const evenMore = evidenceFingerprint(evidenceOf({ ...withDrop(97), newIssues: critical(4) }));
    expect(new Set([first, more, evenMore]).size).toBe(3);
    expect(more).toBe("crash_free|critical:3");
  });
});
