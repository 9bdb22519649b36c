export type PlanIssue = {
  key: string;
  summary: string;
  points: number | null;
  component: string | null;
  epic: { key: string; name: string } | null;
  /** Keys of the issues that must be done first. */
  blockedBy: string[];
  assigneeAccountId: string | null;
};

export type PlanPerson = {
  accountId: string;
  name: string;
  capacityPoints: number;
  /** Issues completed recently, by component name. */
  componentExperience: Record<string, number>;
};

export type PlanInput = {
  /** In rank order, highest first. */
  backlog: PlanIssue[];
  people: PlanPerson[];
  /** Share of capacity held back for interruptions, 0–50 (clamped). */
  bufferPercent: number;
  /** Done, or in the active or an earlier sprint: blockers here are satisfied. */
  alreadyScheduledKeys: string[];
  goal?: string;
};

export type Assignment = { key: string; accountId: string; points: number; reason: string };

export type LeftOutReason = "no estimate" | "no capacity" | `blocked by ${string} (not done, not planned)`;

export type LeftOut = { key: string; reason: LeftOutReason };

export type PersonPlan = {
  accountId: string;
  name: string;
  capacityPoints: number;
  limitPoints: number;
  plannedPoints: number;
};

export type SprintPlan = {
  /** In the order they were made; a blocker always comes before the issues it blocks. */
  assignments: Assignment[];
  /** In rank order. */
  leftOut: LeftOut[];
  /** By name. */
  perPerson: PersonPlan[];
  plannedPoints: number;
  goal: string;
  explanations: string[];
};
