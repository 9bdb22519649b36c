import "server-only";

export { MAX_STORED_ANSWER, RollbackHookError, sendRollbackRequest } from "./client";
export { DEFAULT_HOOK_TIMEOUT_SECONDS, describeRollbackHook, getRollbackHookConfig } from "./connection";
export { checkRollbackHookUrl } from "./endpoint";
export { rollbackRequestArgs, rollbackRequestResult, runRollbackRequest } from "./operation";
export { rollbackHookInputSchema, saveRollbackHook, type RollbackHookInput, type SaveHookResult } from "./settings";
export type { RollbackHookAnswer, RollbackHookConfig } from "./types";
