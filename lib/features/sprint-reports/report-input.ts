import type { ReportItem, ReportScopeChange, ReportSprint } from "@/lib/domain/sprint-report";
import type { SnapshotIssues, SnapshotItem, SnapshotOrigin, SnapshotSprint } from "@/lib/db/queries/sprint-snapshots";
import type { JiraWorkItem } from "@/lib/integrations/jira";

/**
 * From what Bosun stores (snapshot rows, scope-change rows, cached Jira issues) to the sprint-report rules' inputs.
 * Pure. Snapshots taken before the reports existed lack status, type, resolution and blocked: those stay unknown.
 */
export type SnapshotRow = SnapshotSprint & {
  plannedCapacity: number | null;
  issues: unknown;
  origin: SnapshotOrigin;
};

export type SprintRecord = {
  sprintId: number;
  name: string;
  start: SnapshotRow | null;
  close: SnapshotRow | null;
};

export const issuesOf = (row: SnapshotRow) => row.issues as SnapshotIssues;

export const toReportItem = (item: SnapshotItem): ReportItem => ({
  key: item.key,
  points: item.points,
  statusCategory: item.statusCategory,
  status: item.status ?? null,
  issueType: item.issueType ?? null,
  assigneeAccountId: item.assigneeAccountId,
  resolvedAt: item.resolvedAt ?? null,
  blocked: item.blocked ?? null,
});

export const workItemToReportItem = (item: JiraWorkItem): ReportItem => ({
  key: item.key,
  points: item.points,
  statusCategory: item.statusCategory,
  status: item.status,
  issueType: item.issueType,
  assigneeAccountId: item.assigneeAccountId,
  resolvedAt: item.resolvedAt,
  blocked: item.blockedBy.some((blocker) => blocker.statusCategory !== "done"),
});

export const toReportChange = (change: {
  issueKey: string;
  kind: ReportScopeChange["kind"];
  points: number | null;
  previousPoints: number | null;
  occurredAt: Date;
}): ReportScopeChange => ({ ...change, occurredAt: change.occurredAt.toISOString() });

/** Each sprint's start and close snapshots together, oldest sprint first. */
export function groupSprints(rows: SnapshotRow[]): SprintRecord[] {
  const bySprint = new Map<number, SprintRecord>();
  for (const row of rows) {
    const record = bySprint.get(row.sprintId) ?? {
      sprintId: row.sprintId,
      name: row.sprintName,
      start: null,
      close: null,
    };
    record[row.kind] = row;
    record.name = row.sprintName;
    bySprint.set(row.sprintId, record);
  }
  const startOf = (r: SprintRecord) =>
    (r.start?.sprintStart ?? r.close?.sprintStart ?? r.start?.takenAt)?.getTime() ?? 0;
  return [...bySprint.values()].sort((a, b) => startOf(a) - startOf(b) || a.sprintId - b.sprintId);
}

/**
 * The sprint's dates as the report needs them; null for a sprint that has no start date. The close is Jira's
 * completeDate as the close snapshot kept it; a close observed on a page load before that was kept is dated no
 * later than the planned end (a page load can come days after the close).
 */
export function reportSprintOf(record: SprintRecord): ReportSprint | null {
  const start = record.start?.sprintStart ?? record.close?.sprintStart ?? record.start?.takenAt ?? null;
  if (!start) return null;
  const end = record.start?.sprintEnd ?? record.close?.sprintEnd ?? null;
  let completeDate: string | null = null;
  if (record.close) {
    const kept = issuesOf(record.close).closedAt;
    const taken = record.close.takenAt;
    completeDate = kept ?? (record.close.origin === "observed" && end && end < taken ? end : taken).toISOString();
  }
  return {
    id: record.sprintId,
    name: record.name,
    startDate: start.toISOString(),
    endDate: end?.toISOString() ?? null,
    completeDate,
  };
}
