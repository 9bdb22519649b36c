import { seededRandom } from "./random";
import { firstSprintEnd, sprintEndDate, sprintLengthDays } from "./sprint-length";
import type { Forecast, ForecastInput, ForecastUnit, ThroughputSprint } from "./types";

export const DEFAULT_TRIALS = 10_000;
/** A future that has not finished after this many sprints (about ten years of two-week sprints) stops there. */
export const MAX_SPRINTS = 260;

/**
 * When the remaining work of an epic or fixVersion completes: `trials` simulated futures, each drawing a past
 * sprint's throughput at random (with replacement) sprint after sprint until the remaining work is done. Pure and
 * reproducible: the same input and seed give the same forecast. Points are used when every open issue is estimated;
 * otherwise issues are counted, since a sum of points would silently treat unestimated work as free.
 */
export function forecastCompletion(input: ForecastInput): Forecast {
  const { history, remaining, now, seed, trials = DEFAULT_TRIALS } = input;
  const share = input.share ?? 1;
  if (!(share > 0 && share <= 1)) return cannot(`The share of the board's throughput must be above 0 and at most 1.`);
  if (remaining.issues === 0) return { status: "done", remaining };
  if (history.length === 0)
    return cannot("No closed sprint of this board has been recorded yet, so there is no throughput to draw from.");

  const unit: ForecastUnit = remaining.unestimatedIssues === 0 && remaining.points > 0 ? "points" : "issues";
  const throughput = history.map((s) => (unit === "points" ? s.completedPoints : s.completedIssues) * share);
  if (throughput.every((t) => t <= 0))
    return cannot(`None of the ${history.length} recorded sprints completed any ${unit}, so no pace can be drawn.`);

  const target = unit === "points" ? remaining.points : remaining.issues;
  const random = seededRandom(seed);
  const finishedAfter = new Array<number>(trials);
  let unfinishedTrials = 0;
  for (let trial = 0; trial < trials; trial++) {
    let left = target;
    let sprints = 0;
    while (left > 1e-9 && sprints < MAX_SPRINTS) {
      left -= throughput[Math.floor(random() * throughput.length)]!;
      sprints++;
    }
    if (left > 1e-9) unfinishedTrials++;
    finishedAfter[trial] = sprints;
  }
  finishedAfter.sort((a, b) => a - b);

  const lengthDays = sprintLengthDays(history);
  const firstEnds = firstSprintEnd(input.activeSprintEnd, now, lengthDays);
  const at = (sprints: number) => ({ sprints, date: sprintEndDate(firstEnds, lengthDays, sprints) });
  const percentile = (p: number) => at(finishedAfter[Math.max(0, Math.ceil(p * trials) - 1)]!);

  return {
    status: "ok",
    remaining,
    p50: percentile(0.5),
    p85: percentile(0.85),
    p95: percentile(0.95),
    distribution: countBySprint(finishedAfter).map(({ sprints, trials: count }) => ({
      ...at(sprints),
      trials: count,
    })),
    unfinishedTrials,
    assumptions: {
      history: historyRange(history),
      unit,
      unestimatedIssues: remaining.unestimatedIssues,
      share,
      sprintLengthDays: lengthDays,
      firstSprintEnds: firstEnds,
      trials,
      seed,
    },
  };
}

const cannot = (reason: string): Forecast => ({ status: "cannot-forecast", reason });

function countBySprint(sorted: number[]) {
  const counts: { sprints: number; trials: number }[] = [];
  for (const sprints of sorted) {
    const last = counts.at(-1);
    if (last?.sprints === sprints) last.trials++;
    else counts.push({ sprints, trials: 1 });
  }
  return counts;
}

function historyRange(history: ThroughputSprint[]) {
  const first = history[0]!;
  const last = history.at(-1)!;
  return { sprints: history.length, from: first.start, to: last.end, first: first.name, last: last.name };
}
