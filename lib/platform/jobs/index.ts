export { PermanentJobError, RetryLaterError } from "./errors";
export {
  countJobs,
  drainJobs,
  enqueueJob,
  listJobs,
  pruneFinishedJobs,
  retryJob,
  DEFAULT_LEASE_MS,
  type EnqueueJobInput,
  type JobHandler,
  type JobHandlers,
  type JobOutcome,
  type JobRecord,
} from "./queue";
export { enqueuePerOrgSlot } from "./periodic";
export { kickJobWorker, startJobWorker, stopJobWorker, type JobWorkerOptions } from "./worker";
export { listenForJobs } from "@/lib/db/system/job-notifications";
