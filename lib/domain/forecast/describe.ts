import type { ForecastAssumptions } from "./types";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "an unknown date");

/** The assumptions of a forecast in words, one sentence each, for the page, the export notes and the MCP tool. */
export function describeAssumptions(a: ForecastAssumptions): string[] {
  const sprints = a.history.sprints === 1 ? "1 closed sprint" : `${a.history.sprints} closed sprints`;
  return [
    `History used: ${sprints}, from ${a.history.first ?? "?"} (${day(a.history.from)}) to ${a.history.last ?? "?"} (${day(a.history.to)}), from Bosun's close snapshots.`,
    "The team keeps its past pace: each future sprint completes as much as one past sprint, drawn at random.",
    a.share === 1
      ? "All of the board's throughput goes to this work."
      : `${Math.round(a.share * 100)}% of the board's throughput goes to this work.`,
    a.unit === "points"
      ? "Every open issue is estimated, so the forecast counts story points."
      : a.unestimatedIssues > 0
        ? `${a.unestimatedIssues} open issue(s) have no estimate, so the forecast counts issues, not points.`
        : "The open issues carry no points, so the forecast counts issues.",
    "Scope stays as it is today: work added later moves the dates.",
    `Sprints last ${a.sprintLengthDays} days (the median of the history); sprint 1 ends ${day(a.firstSprintEnds)}, and the current sprint counts as a whole sprint.`,
    `${a.trials.toLocaleString("en-US")} simulated futures, seed ${a.seed}: the same data gives the same dates.`,
  ];
}
