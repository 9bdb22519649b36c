export { outcomeOf, performWrite, type WriteOutcome, type WriteRequest } from "./perform";
export { drainOutbox } from "./drain";
export type { OperationName, OperationResult } from "./operations";
export { readResult, readStoredArgs, ResultMismatchError } from "./typed-result";
