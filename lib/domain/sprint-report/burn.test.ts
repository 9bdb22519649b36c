import { describe, expect, it } from "vitest";
import { burnSeries } from "./burn";
import type { ReportItem, ReportScopeChange } from "./types";

// Monday 2 November 2026 09:00 UTC to Monday 16 November (two weeks, ten working days).
const sprint = {
  id: 7,
  name: "Sprint 7",
  startDate: "2026-11-02T09:00:00.000Z",
  endDate: "2026-11-16T09:00:00.000Z",
  completeDate: "2026-11-16T10:00:00.000Z",
};
const item = (key: string, points: number | null, extra: Partial<ReportItem> = {}): ReportItem => ({
  key,
  points,
  statusCategory: "new",
  ...extra,
});
const change = (
  issueKey: string,
  kind: ReportScopeChange["kind"],
  occurredAt: string,
  points: number | null,
  previousPoints: number | null = null,
): ReportScopeChange => ({ issueKey, kind, occurredAt, points, previousPoints });
const now = "2026-11-20T00:00:00.000Z";
const dayOf = (series: ReturnType<typeof burnSeries>, day: string) => series.days.find((d) => d.day === day)!;

describe("burnSeries (tracked)", () => {
  const committed = [item("A-1", 5), item("A-2", 3), item("A-3", 2)];

  it("burns on the day work reaches done and keeps the start value when scope changes later", () => {
    const changes = [
      change("A-1", "completed", "2026-11-04T15:00:00.000Z", 5),
      change("A-9", "added", "2026-11-05T10:00:00.000Z", 8),
      change("A-2", "estimated", "2026-11-06T10:00:00.000Z", 5, 3),
      change("A-3", "removed", "2026-11-09T10:00:00.000Z", 2),
      change("A-9", "completed", "2026-11-12T10:00:00.000Z", 8),
    ];
    const final = [
      item("A-1", 5, { statusCategory: "done" }),
      item("A-2", 5),
      item("A-9", 8, { statusCategory: "done" }),
    ];
    const series = burnSeries({ sprint, committed, final, changes, now });

    expect(series).toMatchObject({ basis: "tracked", runsTo: "close", committedPoints: 10, committedIssues: 3 });
    expect(series.unplacedChanges).toBe(0);
    expect(series.days[0]).toMatchObject({ day: "2026-11-02", scope: 10, completed: 0, remaining: 10, ideal: 9 });
    expect(dayOf(series, "2026-11-04")).toMatchObject({ scope: 10, completed: 5, remaining: 5, burned: 5 });
    expect(dayOf(series, "2026-11-05")).toMatchObject({ scope: 18, added: 8, remaining: 13 });
    expect(dayOf(series, "2026-11-06")).toMatchObject({ scope: 20, estimated: 2 });
    expect(dayOf(series, "2026-11-09")).toMatchObject({ scope: 18, removed: 2 });
    expect(dayOf(series, "2026-11-12")).toMatchObject({ completed: 13, remaining: 5 });
    // The line runs to the actual close, the guideline is at zero by the planned end and flat over the weekend.
    expect(series.days.at(-1)).toMatchObject({ day: "2026-11-16", scope: 18, completed: 13, ideal: 0 });
    expect(dayOf(series, "2026-11-07").ideal).toBe(dayOf(series, "2026-11-08").ideal);
    expect(dayOf(series, "2026-11-13").ideal).toBe(0);
  });

  it("undoes a burn when an issue is reopened, and moves a done issue's burn with its re-estimate", () => {
    const changes = [
      change("A-1", "completed", "2026-11-03T10:00:00.000Z", 5),
      change("A-1", "reopened", "2026-11-04T10:00:00.000Z", 5),
      change("A-2", "completed", "2026-11-05T10:00:00.000Z", 3),
      change("A-2", "estimated", "2026-11-06T10:00:00.000Z", 4, 3),
    ];
    const series = burnSeries({
      sprint: { ...sprint, completeDate: null },
      committed,
      final: null,
      changes,
      now: "2026-11-06T20:00:00.000Z",
    });
    expect(series.runsTo).toBe("now");
    expect(series.days.map((d) => d.completed)).toEqual([0, 5, 0, 3, 4]);
    expect(series.days.map((d) => d.scope)).toEqual([10, 10, 10, 10, 11]);
    expect(series.days.at(-1)?.day).toBe("2026-11-06");
  });

  it("ignores changes before the start and after the close", () => {
    const changes = [
      change("A-1", "completed", "2026-11-01T10:00:00.000Z", 5),
      change("A-2", "completed", "2026-11-17T10:00:00.000Z", 3),
    ];
    const series = burnSeries({ sprint, committed, final: null, changes, now });
    expect(series.days.every((d) => d.completed === 0)).toBe(true);
  });

  it("places what the close shows but no change explains: completions on their resolution day, the rest on the last day", () => {
    const final = [
      item("A-1", 5, { statusCategory: "done", resolvedAt: "2026-11-05T12:00:00.000Z" }),
      item("A-2", 3, { statusCategory: "done" }),
      item("A-7", 1),
    ];
    const series = burnSeries({ sprint, committed, final, changes: [], now });
    expect(dayOf(series, "2026-11-05")).toMatchObject({ completed: 5, burned: 5 });
    expect(series.days.at(-1)).toMatchObject({ completed: 8, scope: 9, added: 1, removed: 2 });
    // A-2's completion (no resolution time), A-7's arrival and A-3's departure.
    expect(series.unplacedChanges).toBe(3);
  });

  it("leaves issues done before the start out of the commitment", () => {
    const series = burnSeries({
      sprint,
      committed: [...committed, item("A-4", 8, { statusCategory: "done" })],
      final: null,
      changes: [],
      now,
    });
    expect(series).toMatchObject({ committedPoints: 10, committedIssues: 3, doneAtStart: 1 });
  });

  it("counts days in the org's time zone", () => {
    const changes = [change("A-1", "completed", "2026-11-04T23:30:00.000Z", 5)];
    const utc = burnSeries({ sprint, committed, final: null, changes, now });
    const tokyo = burnSeries({ sprint, committed, final: null, changes, now, timeZone: "Asia/Tokyo" });
    expect(dayOf(utc, "2026-11-04").burned).toBe(5);
    expect(dayOf(tokyo, "2026-11-05").burned).toBe(5);
    expect(tokyo.timeZone).toBe("Asia/Tokyo");
  });
});

