import { describe, expect, it } from "vitest";
import {
  NOTHING_PRUNED,
  SESSION_MAX_LIFETIME_DAYS,
  STALE_CACHE_KEEP_DAYS,
  describePruned,
  prunedAnything,
  retentionCutoffs,
  retentionDay,
} from "./cutoffs";
import { DEFAULT_RETENTION_SETTINGS } from "./settings";

const now = new Date("2026-12-02T12:00:00.000Z");

describe("retentionCutoffs", () => {
  it("counts each window back from now", () => {
    expect(retentionCutoffs(DEFAULT_RETENTION_SETTINGS, now)).toEqual({
      deliveryPayloadsBefore: new Date("2026-11-02T12:00:00.000Z"),
      automationRunsBefore: new Date("2026-09-03T12:00:00.000Z"),
      finishedWritesBefore: new Date("2026-09-03T12:00:00.000Z"),
      cacheExpiredBefore: new Date("2026-11-25T12:00:00.000Z"),
      sessionsCreatedBefore: new Date("2026-11-02T12:00:00.000Z"),
    });
  });

  it("follows the org's own settings; cache and session windows are the same for every org", () => {
    const cutoffs = retentionCutoffs({ deliveryPayloadDays: 7, automationRunDays: 14, finishedWriteDays: 365 }, now);
    expect(cutoffs.deliveryPayloadsBefore).toEqual(new Date("2026-11-25T12:00:00.000Z"));
    expect(cutoffs.automationRunsBefore).toEqual(new Date("2026-11-18T12:00:00.000Z"));
    expect(cutoffs.finishedWritesBefore).toEqual(new Date("2025-12-02T12:00:00.000Z"));
    expect(cutoffs.cacheExpiredBefore.getTime()).toBe(now.getTime() - STALE_CACHE_KEEP_DAYS * 86_400_000);
    expect(cutoffs.sessionsCreatedBefore.getTime()).toBe(now.getTime() - SESSION_MAX_LIFETIME_DAYS * 86_400_000);
  });
});

describe("describePruned", () => {
  it("names only what was removed, singular and plural", () => {
    expect(describePruned({ ...NOTHING_PRUNED, deliveryPayloads: 1, finishedWrites: 1200 })).toBe(
      "Retention removed 1 webhook payload, 1,200 finished writes",
    );
    expect(
      describePruned({ deliveryPayloads: 2, automationRuns: 1, finishedWrites: 0, cacheEntries: 3, sessions: 1 }),
    ).toBe("Retention removed 2 webhook payloads, 1 automation run, 3 expired cache entries, 1 ended session");
    expect(describePruned(NOTHING_PRUNED)).toBe("Retention removed nothing");
  });

  it("tells whether anything went", () => {
    expect(prunedAnything(NOTHING_PRUNED)).toBe(false);
    expect(prunedAnything({ ...NOTHING_PRUNED, sessions: 1 })).toBe(true);
  });
});

describe("retentionDay", () => {
  it("is the UTC calendar day, whatever the hour", () => {
    expect(retentionDay(new Date("2026-12-02T00:00:00.000Z"))).toBe("2026-12-02");
    expect(retentionDay(new Date("2026-12-02T23:59:59.999Z"))).toBe("2026-12-02");
    expect(retentionDay(new Date("2026-12-03T00:00:00.000Z"))).toBe("2026-12-03");
  });
});
