import { free, room, type PersonChoice, type PersonSlot } from "./choose-person";
import type { EstimatedIssue, Placement } from "./placement";
import { packItems, type PackItem, type SearchBudget } from "./repack";

/** How many of the roomiest people one repacking may shuffle work between: enough for small teams, cheap for big ones. */
const NEIGHBOURHOOD = 4;
/** Search nodes per attempt; see packItems. */
const NODES_PER_SEARCH = 2_000;

export type Repacking = {
  moves: { placement: Placement; to: PersonSlot }[];
  /** Who takes each issue of the group, in group order. */
  takers: PersonSlot[];
};

/**
 * A way to fit a group (an issue and its unplanned blockers) that placing the
 * issues one by one missed: the work already planned for the roomiest few
 * people is packed again, together with the group, so that scattered room adds
 * up. Nothing planned is dropped and work kept with its current assignee stays
 * put, so rank and the assignee rule hold; null when no such packing is found.
 * The caller has checked that everyone's room together could hold the group.
 */
export function findRepacking(
  group: readonly EstimatedIssue[],
  slots: readonly PersonSlot[],
  placements: readonly Placement[],
  { unit, budget }: { unit: number; budget: SearchBudget },
): Repacking | null {
  // Roomiest first; the sort is stable, so ties keep accountId order and plans stay deterministic.
  const bins = [...slots].sort((a, b) => free(b) - free(a)).slice(0, NEIGHBOURHOOD);
  const binOf = new Map(bins.map((slot, bin) => [slot, bin]));
  const movable = placements.filter((placement) => !placement.choice.isKept && binOf.has(placement.choice.slot));
  const rooms = bins.map(free);
  const items: PackItem[] = movable.map((placement) => {
    const bin = binOf.get(placement.choice.slot) ?? 0;
    rooms[bin] = (rooms[bin] ?? 0) + placement.issue.points;
    return { points: placement.issue.points, bin };
  });
  for (const issue of group) {
    const assignee = bins.findIndex((slot) => slot.person.accountId === issue.assigneeAccountId);
    items.push({ points: issue.points, bin: null, preferredBin: assignee >= 0 ? assignee : null });
  }
  const packed = packItems(rooms, items, { perSearch: NODES_PER_SEARCH, shared: budget, unit });
  if (packed === null) return null;
  const slotAt = (bin: number | undefined) => bins[bin ?? 0] as PersonSlot;
  return {
    moves: movable.flatMap((placement, index) =>
      packed[index] === items[index]?.bin ? [] : [{ placement, to: slotAt(packed[index]) }],
    ),
    takers: group.map((_, index) => slotAt(packed[movable.length + index])),
  };
}

/** The moved issue's new holder, saying why it moved. */
export function movedChoice(placement: Placement, to: PersonSlot, forKey: string): PersonChoice {
  return {
    slot: to,
    reason: `${to.person.name}: moved from ${placement.choice.slot.person.name} to make room for ${forKey}`,
    isKept: false,
  };
}

/** The group issue's taker, read before its points are added; `moved` lists what was moved for the group. */
export function repackedChoice(issue: EstimatedIssue, slot: PersonSlot, moved: string): PersonChoice {
  const isKept = slot.person.accountId === issue.assigneeAccountId;
  const after = moved === "" ? "" : `, after moving ${moved}`;
  return {
    slot,
    reason: `${slot.person.name}: ${isKept ? "kept current assignee" : "had room"}, ${room(slot)}${after}`,
    isKept,
  };
}
