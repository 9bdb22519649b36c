/**
 * What a sprint report is computed from: a sprint's items as Bosun's snapshots keep them and the scope changes
 * recorded from Jira's webhooks. Older snapshots lack the optional fields; every rule says what it does without them.
 */
export type ReportStatusCategory = "new" | "indeterminate" | "done";

export type ReportItem = {
  key: string;
  points: number | null;
  statusCategory: string;
  /** Jira's status name ("In Review"); absent in snapshots taken before it was kept. */
  status?: string | null;
  issueType?: string | null;
  assigneeAccountId?: string | null;
  /** When the issue was resolved (ISO), for burning a backfilled sprint down on the day work reached done. */
  resolvedAt?: string | null;
  /** Flagged, or blocked by an issue that is not done. */
  blocked?: boolean | null;
};

export type ReportScopeChange = {
  issueKey: string;
  kind: "added" | "removed" | "completed" | "reopened" | "estimated";
  points: number | null;
  previousPoints: number | null;
  occurredAt: string;
};

export type ReportSprint = {
  id: number;
  name: string;
  /** ISO date-times; a sprint without a start date has no report. */
  startDate: string;
  /** The planned end. */
  endDate: string | null;
  /** The actual close; null while the sprint runs. */
  completeDate: string | null;
};
