import "server-only";
import { JOB_HANDLERS, scheduleReleaseHealthChecks } from "@/lib/features/automations";
import { env } from "@/lib/platform/env";
import { kickJobWorker, listenForJobs, startJobWorker, stopJobWorker } from "@/lib/platform/jobs";
import { logger } from "@/lib/platform/observability/logger";
import { startOutboxWorker, stopOutboxWorker } from "@/lib/platform/outbox/worker";
import { scheduleRetention } from "@/lib/features/retention";
import { scheduleSprintReconciliation } from "@/lib/features/sprints";
import { scheduleNotificationBatches, scheduleWeeklyDigests } from "@/lib/features/notifications";
import { scheduleDeliveryHistory } from "@/lib/features/delivery";

type Background = { scheduler: ReturnType<typeof setInterval>; unlisten: () => Promise<void> };
const globalForBackground = globalThis as { bosunBackground?: Background };

/**
 * Everything Bosun does off the request path, once per process: the outbox
 * worker (outbound writes that could not be made at once), the job worker
 * (webhook deliveries, run retries, periodic checks, the sprint reconciliation pass every 15 minutes, the
 * daily retention pass), woken by NOTIFY from any
 * process, and the once-a-minute scheduler of periodic checks. Runs inside the
 * web process (BOSUN_WORKER=inline) or in `npm run worker` (separate).
 */
export function startBackgroundWork() {
  if (globalForBackground.bosunBackground) return;
  startOutboxWorker();
  startJobWorker(JOB_HANDLERS, { concurrency: env.worker.concurrency });
  const unlisten = listenForJobs(env.databaseUrl, kickJobWorker);
  const schedule = () => {
    void scheduleReleaseHealthChecks().catch((error: unknown) =>
      logger.error({ err: error }, "scheduling release health checks failed"),
    );
    void scheduleRetention().catch((error: unknown) =>
      logger.error({ err: error }, "scheduling the daily retention pass failed"),
    );
    void scheduleSprintReconciliation().catch((error: unknown) =>
      logger.error({ err: error }, "scheduling the sprint reconciliation pass failed"),
    );
    void scheduleNotificationBatches().catch((error: unknown) =>
      logger.error({ err: error }, "scheduling the notification e-mail batches failed"),
    );
    void scheduleWeeklyDigests().catch((error: unknown) =>
      logger.error({ err: error }, "scheduling the weekly digests failed"),
    );
    void scheduleDeliveryHistory().catch((error: unknown) =>
      logger.error({ err: error }, "scheduling the delivery history catch-up failed"),
    );
  };
  const scheduler = setInterval(schedule, 60_000);
  scheduler.unref();
  schedule();
  globalForBackground.bosunBackground = { scheduler, unlisten };
}

/** Stops taking new work and waits for what is under way; jobs cut off anyway come back when their lease expires. */
export async function stopBackgroundWork() {
  const background = globalForBackground.bosunBackground;
  if (!background) return;
  clearInterval(background.scheduler);
  await background.unlisten();
  await Promise.all([stopJobWorker(), stopOutboxWorker()]);
  globalForBackground.bosunBackground = undefined;
}
