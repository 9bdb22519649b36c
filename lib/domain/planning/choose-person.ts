import { fitsIn, roundPoints } from "./limits";
import type { PlanIssue, PlanPerson } from "./types";

/** A person's running total while a plan is being built. */
export type PersonSlot = { person: PlanPerson; limit: number; planned: number };

export type PersonChoice = { slot: PersonSlot; reason: string; isKept: boolean };

/**
 * Who takes an estimated issue, or null when nobody has room. The current
 * assignee keeps it when they have room (they may have started thinking about
 * it). Otherwise people who completed work in the issue's component recently
 * come first; among them the least loaded by planned ÷ limit, then the more
 * experienced, then the lower accountId. `slots` must be sorted by accountId.
 */
export function choosePerson(
  issue: PlanIssue & { points: number },
  slots: PersonSlot[],
  slotById: Map<string, PersonSlot>,
): PersonChoice | null {
  const current = issue.assigneeAccountId === null ? undefined : slotById.get(issue.assigneeAccountId);
  if (current && fitsIn(free(current), issue.points))
    return { slot: current, reason: `${current.person.name}: kept current assignee, ${room(current)}`, isKept: true };

  let best: PersonSlot | null = null;
  let isAnyoneExperienced = false;
  for (const slot of slots) {
    isAnyoneExperienced ||= experience(slot, issue) > 0;
    if (fitsIn(free(slot), issue.points) && (best === null || isBetter(slot, best, issue))) best = slot;
  }
  if (best === null) return null;
  return {
    slot: best,
    reason: `${best.person.name}: ${why(best, issue, isAnyoneExperienced)}, ${room(best)}`,
    isKept: false,
  };
}

function isBetter(candidate: PersonSlot, best: PersonSlot, issue: PlanIssue): boolean {
  const candidateExperience = experience(candidate, issue);
  const bestExperience = experience(best, issue);
  if (candidateExperience > 0 !== bestExperience > 0) return candidateExperience > 0;
  const candidateLoad = load(candidate);
  const bestLoad = load(best);
  if (candidateLoad !== bestLoad) return candidateLoad < bestLoad;
  // Equal experience falls through to the lower accountId, which comes first in `slots`.
  return candidateExperience > bestExperience;
}

function why(slot: PersonSlot, issue: PlanIssue, isAnyoneExperienced: boolean): string {
  const count = experience(slot, issue);
  if (count > 0) return `${count} ${issue.component} ${count === 1 ? "issue" : "issues"} completed recently`;
  if (isAnyoneExperienced) return `least loaded with room; nobody with recent ${issue.component} work has room`;
  return "least loaded with room";
}

function experience(slot: PersonSlot, issue: PlanIssue): number {
  if (issue.component === null || !Object.hasOwn(slot.person.componentExperience, issue.component)) return 0;
  return slot.person.componentExperience[issue.component] ?? 0;
}

/** Someone with no limit only takes zero-point issues, and only after everyone else. */
function load(slot: PersonSlot): number {
  return slot.limit > 0 ? slot.planned / slot.limit : Number.POSITIVE_INFINITY;
}

export function free(slot: PersonSlot): number {
  return slot.limit - slot.planned;
}

export function room(slot: PersonSlot): string {
  return `${roundPoints(free(slot))} of ${slot.limit} points free`;
}
