import "server-only";

export { notify, type NotifyInput } from "./notify";
export { NOTIFICATION_BATCH_QUEUE, queueEmailBatchNow } from "./batch-queue";
export { notificationBatchJob, scheduleNotificationBatches, sendEmailBatches } from "./batch-job";
export { WEEKLY_DIGEST_QUEUE, scheduleWeeklyDigests, sendWeeklyDigests, weeklyDigestJob } from "./digest-job";
export { loadWeeklyDigest } from "./digest";
export {
  ISSUE_NOTIFICATION_QUEUE,
  issueNotificationJob,
  notifyForIssueEvent,
  queueIssueNotification,
} from "./issue-events";
export { notifyRuleFailed } from "./rule-events";
export { notifyReleaseRegressions } from "./release-events";
export { notifyStuckWrites, STUCK_WRITE_AGE_MS } from "./stuck-writes";
export { notifySprintOverCapacity } from "./sprint-events";
export {
  countUnreadNotifications,
  followNotification,
  loadInbox,
  loadNotificationsPage,
  markNotificationsRead,
  type InboxItem,
} from "./inbox";
export {
  NOTIFICATION_SETTINGS_KEY,
  getOrgNotificationDefaults,
  loadPreferences,
  saveOrgNotificationDefaults,
  savePreferences,
  type PreferencesView,
} from "./preferences";
export { changeWatch, getWatchState, type WatchTargetType } from "./watch";
export { unsubscribeWithToken, describeUnsubscribeToken } from "./unsubscribe";
