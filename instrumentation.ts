import * as Sentry from "@sentry/nextjs";

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

/** Errors thrown while rendering or in route handlers reach Sentry here. */
export const onRequestError = Sentry.captureRequestError;
