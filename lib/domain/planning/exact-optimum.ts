import { fitsIn, limitPoints, roundPoints } from "./limits";
import type { PlanInput } from "./types";

export type OptimumPlan = { plannedPoints: number; assignments: { key: string; accountId: string }[] };

const MAX_ISSUES = 14;
const MAX_PEOPLE = 4;

/**
 * The most points any plan can hold under the planner's hard rules (each
 * person within capacity × (1 − buffer), blockers scheduled or planned too —
 * and planned before what they block, so nothing on or behind a dependency
 * cycle — estimated issues only), ignoring rank and preferences. Exponential: it tries
 * every dependency-closed set of issues, largest total first, until one packs.
 * A yardstick for the planner in tests and benchmarks.
 */
export function exactOptimum({ backlog, people, bufferPercent, alreadyScheduledKeys }: PlanInput): OptimumPlan {
  if (backlog.length > MAX_ISSUES || people.length > MAX_PEOPLE)
    throw new RangeError(`exactOptimum handles at most ${MAX_ISSUES} issues and ${MAX_PEOPLE} people`);
  const scheduled = new Set(alreadyScheduledKeys);
  const issues = backlog.filter((issue) => issue.points !== null && Number.isFinite(issue.points) && issue.points >= 0);
  const indexOf = new Map(issues.map((issue, index) => [issue.key, index]));
  const points = issues.map((issue) => issue.points ?? 0);
  const orderable = orderableIssues(issues, indexOf, scheduled);
  // Bits each issue needs planned alongside it; -1 when it or a blocker can never be planned.
  const needs = issues.map((issue, i) =>
    !orderable[i]
      ? -1
      : issue.blockedBy.reduce((mask, key) => {
          if (mask < 0 || scheduled.has(key)) return mask;
          const index = indexOf.get(key);
          return index === undefined ? -1 : mask | (1 << index);
        }, 0),
  );
  const slots = [...people].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  const limits = slots.map((person) => limitPoints(person.capacityPoints, bufferPercent));
  const totalLimit = limits.reduce((sum, limit) => sum + limit, 0);

  const candidates: { mask: number; total: number }[] = [];
  for (let mask = 0; mask < 1 << issues.length; mask++) {
    let total = 0;
    let isClosed = true;
    for (let i = 0; i < issues.length && isClosed; i++) {
      if (!(mask & (1 << i))) continue;
      const need = needs[i] ?? -1;
      isClosed = need >= 0 && (need & ~mask) === 0;
      total += points[i] ?? 0;
    }
    if (isClosed && fitsIn(totalLimit, total)) candidates.push({ mask, total });
  }
  candidates.sort((a, b) => b.total - a.total || a.mask - b.mask);

  for (const { mask, total } of candidates) {
    const chosen = issues.map((_, index) => index).filter((index) => mask & (1 << index));
    const bins = packIntoBins(
      chosen.map((index) => points[index] ?? 0),
      limits,
    );
    if (bins)
      return {
        plannedPoints: roundPoints(total),
        assignments: chosen.map((index, position) => ({
          key: issues[index]?.key ?? "",
          accountId: slots[bins[position] ?? 0]?.accountId ?? "",
        })),
      };
  }
  return { plannedPoints: 0, assignments: [] };
}

/**
 * Per issue: can its blockers be put in an order at all? Not when following
 * "blocked by" from it reaches a cycle (A waits for B, B for A): no sprint can
 * finish either, and the planner leaves them out as blocked.
 */
function orderableIssues(
  issues: PlanInput["backlog"],
  indexOf: Map<string, number>,
  scheduled: Set<string>,
): boolean[] {
  const state: ("unseen" | "visiting" | "ok" | "cyclic")[] = issues.map(() => "unseen");
  const visit = (i: number): boolean => {
    if (state[i] === "ok") return true;
    if (state[i] === "cyclic" || state[i] === "visiting") return false;
    state[i] = "visiting";
    let ok = true;
    for (const key of issues[i]?.blockedBy ?? []) {
      if (scheduled.has(key)) continue;
      const blocker = indexOf.get(key);
      if (blocker !== undefined && !visit(blocker)) ok = false;
    }
    state[i] = ok ? "ok" : "cyclic";
    return ok;
  };
  return issues.map((_, i) => visit(i));
}

/** Bin index per item, or null when the items do not fit. Depth-first, largest item first. */
function packIntoBins(sizes: number[], limits: number[]): number[] | null {
  const order = sizes.map((_, index) => index).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0));
  const free = [...limits];
  const binOf: number[] = new Array<number>(sizes.length).fill(-1);
  const place = (position: number): boolean => {
    const item = order[position];
    if (item === undefined) return true;
    const size = sizes[item] ?? 0;
    const tried = new Set<number>();
    for (let bin = 0; bin < free.length; bin++) {
      const room = free[bin] ?? 0;
      // Two bins with the same room left are interchangeable for the rest.
      if (tried.has(room) || !fitsIn(room, size)) continue;
      tried.add(room);
      free[bin] = room - size;
      binOf[item] = bin;
      if (place(position + 1)) return true;
      free[bin] = room;
    }
    return false;
  };
  return place(0) ? binOf : null;
}
