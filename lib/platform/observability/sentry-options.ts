import { scrubEvent, scrubValue } from "./scrub";

/** Options shared by the client, server and edge Sentry SDKs. */
export function sharedSentryOptions({
  dsn,
  environment,
  release,
}: {
  dsn: string | undefined;
  environment: string | undefined;
  release: string | undefined;
}) {
  return {
    dsn,
    // No DSN, no network: the SDK stays inert.
    enabled: Boolean(dsn),
    environment,
    release,
    sendDefaultPii: false,
    // No tracesSampleRate here: even 0 switches the SDK's span instrumentation (Prisma, HTTP) on for every
    // request, which cost about a fifth of a warm render's CPU while sampling nothing.
    beforeSend: <T extends object>(event: T) => scrubEvent(event as Parameters<typeof scrubEvent>[0]) as T,
    beforeSendSpan: <T extends object>(span: T) => scrubValue(span) as T,
  };
}
