import { describe, expect, it } from "vitest";
import { describeAssumptions } from "./describe";
import { forecastCompletion, MAX_SPRINTS } from "./monte-carlo";
import type { ForecastInput, ThroughputSprint } from "./types";

const DAY = 86_400_000;
const sprint = (n: number, completedPoints: number, completedIssues: number): ThroughputSprint => ({
  name: `S${n}`,
  start: new Date(Date.UTC(2026, 0, 1) + (n - 1) * 14 * DAY),
  end: new Date(Date.UTC(2026, 0, 1) + n * 14 * DAY),
  completedPoints,
  completedIssues,
});
const history = [sprint(1, 20, 8), sprint(2, 30, 10), sprint(3, 10, 5), sprint(4, 25, 9)];
const now = new Date("2026-03-03T12:00:00Z");
const activeSprintEnd = new Date("2026-03-10T09:00:00Z");
const input = (overrides: Partial<ForecastInput> = {}): ForecastInput => ({
  history,
  remaining: { points: 100, issues: 30, unestimatedIssues: 0 },
  activeSprintEnd,
  now,
  seed: 7,
  ...overrides,
});
const ok = (forecast: ReturnType<typeof forecastCompletion>) => {
  if (forecast.status !== "ok") throw new Error(forecast.status);
  return forecast;
};

describe("forecastCompletion", () => {
  it("is reproducible: the same input and seed give the same forecast", () => {
    expect(forecastCompletion(input())).toEqual(forecastCompletion(input()));
  });

  it("orders its percentiles, in sprints and in dates, and counts every trial once", () => {
    const forecast = ok(forecastCompletion(input()));
    expect(forecast.p50.sprints).toBeLessThanOrEqual(forecast.p85.sprints);
    expect(forecast.p85.sprints).toBeLessThanOrEqual(forecast.p95.sprints);
    expect(forecast.p85.date.getTime()).toBeGreaterThanOrEqual(forecast.p50.date.getTime());
    expect(forecast.distribution.reduce((sum, bar) => sum + bar.trials, 0)).toBe(10_000);
    // 100 points at 10–30 a sprint: at least 4 sprints, at most 10.
    expect(forecast.p50.sprints).toBeGreaterThanOrEqual(4);
    expect(forecast.p95.sprints).toBeLessThanOrEqual(10);
  });

  it("dates sprint 1 at the active sprint's end and each later one a sprint length after", () => {
    const forecast = ok(forecastCompletion(input({ remaining: { points: 5, issues: 1, unestimatedIssues: 0 } })));
    expect(forecast.p95).toEqual({ sprints: 1, date: activeSprintEnd });
    const longer = ok(forecastCompletion(input()));
    expect(longer.p50.date.getTime() - activeSprintEnd.getTime()).toBe((longer.p50.sprints - 1) * 14 * DAY);
    expect(longer.assumptions.sprintLengthDays).toBe(14);
  });

  it("without an active sprint, sprint 1 ends one sprint length from now", () => {
    const forecast = ok(forecastCompletion(input({ activeSprintEnd: null })));
    expect(forecast.assumptions.firstSprintEnds).toEqual(new Date(now.getTime() + 14 * DAY));
  });

  it("uses a known throughput exactly: a constant pace finishes in the same sprint every time", () => {
    const steady = [sprint(1, 10, 3), sprint(2, 10, 3)];
    const forecast = ok(
      forecastCompletion(input({ history: steady, remaining: { points: 35, issues: 9, unestimatedIssues: 0 } })),
    );
    expect([forecast.p50.sprints, forecast.p85.sprints, forecast.p95.sprints]).toEqual([4, 4, 4]);
    expect(forecast.distribution).toHaveLength(1);
  });

  it("counts issues when any open issue is unestimated, and says so", () => {
    const steady = [sprint(1, 10, 3), sprint(2, 10, 3)];
    const forecast = ok(
      forecastCompletion(input({ history: steady, remaining: { points: 35, issues: 9, unestimatedIssues: 2 } })),
    );
    expect(forecast.assumptions.unit).toBe("issues");
    expect(forecast.p50.sprints).toBe(3);
    expect(describeAssumptions(forecast.assumptions).join(" ")).toMatch(/2 open issue\(s\) have no estimate/);
  });

  it("gives the work only its share of the throughput", () => {
    const steady = [sprint(1, 10, 3)];
    const remaining = { points: 20, issues: 4, unestimatedIssues: 0 };
    expect(ok(forecastCompletion(input({ history: steady, remaining }))).p50.sprints).toBe(2);
    expect(ok(forecastCompletion(input({ history: steady, remaining, share: 0.5 }))).p50.sprints).toBe(4);
    expect(forecastCompletion(input({ share: 0 }))).toMatchObject({ status: "cannot-forecast" });
  });

  it("cannot forecast from an empty history, and says why", () => {
    expect(forecastCompletion(input({ history: [] }))).toEqual({
      status: "cannot-forecast",
      reason: expect.stringMatching(/No closed sprint/),
    });
  });

  it("cannot forecast when no recorded sprint completed anything", () => {
    expect(forecastCompletion(input({ history: [sprint(1, 0, 0)] }))).toMatchObject({
      status: "cannot-forecast",
      reason: expect.stringMatching(/completed any points/),
    });
  });

  it("is done now when nothing remains", () => {
    const remaining = { points: 0, issues: 0, unestimatedIssues: 0 };
    expect(forecastCompletion(input({ remaining, history: [] }))).toEqual({ status: "done", remaining });
  });

  it("stops a future that barely moves at MAX_SPRINTS and counts it", () => {
    const slow = [sprint(1, 0, 0), sprint(2, 0, 0), sprint(3, 0, 0), sprint(4, 1, 1)];
    const forecast = ok(
      forecastCompletion(
        input({ history: slow, trials: 200, remaining: { points: 100, issues: 90, unestimatedIssues: 0 } }),
      ),
    );
    expect(forecast.p95.sprints).toBe(MAX_SPRINTS);
    expect(forecast.unfinishedTrials).toBeGreaterThan(0);
  });

  it("states the history it used", () => {
    const forecast = ok(forecastCompletion(input()));
    expect(forecast.assumptions.history).toEqual({
      sprints: 4,
      from: history[0]!.start,
      to: history[3]!.end,
      first: "S1",
      last: "S4",
    });
    const words = describeAssumptions(forecast.assumptions);
    expect(words[0]).toMatch(/4 closed sprints, from S1 \(2026-01-01\) to S4/);
    expect(words).toContain("All of the board's throughput goes to this work.");
  });
});