describe("burnSeries (backfilled)", () => {
  it("takes the close's issues as the commitment and burns each on its resolution day", () => {
    const final = [
      item("B-1", 3, { statusCategory: "done", resolvedAt: "2026-11-03T10:00:00.000Z" }),
      item("B-2", 5, { statusCategory: "done", resolvedAt: "2026-11-10T10:00:00.000Z" }),
      item("B-3", 2, { statusCategory: "indeterminate" }),
      // Finished in a later sprint: not done at this close.
      item("B-4", 1, { statusCategory: "done", resolvedAt: "2026-11-25T10:00:00.000Z" }),
      // Resolved before the start: not part of the commitment.
      item("B-5", 8, { statusCategory: "done", resolvedAt: "2026-10-30T10:00:00.000Z" }),
    ];
    const series = burnSeries({ sprint, committed: null, final, changes: [], now });
    expect(series).toMatchObject({ basis: "backfilled", committedPoints: 11, committedIssues: 4, doneAtStart: 1 });
    expect(series.unplacedChanges).toBe(0);
    expect(dayOf(series, "2026-11-03")).toMatchObject({ completed: 3 });
    expect(dayOf(series, "2026-11-10")).toMatchObject({ completed: 8 });
    expect(series.days.at(-1)).toMatchObject({ scope: 11, completed: 8, remaining: 3, added: 0, removed: 0 });
    expect(series.outcomes.find((o) => o.key === "B-4")).toMatchObject({ inScope: true, done: false });
  });

  it("ignores recorded changes for a sprint whose start Bosun never saw", () => {
    const series = burnSeries({
      sprint,
      committed: null,
      final: [item("B-1", 3)],
      changes: [change("B-9", "added", "2026-11-04T10:00:00.000Z", 5)],
      now,
    });
    expect(series.days.at(-1)).toMatchObject({ scope: 3, added: 0 });
  });
});
