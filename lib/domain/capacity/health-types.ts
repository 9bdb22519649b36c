export type StatusCategory = "new" | "indeterminate" | "done";

export type IssueBlocker = {
  key: string;
  statusCategory: StatusCategory;
  /** null: the blocker sits in the backlog. */
  sprintState: "active" | "future" | "closed" | null;
  /** ISO date or date-time of the blocker's sprint, when it has one. */
  sprintStartDate?: string;
};

export type HealthIssue = {
  key: string;
  summary: string;
  points: number | null;
  statusCategory: StatusCategory;
  assigneeAccountId: string | null;
  /** How Jira names the assignee; absent in older cached data, where the accountId stands in. */
  assigneeName?: string | null;
  component: string | null;
  blockedBy: IssueBlocker[];
};

export type HealthPerson = { accountId: string; name: string; capacityPoints: number };

export type DependencyConflictReason = "blocker not done and not in this sprint" | "blocker planned in a later sprint";

export type DependencyConflict = { key: string; blockedBy: string; reason: DependencyConflictReason };
