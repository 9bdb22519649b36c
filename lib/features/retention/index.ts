/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { RETENTION_QUEUE, runRetentionJob, scheduleRetention } from "./job";
export { getRetentionSettings, RETENTION_SETTINGS_KEY } from "./settings";
export type { RetentionRunRecord } from "@/lib/db/queries/retention";
