import "server-only";
import { logger } from "@/lib/observability/logger";
import { drainJobs, type JobHandlers, pruneFinishedJobs } from "./queue";

const PRUNE_EVERY_MS = 60 * 60_000;
const BATCH = 10;

type JobWorker = { timer: ReturnType<typeof setInterval>; kick: () => void };
const globalForWorker = globalThis as { bosunJobWorker?: JobWorker };

/**
 * Runs the job queue in this server process (once per process, surviving hot
 * reloads): a pass every `intervalMs`, never two at once, plus an hourly prune
 * of old succeeded jobs. Other processes run their own workers; SKIP LOCKED
 * keeps them from taking the same job.
 */
export function startJobWorker(handlers: JobHandlers, intervalMs = 1_000) {
  if (globalForWorker.bosunJobWorker) return;
  let running = false;
  let again = false; // a pass was asked for while one was running
  let kickScheduled = false;
  let lastPrune = 0;

  const runPass = async () => {
    const outcomes = await drainJobs({ handlers, limit: BATCH });
    // A full batch means more may be waiting: go again straight away instead of waiting for the tick.
    if (outcomes.length >= BATCH) again = true;
    if (Date.now() - lastPrune >= PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      const pruned = await pruneFinishedJobs();
      if (pruned > 0) logger.info({ pruned }, "pruned finished jobs");
    }
  };

  const pass = () => {
    if (running) return;
    running = true;
    again = false;
    runPass()
      .catch((error: unknown) => logger.error({ err: error }, "job worker pass failed"))
      .finally(() => {
        running = false;
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
  globalForWorker.bosunJobWorker = { timer, kick };
}

/** Asks this process's worker for a pass as soon as possible (e.g. right after enqueueing). A no-op if no worker runs here. */
export function kickJobWorker() {
  globalForWorker.bosunJobWorker?.kick();
}
