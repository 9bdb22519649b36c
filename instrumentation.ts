import * as Sentry from "@sentry/nextjs";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./sentry.server.config");
    // Outbound writes that could not be made at once (an outage, a rate limit) are retried from here.
    const { startOutboxWorker } = await import("./lib/outbox/worker");
    startOutboxWorker();
  }
  if (process.env.NEXT_RUNTIME === "edge") await import("./sentry.edge.config");
}

/** Errors thrown while rendering or in route handlers reach Sentry here. */
export const onRequestError = Sentry.captureRequestError;
