import * as Sentry from "@sentry/nextjs";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./sentry.server.config");
    // Outbound writes that could not be made at once (an outage, a rate limit) are retried from here.
    const { startOutboxWorker } = await import("./lib/outbox/worker");
    startOutboxWorker();
    // Webhook deliveries, run retries and periodic checks are jobs on the PostgreSQL queue.
    const { startBackgroundWork } = await import("./lib/automations/background");
    startBackgroundWork();
  }
  if (process.env.NEXT_RUNTIME === "edge") await import("./sentry.edge.config");
}

/** Errors thrown while rendering or in route handlers reach Sentry here. */
export const onRequestError = Sentry.captureRequestError;
