import { dayIn, daysBetween, isWorkingDay } from "./days";
import type { ReportItem, ReportScopeChange, ReportSprint } from "./types";

/**
 * A sprint's daily burndown and burnup with its scope line, by Jira's rules (JSWSERVER-4768): work burns when it
 * reaches done; issues added or removed and estimate changes after the start are scope change; the start value is
 * not back-adjusted; the line runs to the actual close (or to now while the sprint runs). Pure.
 *
 * - tracked: the start snapshot is the commitment and the recorded scope changes place every change on its day.
 *   What the close snapshot shows but no recorded change explains (a missed webhook) is placed too: a completion
 *   on the issue's resolution day when known, anything else on the last day, and counted as `unplacedChanges`.
 * - backfilled: Bosun never saw the start, so the issues in the sprint at its close stand for the commitment and
 *   each burns on its resolution day; no scope change is known.
 *
 * Issues already done when the sprint started are not part of the commitment (nothing of them is left to burn).
 */
export type BurnBasis = "tracked" | "backfilled";

export type BurnDay = {
  day: string;
  /** Points in the sprint at the end of the day (the scope line). */
  scope: number;
  /** Points done by the end of the day (the burnup). */
  completed: number;
  /** scope − completed (the burndown). */
  remaining: number;
  /** Jira's guideline: the commitment down to 0 at the planned end, flat over weekends; null without a planned end. */
  ideal: number | null;
  /** Points added, removed, re-estimated (net) and burned (net of reopened) during the day. */
  added: number;
  removed: number;
  estimated: number;
  burned: number;
};

export type ItemOutcome = {
  key: string;
  points: number | null;
  /** Points at the start; null for an issue added later. */
  committedPoints: number | null;
  committed: boolean;
  inScope: boolean;
  done: boolean;
};

export type BurnSeries = {
  basis: BurnBasis;
  timeZone: string;
  runsTo: "close" | "now";
  committedPoints: number;
  committedIssues: number;
  doneAtStart: number;
  days: BurnDay[];
  /** Each issue's state at the end of the series. */
  outcomes: ItemOutcome[];
  unplacedChanges: number;
};

export type BurnInput = {
  sprint: ReportSprint;
  /** The start snapshot's items; null when Bosun never saw the start (backfilled). */
  committed: ReportItem[] | null;
  /** The close snapshot's items; null while the sprint runs. */
  final: ReportItem[] | null;
  changes: ReportScopeChange[];
  timeZone?: string;
  /** For a running sprint: where the series stops. */
  now: string;
};

/** Resolved up to a day after the close still counts as done in the sprint (Jira's close takes a moment). */
export const CLOSE_GRACE_MS = 86_400_000;

const round = (value: number) => Math.round(value * 10) / 10;
const pts = (value: number | null | undefined) => value ?? 0;
const isDone = (item: ReportItem) => item.statusCategory === "done";

type State = {
  points: number | null;
  committedPoints: number | null;
  committed: boolean;
  inScope: boolean;
  done: boolean;
};
type Delta = Pick<BurnDay, "added" | "removed" | "estimated" | "burned">;

function apply(states: Map<string, State>, change: ReportScopeChange, delta: Delta): boolean {
  const state = states.get(change.issueKey);
  switch (change.kind) {
    case "added":
      if (state?.inScope) return true;
      states.set(change.issueKey, {
        points: change.points,
        committedPoints: state?.committedPoints ?? null,
        committed: state?.committed ?? false,
        inScope: true,
        done: false,
      });
      delta.added += pts(change.points);
      return true;
    case "removed":
      if (!state?.inScope) return true;
      state.inScope = false;
      delta.removed += pts(state.points);
      if (state.done) delta.burned -= pts(state.points);
      return true;
    case "completed":
      if (!state?.inScope) return false;
      if (!state.done) delta.burned += pts(state.points);
      state.done = true;
      return true;
    case "reopened":
      if (!state?.inScope) return false;
      if (state.done) delta.burned -= pts(state.points);
      state.done = false;
      return true;
    case "estimated": {
      if (!state?.inScope) return false;
      const difference = pts(change.points) - pts(state.points);
      state.points = change.points;
      delta.estimated += difference;
      if (state.done) delta.burned += difference;
      return true;
    }
  }
}

function initialStates(items: ReportItem[]): Map<string, State> {
  return new Map(
    items
      .filter((item) => !isDone(item))
      .map((item) => [
        item.key,
        { points: item.points, committedPoints: item.points, committed: true, inScope: true, done: false },
      ]),
  );
}

/** Applies changes in order; returns how many touched an issue whose arrival was never recorded. */
function replay(states: Map<string, State>, changes: ReportScopeChange[], delta: Delta = emptyDelta()) {
  let unknown = 0;
  for (const change of changes) {
    if (apply(states, change, delta)) continue;
    // A completion or re-estimate of an issue whose arrival was never recorded: it was in the sprint by then.
    apply(states, { ...change, kind: "added" }, delta);
    apply(states, change, delta);
    unknown++;
  }
  return unknown;
}

const emptyDelta = (): Delta => ({ added: 0, removed: 0, estimated: 0, burned: 0 });

/** When a done issue reached done: its resolution (clamped into the series), null when after the close. */
function resolvedWithin(item: ReportItem, startMs: number, endMs: number): number | null | undefined {
  const resolved = item.resolvedAt ? Date.parse(item.resolvedAt) : Number.NaN;
  if (Number.isNaN(resolved)) return undefined;
  if (resolved > endMs + CLOSE_GRACE_MS) return null;
  return Math.min(Math.max(resolved, startMs), endMs);
}

type Implied = { changes: ReportScopeChange[]; onLastDay: number };

