/*
 * The rollback gate: raised by the periodic release check, decided on the release page, its hook set in
 * Settings → Integrations. Server-only: client components import its types with `import type`.
 */
export { approveRollback, dismissRollback, type Decider, type DecisionResult } from "./decide";
export { dryRunRollback, type DryRun, type DryRunResult } from "./dry-run";
export { listReleasesWithOpenGate, loadRollbackGates, type RollbackGatePanel } from "./load";
export { raiseRollbackGates, type RaisedGates } from "./raise";
export { getRollbackSettings } from "./settings";
export { disconnectOrgRollbackHook, saveOrgRollbackHook, saveOrgRollbackSettings } from "./hook";
export { rollbackSettingsInputSchema } from "./save-settings";
export { describeRollbackHook, rollbackHookInputSchema } from "@/lib/integrations/deploy";
