import { choosePerson, free, type PersonChoice, type PersonSlot } from "./choose-person";
import { fitsIn, limitPoints } from "./limits";
import type { PlanInput, PlanIssue } from "./types";

export type EstimatedIssue = PlanIssue & { points: number };
export type Placement = { issue: EstimatedIssue; choice: PersonChoice; blocks: string | null };
export type PlaceOutcome = "placed" | "no room" | "blocked" | "already planned";

/**
 * The plan while it is being built: who holds what, and how much room is left.
 * People are kept in accountId order so their input order never matters.
 */
export function createPlanState({ backlog, people, bufferPercent, alreadyScheduledKeys }: PlanInput) {
  const slots: PersonSlot[] = [...people].sort((a, b) => compareText(a.accountId, b.accountId)).map((person) => ({ person, limit: limitPoints(person.capacityPoints, bufferPercent), planned: 0 }));
  const slotById = new Map(slots.map((slot) => [slot.person.accountId, slot]));
  const issueByKey = new Map(backlog.map((issue) => [issue.key, issue]));
  const scheduled = new Set(alreadyScheduledKeys);
  const placements: Placement[] = [];
  const placementByKey = new Map<string, Placement>();
  const isPlanned = (key: string) => placementByKey.has(key);
  const isSatisfied = (key: string) => scheduled.has(key) || isPlanned(key);

  /** The issue and its unplanned blockers, blockers first; null when one of them can never be planned. */
  const collectGroup = (root: PlanIssue): EstimatedIssue[] | null => {
    const group: EstimatedIssue[] = [];
    const visiting = new Set<string>();
    const collected = new Set<string>();
    const visit = (issue: PlanIssue): boolean => {
      if (collected.has(issue.key)) return true;
      if (visiting.has(issue.key) || !isEstimated(issue)) return false;
      visiting.add(issue.key);
      for (const key of issue.blockedBy) {
        const blocker = isSatisfied(key) ? null : issueByKey.get(key);
        if (blocker === undefined || (blocker !== null && !visit(blocker))) return false;
      }
      collected.add(issue.key);
      group.push(issue);
      return true;
    };
    return visit(root) ? group : null;
  };

  /**
   * When nobody has room, moves one planned issue to someone who can take it,
   * if that frees enough room. Nothing already planned is dropped, so rank
   * still wins; issues kept with their current assignee stay put.
   */
  const makeRoom = (issue: EstimatedIssue, undo: (() => void)[]): PersonChoice | null => {
    let roomiest: PersonSlot | null = null;
    let runnerUp: PersonSlot | null = null;
    for (const slot of slots) {
      if (roomiest === null || free(slot) > free(roomiest)) [roomiest, runnerUp] = [slot, roomiest];
      else if (runnerUp === null || free(slot) > free(runnerUp)) runnerUp = slot;
    }
    // The moved issue must fit someone else's room, so the two roomiest people bound what a move can free.
    if (roomiest === null || runnerUp === null || !fitsIn(free(roomiest) + free(runnerUp), issue.points)) return null;
    for (const moved of placements) {
      const from = moved.choice.slot;
      const otherRoom = free(from === roomiest ? runnerUp : roomiest);
      if (moved.choice.isKept || !fitsIn(free(from) + moved.issue.points, issue.points) || !fitsIn(otherRoom, moved.issue.points)) continue;
      const target = choosePerson(
        { ...moved.issue, assigneeAccountId: null },
        slots.filter((slot) => slot !== from),
        slotById,
      );
      if (target === null) continue;
      const before = moved.choice;
      from.planned -= moved.issue.points;
      target.slot.planned += moved.issue.points;
      moved.choice = { ...target, reason: `${target.reason}; moved from ${from.person.name} to make room for ${issue.key}` };
      undo.push(() => {
        target.slot.planned -= moved.issue.points;
        from.planned += moved.issue.points;
        moved.choice = before;
      });
      const choice = choosePerson(issue, [from], slotById);
      return choice && { ...choice, reason: `${choice.reason}, after moving ${moved.issue.key} to ${target.slot.person.name}` };
    }
    return null;
  };

  /** Places the issue with its unplanned blockers, all or nothing. */
  const place = (root: PlanIssue): PlaceOutcome => {
    if (placementByKey.has(root.key)) return "already planned";
    const group = collectGroup(root);
    if (group === null) return "blocked";
    const freeTotal = slots.reduce((total, slot) => total + free(slot), 0);
    if (!fitsIn(freeTotal, group.reduce((total, issue) => total + issue.points, 0))) return "no room";
    const undo: (() => void)[] = [];
    for (const issue of group) {
      const choice = choosePerson(issue, slots, slotById) ?? makeRoom(issue, undo);
      if (choice === null) {
        for (const step of undo.reverse()) step();
        return "no room";
      }
      const placement = { issue, choice, blocks: issue === root ? null : root.key };
      choice.slot.planned += issue.points;
      placements.push(placement);
      placementByKey.set(issue.key, placement);
      undo.push(() => {
        choice.slot.planned -= issue.points;
        placements.pop();
        placementByKey.delete(issue.key);
      });
    }
    return "placed";
  };

  return { slots, placements, isPlanned, isSatisfied, place };
}

export function isEstimated(issue: PlanIssue): issue is EstimatedIssue {
  return issue.points !== null && Number.isFinite(issue.points) && issue.points >= 0;
}

/** Plain code-unit order: the same everywhere, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
