import * as Sentry from "@sentry/nextjs";
import type { Instrumentation } from "next";
import { RENDER_TICKET_HEADER, spoilTicket } from "./lib/platform/render-cache/tickets";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./sentry.server.config");
    // Credentials the configured keys cannot open would fail every integration call: refuse to start instead.
    const { checkCredentialKeysAtStartup } = await import("./lib/platform/crypto/startup-check");
    if (!(await checkCredentialKeysAtStartup("web"))) process.exit(1);
    // Outbound writes, webhook deliveries and periodic checks run here unless `npm run worker` runs them (BOSUN_WORKER=separate).
    const { env } = await import("./lib/platform/env");
    if (env.worker.mode === "inline") {
      const { startBackgroundWork } = await import("./lib/features/background");
      startBackgroundWork();
    }
  }
  if (process.env.NEXT_RUNTIME === "edge") await import("./sentry.edge.config");
}

/**
 * Errors thrown while rendering or in route handlers reach Sentry here. A render that met one is never kept for
 * answering again (lib/platform/render-cache): its HTML may hold an error boundary's output.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const ticket = request.headers[RENDER_TICKET_HEADER];
  spoilTicket(Array.isArray(ticket) ? ticket[0] : ticket);
  return Sentry.captureRequestError(error, request, context);
};
