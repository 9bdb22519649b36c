import "server-only";

export { notify, type NotifyInput } from "./notify";
export {
  NOTIFICATION_BATCH_QUEUE,
  notificationBatchJob,
  queueEmailBatchNow,
  scheduleNotificationBatches,
  sendEmailBatches,
} from "./batch-job";
export { notifyStuckWrites, STUCK_WRITE_AGE_MS } from "./stuck-writes";
