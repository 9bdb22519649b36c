// Sentry for the edge runtime (loaded from instrumentation.ts).
import * as Sentry from "@sentry/nextjs";
import { parseEnv } from "@/lib/platform/env/schema";
import { sharedSentryOptions } from "@/lib/platform/observability/sentry-options";

const env = parseEnv(process.env);

Sentry.init(
  sharedSentryOptions({ dsn: env.sentry.dsn, environment: env.sentry.environment, release: process.env.BOSUN_VERSION }),
);
