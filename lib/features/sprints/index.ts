/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { applyStep, applySteps, type ApplyStep, type StepResult } from "./apply-plan";
export { loadAvailabilityPage } from "./availability-page";
export {
  addAvailabilityEntry,
  findAvailabilityEntryOwner,
  removeAvailabilityEntry,
  setMemberAllocation,
} from "./availability-edits";
export { loadBoardContext } from "./board-context";
export { loadSprintDashboard, type SprintDashboard } from "./dashboard";
export { snapshotFromSprintEvent, type EventOutcome } from "./event-snapshots";
export {
  SPRINT_RECONCILE_QUEUE,
  reconcileSprints,
  reconcileSprintsJob,
  scheduleSprintReconciliation,
} from "./reconcile";
export { recordScopeFromIssueEvent } from "./scope-tracking";
export { componentExperience } from "./experience";
export { findPreview, planRequestSchema, previewPlan, type SprintPlanPreview } from "./plan";
export { loadSprintPlanPage } from "./plan-page";
export { capacities } from "./team-capacity";
export { recordLateClose } from "./reconcile";
