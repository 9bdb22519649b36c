import { describe, expect, it } from "vitest";
import { attentionTotal, countWritesByState, isAllClear } from "./attention";
import { oldestFreshness } from "./freshness";

const none = { unreadNotifications: 0, pendingWrites: 0, failedWrites: 0, rollbacksAwaiting: 0 };

describe("attention", () => {
  it("adds up everything waiting, and is all clear only when nothing is", () => {
    expect(attentionTotal({ unreadNotifications: 3, pendingWrites: 1, failedWrites: 2, rollbacksAwaiting: 1 })).toBe(7);
    expect(isAllClear(none)).toBe(true);
    expect(isAllClear({ ...none, rollbacksAwaiting: 1 })).toBe(false);
  });

  it("groups outbox states: pending waits, failed and dead need a person", () => {
    expect(
      countWritesByState([
        { status: "pending", count: 2 },
        { status: "failed", count: 1 },
        { status: "dead", count: 4 },
        { status: "succeeded", count: 90 },
      ]),
    ).toEqual({ pending: 2, failed: 5 });
    expect(countWritesByState([])).toEqual({ pending: 0, failed: 0 });
  });
});

describe("oldestFreshness", () => {
  const at = (iso: string) => new Date(iso);

  it("is as old as the oldest read, and stale with the first error when any read is", () => {
    expect(
      oldestFreshness(
        [
          { fetchedAt: at("2026-12-03T10:05:00Z"), stale: false, error: null },
          { fetchedAt: at("2026-12-03T10:01:00Z"), stale: true, error: "429 Too Many Requests" },
          { fetchedAt: at("2026-12-03T10:03:00Z"), stale: false, error: null },
        ],
        at("2026-12-03T11:00:00Z"),
      ),
    ).toEqual({ fetchedAt: at("2026-12-03T10:01:00Z"), stale: true, error: "429 Too Many Requests" });
  });

  it("is fresh as of the fallback with no reads", () => {
    expect(oldestFreshness([], at("2026-12-03T11:00:00Z"))).toEqual({
      fetchedAt: at("2026-12-03T11:00:00Z"),
      stale: false,
      error: null,
    });
  });
});
