// Sentry in the browser (loaded from instrumentation-client.ts). The DSN is
// inlined at build time; without one the SDK sends nothing.
import * as Sentry from "@sentry/nextjs";
import { sharedSentryOptions } from "@/lib/platform/observability/sentry-options";

Sentry.init(
  sharedSentryOptions({
    dsn: process.env.NEXT_PUBLIC_SENTRY_DSN || undefined,
    environment: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT,
    release: process.env.BOSUN_VERSION,
  }),
);
