import "server-only";
import { logger } from "@/lib/platform/observability/logger";
import { drainOutbox } from "./drain";

type OutboxWorker = { timer: ReturnType<typeof setInterval>; running: Promise<void> | null };
const globalForWorker = globalThis as { bosunOutboxWorker?: OutboxWorker };

/** Drains the outbox every few seconds in this process (once per process). */
export function startOutboxWorker(intervalMs = 3_000) {
  if (globalForWorker.bosunOutboxWorker) return;
  const worker: OutboxWorker = {
    running: null,
    timer: setInterval(() => {
      if (worker.running) return;
      worker.running = drainOutbox()
        .then(() => undefined)
        .catch((error: unknown) => logger.error({ err: error }, "outbox worker pass failed"))
        .finally(() => {
          worker.running = null;
        });
    }, intervalMs),
  };
  worker.timer.unref();
  globalForWorker.bosunOutboxWorker = worker;
}

/** Stops the timer and waits for the pass under way (a graceful shutdown). */
export async function stopOutboxWorker() {
  const worker = globalForWorker.bosunOutboxWorker;
  if (!worker) return;
  clearInterval(worker.timer);
  await worker.running;
  globalForWorker.bosunOutboxWorker = undefined;
}
