import { scrubEvent, scrubValue } from "./scrub";

/** Options shared by the client, server and edge Sentry SDKs. */
export function sharedSentryOptions({ dsn, environment, release }: { dsn: string | undefined; environment: string | undefined; release: string | undefined }) {
  return {
    dsn,
    // No DSN, no network: the SDK stays inert.
    enabled: Boolean(dsn),
    environment,
    release,
    sendDefaultPii: false,
    tracesSampleRate: 0,
    beforeSend: <T extends object>(event: T) => scrubEvent(event as Parameters<typeof scrubEvent>[0]) as T,
    beforeSendSpan: <T extends object>(span: T) => scrubValue(span) as T,
  };
}
