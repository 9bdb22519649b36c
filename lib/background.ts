import "server-only";
import { startJobWorker } from "@/lib/jobs";
import { logger } from "@/lib/observability/logger";
import { JOB_HANDLERS } from "./handlers";
import { scheduleReleaseHealthChecks } from "./release-health";

const globalForSchedule = globalThis as { bosunScheduler?: ReturnType<typeof setInterval> };

/** The job worker for this server process, and the once-a-minute scheduler of periodic checks. */
export function startBackgroundWork() {
  startJobWorker(JOB_HANDLERS);
  if (globalForSchedule.bosunScheduler) return;
  const schedule = () => void scheduleReleaseHealthChecks().catch((error: unknown) => logger.error({ err: error }, "scheduling release health checks failed"));
  globalForSchedule.bosunScheduler = setInterval(schedule, 60_000);
  globalForSchedule.bosunScheduler.unref();
  schedule();
}
