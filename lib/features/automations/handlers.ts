import "server-only";
import { DELIVERY_QUEUE, JIRA_EVENT_QUEUE, WORKOS_EVENT_QUEUE } from "@/lib/db/queries/webhook-deliveries";
import { processWorkosDelivery } from "@/lib/features/directory";
import { processJiraDelivery } from "@/lib/features/jira-events";
import { SPRINT_RECONCILE_QUEUE } from "@/lib/features/sprints";
import { SPRINT_HISTORY_QUEUE, reconcileSprintsAndHistoryJob, sprintHistoryJob } from "@/lib/features/sprint-reports";
import type { JobHandlers } from "@/lib/platform/jobs";
import { RETENTION_QUEUE, runRetentionJob } from "@/lib/features/retention";
import {
  ISSUE_NOTIFICATION_QUEUE,
  NOTIFICATION_BATCH_QUEUE,
  WEEKLY_DIGEST_QUEUE,
  issueNotificationJob,
  notificationBatchJob,
  weeklyDigestJob,
} from "@/lib/features/notifications";
import { DELIVERY_HISTORY_QUEUE, deliveryHistoryJob } from "@/lib/features/delivery";
import { processDelivery } from "./process-delivery";
import { RELEASE_HEALTH_QUEUE, checkReleaseHealth } from "./release-health";
import { RETRY_RUN_QUEUE, retryRunJob } from "./retry-run";

/** Every queue the job worker serves. */
export const JOB_HANDLERS: JobHandlers = {
  [DELIVERY_QUEUE]: processDelivery,
  [RETRY_RUN_QUEUE]: retryRunJob,
  [RELEASE_HEALTH_QUEUE]: checkReleaseHealth,
  [WORKOS_EVENT_QUEUE]: processWorkosDelivery,
  [RETENTION_QUEUE]: runRetentionJob,
  [JIRA_EVENT_QUEUE]: processJiraDelivery,
  // The reconciliation pass also finishes the sprint reports' history backfill when it has not completed.
  [SPRINT_RECONCILE_QUEUE]: reconcileSprintsAndHistoryJob,
  [SPRINT_HISTORY_QUEUE]: sprintHistoryJob,
  [NOTIFICATION_BATCH_QUEUE]: notificationBatchJob,
  [ISSUE_NOTIFICATION_QUEUE]: issueNotificationJob,
  [WEEKLY_DIGEST_QUEUE]: weeklyDigestJob,
  [DELIVERY_HISTORY_QUEUE]: deliveryHistoryJob,
};
