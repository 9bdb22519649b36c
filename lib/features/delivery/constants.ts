/** The delivery history's source name in HistoryBackfill, and how far back it reads Sentry. */
export const SENTRY_DEPLOYS_SOURCE = "sentry-deploys";
/** Sentry keeps every release's deploys; Bosun reads the releases of the last 180 days (the page's longest window). */
export const HISTORY_DAYS = 180;
export const DELIVERY_HISTORY_QUEUE = "delivery.history";
/** The catch-up read runs hourly for every org whose history was started. */
export const DELIVERY_HISTORY_INTERVAL_MS = 60 * 60_000;
/** Regressions and critical issues are told per release, not per environment: Bosun places them in production. */
export const INCIDENT_ENVIRONMENT = "production";
/** The history's note while the org has no Sentry connection to read from. */
export const SENTRY_NOT_CONNECTED = "Sentry is not connected";
