import "server-only";
import { logger } from "@/lib/platform/observability/logger";
import { drainJobs, type JobHandlers, pruneFinishedJobs } from "./queue";

const PRUNE_EVERY_MS = 60 * 60_000;

type JobWorker = { timer: ReturnType<typeof setInterval>; kick: () => void; stop: () => Promise<void> };
const globalForWorker = globalThis as { bosunJobWorker?: JobWorker };

export type JobWorkerOptions = {
  /** How often to look for due jobs when nothing kicks the worker. */
  intervalMs?: number;
  /** Jobs run at the same time; each pass claims twice as many, so a slow job does not idle the rest for long. */
  concurrency?: number;
};

/**
 * Runs the job queue in this process (once per process, surviving hot
 * reloads): a pass every `intervalMs` or when kicked, never two at once, plus an
 * hourly prune of old succeeded jobs. Other processes run their own workers;
 * SKIP LOCKED keeps them from taking the same job.
 */
export function startJobWorker(handlers: JobHandlers, { intervalMs = 1_000, concurrency = 4 }: JobWorkerOptions = {}) {
  if (globalForWorker.bosunJobWorker) return;
  const batch = concurrency * 2;
  let running: Promise<void> | null = null;
  let again = false; // a pass was asked for while one was running
  let kickScheduled = false;
  let stopped = false;
  let lastPrune = 0;

  const runPass = async () => {
    const outcomes = await drainJobs({ handlers, limit: batch, concurrency });
    // A full batch means more may be waiting: go again straight away instead of waiting for the tick.
    if (outcomes.length >= batch) again = true;
    if (Date.now() - lastPrune >= PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      const pruned = await pruneFinishedJobs();
      if (pruned > 0) logger.info({ pruned }, "pruned finished jobs");
    }
  };

  const pass = () => {
    if (running || stopped) return;
    again = false;
    running = runPass()
      .catch((error: unknown) => logger.error({ err: error }, "job worker pass failed"))
      .finally(() => {
        running = null;
        if (again) kick();
      });
  };

  // Coalesced: any number of kicks before the pass starts make one pass; a kick during a pass makes one more after it.
  const kick = () => {
    if (running) {
      again = true;
      return;
    }
    if (kickScheduled) return;
    kickScheduled = true;
    setImmediate(() => {
      kickScheduled = false;
      pass();
    });
  };

  const timer = setInterval(pass, intervalMs);
  timer.unref();
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    globalForWorker.bosunJobWorker = undefined;
  };
  globalForWorker.bosunJobWorker = { timer, kick, stop };
}

/** Asks this process's worker for a pass as soon as possible (e.g. right after enqueueing). A no-op if no worker runs here. */
export function kickJobWorker() {
  globalForWorker.bosunJobWorker?.kick();
}

/** Stops taking jobs and waits for the pass under way to finish (a graceful shutdown). */
export async function stopJobWorker() {
  await globalForWorker.bosunJobWorker?.stop();
}
