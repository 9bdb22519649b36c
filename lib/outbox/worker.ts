import "server-only";
import { logger } from "@/lib/observability/logger";
import { drainOutbox } from "./drain";

const globalForWorker = globalThis as { bosunOutboxWorker?: ReturnType<typeof setInterval> };

/** Drains the outbox every few seconds in this server process (once per process). */
export function startOutboxWorker(intervalMs = 3_000) {
  if (globalForWorker.bosunOutboxWorker) return;
  let running = false;
  globalForWorker.bosunOutboxWorker = setInterval(() => {
    if (running) return;
    running = true;
    drainOutbox()
      .catch((error: unknown) => logger.error({ err: error }, "outbox worker pass failed"))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  globalForWorker.bosunOutboxWorker.unref();
}
