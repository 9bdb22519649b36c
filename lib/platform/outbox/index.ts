export { performWrite, type WriteOutcome, type WriteRequest } from "./perform";
export { drainOutbox } from "./drain";
export type { OperationName } from "./operations";
