import type { PersonChoice } from "./choose-person";
import type { PlanIssue } from "./types";

export type EstimatedIssue = PlanIssue & { points: number };
export type Placement = { issue: EstimatedIssue; choice: PersonChoice; blocks: string | null };
