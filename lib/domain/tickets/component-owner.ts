/**
 * Who owns a component in practice: the person who completed the most issues
 * in it recently (ties go to the most recent completion, then account id).
 * Pure; the input is the completed work from sprint snapshots.
 */
export type CompletedWork = { accountId: string; component: string; completedAt: string };

export function componentOwner(
  work: CompletedWork[],
  component: string,
  eligible: Set<string>,
): { accountId: string; completed: number } | null {
  const tally = new Map<string, { completed: number; latest: string }>();
  for (const item of work) {
    if (item.component !== component || !eligible.has(item.accountId)) continue;
    const entry = tally.get(item.accountId) ?? { completed: 0, latest: "" };
    entry.completed += 1;
    if (item.completedAt > entry.latest) entry.latest = item.completedAt;
    tally.set(item.accountId, entry);
  }
  const [best] = [...tally.entries()].sort(
    ([a, x], [b, y]) => y.completed - x.completed || y.latest.localeCompare(x.latest) || a.localeCompare(b),
  );
  return best ? { accountId: best[0], completed: best[1].completed } : null;
}
