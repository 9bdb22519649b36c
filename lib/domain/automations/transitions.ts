/**
 * Picks the next workflow transition towards a target status, forward only:
 * never back from Done to In Review. Jira's transitions API lists what is
 * available from the current status; workflows often need more than
 * one step (To Do → In Progress → In Review → Done), so the caller applies the
 * choice and asks again until it reaches the target or stops.
 */
export type StatusRef = { name: string; category: "new" | "indeterminate" | "done" | string };
export type AvailableTransition = { id: string; to: StatusRef };

export type TransitionChoice =
  | { kind: "move"; transitionId: string; to: string }
  | { kind: "stay"; reason: string }
  | { kind: "blocked"; reason: string };

/** A status's place in the workflow order; statuses outside it are placed by category. */
export function statusRank(status: StatusRef, order: readonly string[]): number {
  const index = order.findIndex((name) => name.toLowerCase() === status.name.toLowerCase());
  if (index >= 0) return index;
  if (status.category === "done") return order.length - 1;
  if (status.category === "new") return 0;
  // Unknown "in progress" statuses sit just after the first status.
  return Math.min(1, order.length - 1);
}

export function chooseForwardTransition({
  current,
  target,
  order,
  available,
}: {
  current: StatusRef;
  target: string;
  order: readonly string[];
  available: readonly AvailableTransition[];
}): TransitionChoice {
  const targetIndex = order.findIndex((name) => name.toLowerCase() === target.toLowerCase());
  if (targetIndex < 0)
    return { kind: "blocked", reason: `${target} is not in the workflow order (${order.join(" → ")})` };
  const currentRank = statusRank(current, order);
  if (current.name.toLowerCase() === target.toLowerCase()) return { kind: "stay", reason: `already ${current.name}` };
  if (currentRank >= targetIndex)
    return { kind: "stay", reason: `${current.name} is already past ${order[targetIndex]}; issues only move forward` };
  const forward = available
    .map((transition) => {
      const named = order.some((name) => name.toLowerCase() === transition.to.name.toLowerCase());
      return { transition, named, rank: statusRank(transition.to, order) };
    })
    // A status outside the order (placed by its category) may be a step on the
    // way but never stands in for the target: a done-category "Won't Do" is not
    // "Done", and an unknown "Blocked" is not "In Progress".
    .filter(({ rank, named }) => rank > currentRank && (named ? rank <= targetIndex : rank < targetIndex))
    // Furthest forward first; at the same rank, statuses the order names win.
    .sort((a, b) => b.rank - a.rank || Number(b.named) - Number(a.named));
  const best = forward[0];
  if (!best)
    return { kind: "blocked", reason: `no transition from ${current.name} leads towards ${order[targetIndex]}` };
  return { kind: "move", transitionId: best.transition.id, to: best.transition.to.name };
}

/** The direct transition to the target, else the one that goes furthest back along the order; none leads back. */
export function chooseBackTransition(
  { current, available }: { current: StatusRef; available: readonly AvailableTransition[] },
  { target, order }: { target: string; order: readonly string[] },
): TransitionChoice {
  if (current.name.toLowerCase() === target.toLowerCase()) return { kind: "stay", reason: `already ${current.name}` };
  const currentRank = statusRank(current, order);
  const choice =
    available.find((t) => t.to.name.toLowerCase() === target.toLowerCase()) ??
    available
      .filter((t) => statusRank(t.to, order) < currentRank)
      .sort((a, b) => statusRank(a.to, order) - statusRank(b.to, order))[0];
  if (!choice) return { kind: "blocked", reason: `no transition from ${current.name} leads back towards ${target}` };
  return { kind: "move", transitionId: choice.id, to: choice.to.name };
}
