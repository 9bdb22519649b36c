import "server-only";

export { testSentryConnection } from "./connection";
export type { SentryClientConfig, SentryConnectionFailureReason, SentryConnectionResult } from "./types";
