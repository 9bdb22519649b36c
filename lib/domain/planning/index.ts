export { planSprint } from "./plan-sprint";
export { exactOptimum, type OptimumPlan } from "./exact-optimum";
export { planDiff, type CurrentIssue, type NewSprint, type PlanDiff } from "./plan-diff";
export { limitPoints } from "./limits";
export { nextSprintDefaults } from "./next-sprint";
export type {
  Assignment,
  LeftOut,
  LeftOutReason,
  PersonPlan,
  PlanInput,
  PlanIssue,
  PlanPerson,
  SprintPlan,
} from "./types";
