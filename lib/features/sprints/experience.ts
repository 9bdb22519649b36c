import type { SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";

/** Issues each person completed per component in the recorded sprints: who knows which part of the product. */
export function componentExperience(
  closeSnapshots: Iterable<{ issues: unknown }>,
): Map<string, Record<string, number>> {
  const experience = new Map<string, Record<string, number>>();
  for (const snapshot of closeSnapshots) {
    for (const item of (snapshot.issues as SnapshotIssues).items) {
      if (item.statusCategory !== "done" || !item.assigneeAccountId || !item.component) continue;
      const own = experience.get(item.assigneeAccountId) ?? {};
      own[item.component] = (own[item.component] ?? 0) + 1;
      experience.set(item.assigneeAccountId, own);
    }
  }
  return experience;
}
