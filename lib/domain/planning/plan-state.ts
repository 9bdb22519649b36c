import { choosePerson, free, type PersonChoice, type PersonSlot } from "./choose-person";
import { fitsIn, limitPoints } from "./limits";
import { pointUnit, usableRoom } from "./repack";
import { findRepacking, movedChoice, repackedChoice } from "./repack-room";
import type { EstimatedIssue, Placement } from "./placement";
import type { PlanInput, PlanIssue } from "./types";

export type PlaceOutcome = "placed" | "no room" | "blocked" | "already planned";

/** Repacking search nodes for a whole plan: a few milliseconds at most, however big the backlog. */
const REPACK_NODES_PER_PLAN = 100_000;

/**
 * The plan while it is being built: who holds what, and how much room is left.
 * People are kept in accountId order so their input order never matters.
 */
export function createPlanState({ backlog, people, bufferPercent, alreadyScheduledKeys }: PlanInput) {
  const slots: PersonSlot[] = [...people]
    .sort((a, b) => compareText(a.accountId, b.accountId))
    .map((person) => ({ person, limit: limitPoints(person.capacityPoints, bufferPercent), planned: 0 }));
  const slotById = new Map(slots.map((slot) => [slot.person.accountId, slot]));
  const issueByKey = new Map(backlog.map((issue) => [issue.key, issue]));
  const scheduled = new Set(alreadyScheduledKeys);
  const placements: Placement[] = [];
  const placementByKey = new Map<string, Placement>();
  const isPlanned = (key: string) => placementByKey.has(key);
  const isSatisfied = (key: string) => scheduled.has(key) || isPlanned(key);
  const unit = pointUnit(backlog.filter(isEstimated).map((issue) => issue.points));
  const budget = { nodes: REPACK_NODES_PER_PLAN };

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
      if (
        moved.choice.isKept ||
        !fitsIn(free(from) + moved.issue.points, issue.points) ||
        !fitsIn(otherRoom, moved.issue.points)
      )
        continue;
      const target = choosePerson(
        { ...moved.issue, assigneeAccountId: null },
        slots.filter((slot) => slot !== from),
        slotById,
      );
      if (target === null) continue;
      const before = moved.choice;
      from.planned -= moved.issue.points;
      target.slot.planned += moved.issue.points;
      moved.choice = {
        ...target,
        reason: `${target.reason}; moved from ${from.person.name} to make room for ${issue.key}`,
      };
      undo.push(() => {
        target.slot.planned -= moved.issue.points;
        from.planned += moved.issue.points;
        moved.choice = before;
      });
      const choice = choosePerson(issue, [from], slotById);
      return (
        choice && {
          ...choice,
          reason: `${choice.reason}, after moving ${moved.issue.key} to ${target.slot.person.name}`,
        }
      );
    }
    return null;
  };

  // Whether a group can be repacked depends only on its sizes and the plan, and the fill passes ask for
  // every issue of the same size in turn; so a failure holds until something is placed.
  let failedRepacks = new Set<string>();
  const add = (issue: EstimatedIssue, choice: PersonChoice, root: PlanIssue) => {
    failedRepacks = new Set();
    const placement = { issue, choice, blocks: issue === root ? null : root.key };
    choice.slot.planned += issue.points;
    placements.push(placement);
    placementByKey.set(issue.key, placement);
  };

  /** The last resort before leaving the group out: pack the roomiest people's work again with the group. */
  const repack = (root: PlanIssue, group: EstimatedIssue[]): boolean => {
    const sizes = group
      .map((issue) => issue.points)
      .sort((a, b) => b - a)
      .join(" ");
    const repacking = failedRepacks.has(sizes) ? null : findRepacking(group, slots, placements, { unit, budget });
    if (repacking === null) {
      failedRepacks.add(sizes);
      return false;
    }
    const moved = repacking.moves.map(({ placement, to }) => `${placement.issue.key} to ${to.person.name}`).join(", ");
    for (const { placement, to } of repacking.moves) {
      placement.choice.slot.planned -= placement.issue.points;
      to.planned += placement.issue.points;
      placement.choice = movedChoice(placement, to, root.key);
    }
    group.forEach((issue, index) => {
      const taker = repacking.takers[index];
      if (taker) add(issue, repackedChoice(issue, taker, moved), root);
    });
    return true;
  };

  /** Places the issue with its unplanned blockers, all or nothing. */
  const place = (root: PlanIssue): PlaceOutcome => {
    if (placementByKey.has(root.key)) return "already planned";
    const group = collectGroup(root);
    if (group === null) return "blocked";
    // Loads stay on the points' grid, so room short of a whole step is no room at all.
    if (
      !fitsIn(
        usableRoom(slots.map(free), unit),
        group.reduce((total, issue) => total + issue.points, 0),
      )
    )
      return "no room";
    const undo: (() => void)[] = [];
    for (const issue of group) {
      const choice = choosePerson(issue, slots, slotById) ?? makeRoom(issue, undo);
      if (choice === null) {
        for (const step of undo.reverse()) step();
        return repack(root, group) ? "placed" : "no room";
      }
      add(issue, choice, root);
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
