// Sentry for the Node.js server runtime (loaded from instrumentation.ts).
import * as Sentry from "@sentry/nextjs";
import { parseEnv } from "@/lib/platform/env/schema";
import { sharedSentryOptions } from "@/lib/platform/observability/sentry-options";

const env = parseEnv(process.env);

Sentry.init({
  ...sharedSentryOptions({
    dsn: env.sentry.dsn,
    environment: env.sentry.environment,
    release: process.env.BOSUN_VERSION,
  }),
  // Tracing only when asked for (SENTRY_TRACES_SAMPLE_RATE > 0); see sharedSentryOptions.
  tracesSampleRate: env.sentry.tracesSampleRate > 0 ? env.sentry.tracesSampleRate : undefined,
});
