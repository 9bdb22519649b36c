export { decideRollbackGate, evidenceFingerprint, type GateDecision, type GateInput } from "./decide";
export { canDecideRollback, ROLLBACK_DECIDERS } from "./decide-role";
export {
  buildRollbackBody,
  rollbackBlockerKey,
  rollbackIdempotencyKey,
  signRollbackBody,
  signRollbackRequest,
  unixSeconds,
  type RollbackRequestBody,
  type SignedRollbackRequest,
} from "./request";
export {
  DEFAULT_ROLLBACK_SETTINGS,
  readRollbackSettings,
  rollbackSettingsSchema,
  type RollbackSettings,
} from "./settings";
export { describeGateStatus, type GateStatus, type GateView, type IntentState } from "./status";
export type { CrashFreeComparison, NewIssue, RollbackEvidence, RollbackSignal } from "./types";
export { buildRollbackBlocker, buildRollbackBlockerUpdate, ROLLBACK_LABELS, type RollbackBlocker } from "./blocker";
