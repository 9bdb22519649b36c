import "server-only";

export { notify, type NotifyInput } from "./notify";
export {
  NOTIFICATION_BATCH_QUEUE,
  notificationBatchJob,
  queueEmailBatchNow,
  scheduleNotificationBatches,
  sendEmailBatches,
} from "./batch-job";
export { WEEKLY_DIGEST_QUEUE, scheduleWeeklyDigests, sendWeeklyDigests, weeklyDigestJob } from "./digest-job";
export { loadWeeklyDigest } from "./digest";
export {
  ISSUE_NOTIFICATION_QUEUE,
  issueNotificationJob,
  notifyForIssueEvent,
  queueIssueNotification,
} from "./issue-events";
export { notifyRuleFailed } from "./rule-events";
export { notifyStuckWrites, STUCK_WRITE_AGE_MS } from "./stuck-writes";
export { notifySprintOverCapacity } from "./sprint-events";
