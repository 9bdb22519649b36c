export { workingDays } from "./working-days";
export { personCapacity, type DateRange, type PersonCapacity, type PersonCapacityInput } from "./person-capacity";
export { DEFAULT_INTERRUPT_RATE, deriveFocusFactor, deriveInterruptRate, suggestedBufferPercent, type FocusHistory, type InterruptHistory } from "./history-factors";
export { velocity, type SprintSnapshotSummary, type Velocity } from "./velocity";
export { sprintHealth, type PersonLoad, type SprintHealth, type SprintHealthInput } from "./sprint-health";
export type { ScopeChange, SprintStartSnapshot } from "./scope-change";
export type { DependencyConflict, DependencyConflictReason, HealthIssue, HealthPerson, IssueBlocker, StatusCategory } from "./health-types";