/**
 * The changes a close snapshot implies that the recorded ones do not explain: a completion on the issue's
 * resolution day when known; an arrival, departure, reopening or completion of unknown time on the last day.
 */
function reconcileWithClose(
  recorded: Map<string, State>,
  final: ReportItem[],
  doneAtStart: ReadonlySet<string>,
  startMs: number,
  endMs: number,
): Implied {
  const at = (ms: number) => new Date(ms).toISOString();
  const changes: ReportScopeChange[] = [];
  let onLastDay = 0;
  const push = (
    issueKey: string,
    kind: ReportScopeChange["kind"],
    points: number | null,
    ms: number,
    guessed: boolean,
  ) => {
    changes.push({ issueKey, kind, points, previousPoints: null, occurredAt: at(ms) });
    if (guessed) onLastDay++;
  };
  const finalKeys = new Set(final.map((item) => item.key));
  for (const item of final.filter((i) => !doneAtStart.has(i.key))) {
    const state = recorded.get(item.key);
    const present = state?.inScope === true;
    if (!present) push(item.key, "added", item.points, endMs, true);
    const wasDone = present && state.done;
    const resolved = isDone(item) ? resolvedWithin(item, startMs, endMs) : null;
    const doneAtClose = isDone(item) && resolved !== null;
    // An issue that arrived at an unknown time cannot have burned before it arrived.
    if (doneAtClose && !wasDone)
      push(
        item.key,
        "completed",
        item.points,
        present && resolved !== undefined ? resolved : endMs,
        !present || resolved === undefined,
      );
    if (!doneAtClose && wasDone) push(item.key, "reopened", item.points, endMs, true);
  }
  for (const [key, state] of recorded)
    if (state.inScope && !finalKeys.has(key)) push(key, "removed", state.points, endMs, true);
  return { changes, onLastDay };
}

/** How far the guideline has burned by the end of each day: working days elapsed ÷ working days planned. */
function idealLine(days: string[], sprint: ReportSprint, committed: number, timeZone: string) {
  if (!sprint.endDate) return days.map(() => null);
  const first = dayIn(sprint.startDate, timeZone);
  const plannedEnd = dayIn(sprint.endDate, timeZone);
  // As workingDays(): the end day is review and close, not planned work.
  const planned = daysBetween(first, plannedEnd).slice(0, -1).filter(isWorkingDay);
  if (planned.length === 0) return days.map(() => null);
  return days.map((day) => {
    const elapsed = planned.filter((d) => d <= day).length;
    return round(Math.max(0, committed * (1 - elapsed / planned.length)));
  });
}

const byTime = (a: ReportScopeChange, b: ReportScopeChange) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt);

export function burnSeries({ sprint, committed, final, changes, timeZone = "UTC", now }: BurnInput): BurnSeries {
  const startMs = Date.parse(sprint.startDate);
  const endMs = sprint.completeDate ? Date.parse(sprint.completeDate) : Math.max(startMs, Date.parse(now));
  const basis: BurnBasis = committed ? "tracked" : "backfilled";
  // A backfilled sprint's issues are as they were at the close: at the start, only those resolved before it were done.
  const commitment =
    committed ??
    (final ?? []).map((item) => ({
      ...item,
      statusCategory: item.resolvedAt && Date.parse(item.resolvedAt) < startMs && isDone(item) ? "done" : "new",
    }));
  const doneAtStart = new Set(commitment.filter(isDone).map((item) => item.key));
  const recordedChanges =
    basis === "tracked"
      ? changes.filter((c) => Date.parse(c.occurredAt) >= startMs && Date.parse(c.occurredAt) <= endMs).sort(byTime)
      : [];

  // Pass 1: the end state the recorded changes give, to find what the close snapshot adds to them.
  const recorded = initialStates(commitment);
  const unknownArrivals = replay(recorded, recordedChanges);
  const implied = final
    ? reconcileWithClose(recorded, final, doneAtStart, startMs, endMs)
    : { changes: [], onLastDay: 0 };

  // Pass 2: day by day, recorded and implied changes together.
  const all = [...recordedChanges, ...implied.changes].sort(byTime);
  const states = initialStates(commitment);
  const committedPoints = round(sumOf([...states.values()]));
  const days = daysBetween(dayIn(startMs, timeZone), dayIn(endMs, timeZone));
  const ideal = idealLine(days, sprint, committedPoints, timeZone);
  let scope = committedPoints;
  let completed = 0;
  let next = 0;
  const series = days.map((day, index): BurnDay => {
    const delta = emptyDelta();
    for (let change = all[next]; change && dayIn(change.occurredAt, timeZone) <= day; change = all[++next])
      replay(states, [change], delta);
    scope += delta.added - delta.removed + delta.estimated;
    completed += delta.burned;
    return {
      day,
      scope: round(scope),
      completed: round(completed),
      remaining: round(scope - completed),
      ideal: ideal[index] ?? null,
      added: round(delta.added),
      removed: round(delta.removed),
      estimated: round(delta.estimated),
      burned: round(delta.burned),
    };
  });
  return {
    basis,
    timeZone,
    runsTo: sprint.completeDate ? "close" : "now",
    committedPoints,
    committedIssues: commitment.filter((item) => !isDone(item)).length,
    doneAtStart: doneAtStart.size,
    days: series,
    outcomes: [...states].map(([key, s]) => ({
      key,
      points: s.points,
      committedPoints: s.committedPoints,
      committed: s.committed,
      inScope: s.inScope,
      done: s.done,
    })),
    unplacedChanges: unknownArrivals + implied.onLastDay,
  };
}

const sumOf = (states: State[]) => states.reduce((total, s) => total + pts(s.points), 0);
