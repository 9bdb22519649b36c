import type { SnapshotIssues, SnapshotOrigin } from "@/lib/db/queries/sprint-snapshots";

/**
 * How a sprint snapshot came to be, in words for the sprint pages: a
 * commitment recorded by Jira's webhook at the moment is worth more than one
 * a page load first saw, and a reader should know which they are looking at.
 */
export type SnapshotRecord = { origin: SnapshotOrigin; label: string; takenAt: string };

/** "17 min", "3 h", "2 days": how late a reconciled snapshot was recorded. */
export function formatDelay(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

export function describeSnapshot(snapshot: {
  kind: "start" | "close";
  origin: SnapshotOrigin;
  delaySeconds: number | null;
  takenAt: Date;
  issues: unknown;
}): SnapshotRecord {
  const issues = snapshot.issues as Partial<SnapshotIssues> | null;
  const base = { origin: snapshot.origin, takenAt: snapshot.takenAt.toISOString() };
  if (snapshot.origin === "webhook") return { ...base, label: `recorded at ${snapshot.kind} (Jira webhook)` };
  if (snapshot.origin === "reconciled") {
    const late = `reconciled ${formatDelay(snapshot.delaySeconds ?? 0)} late`;
    const how =
      issues?.rebuiltFrom === "scope-changes"
        ? " (rebuilt from the changes recorded since the start)"
        : issues?.rebuiltFrom === "issues-when-found"
          ? " (issues as found then: no changes were recorded since the start)"
          : "";
    return { ...base, label: `${late}${how}` };
  }
  if (snapshot.origin === "backfill" || issues?.source === "backfill")
    return { ...base, label: "backfilled from issues" };
  return { ...base, label: "first seen on a page load" };
}
