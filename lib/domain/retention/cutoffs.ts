import type { RetentionSettings } from "./settings";

const DAY_MS = 86_400_000;

/**
 * An expired cache entry is still served, marked stale, while its upstream is
 * failing (lib/cache/read-through.ts). Bosun keeps retrying an outbound write
 * for at most 7 days before it treats the outage as something people must
 * handle; an entry expired longer than that is kept for no outage Bosun plans
 * to ride out, so it goes.
 */
export const STALE_CACHE_KEEP_DAYS = 7;

/**
 * A session record is what makes a revoked or idle WorkOS session unusable in
 * Bosun: without it, the next request would create a fresh record and the
 * session would be accepted again. So a record goes only once the WorkOS
 * session behind it has certainly ended, i.e. it is older than WorkOS's
 * maximum session length, which counts from sign-in and never resets.
 * That length is set in the WorkOS dashboard, which Bosun cannot read; this
 * assumes it is at most 30 days (the length the WorkOS emulator issues). With a
 * longer setting in WorkOS, raise this to match.
 */
export const SESSION_MAX_LIFETIME_DAYS = 30;

export type OrgCutoffs = {
  /** Clear payloads of finished deliveries received before this. */
  deliveryPayloadsBefore: Date;
  /** Delete runs finished before this. */
  automationRunsBefore: Date;
  /** Delete finished outbound writes completed before this. */
  finishedWritesBefore: Date;
  /** Delete cache entries that expired before this. */
  cacheExpiredBefore: Date;
  /** Delete session records created before this. */
  sessionsCreatedBefore: Date;
};

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** The instants before which each kind of row goes, from the org's settings and the current time. */
export function retentionCutoffs(settings: RetentionSettings, now: Date): OrgCutoffs {
  return {
    deliveryPayloadsBefore: daysBefore(now, settings.deliveryPayloadDays),
    automationRunsBefore: daysBefore(now, settings.automationRunDays),
    finishedWritesBefore: daysBefore(now, settings.finishedWriteDays),
    cacheExpiredBefore: daysBefore(now, STALE_CACHE_KEEP_DAYS),
    sessionsCreatedBefore: daysBefore(now, SESSION_MAX_LIFETIME_DAYS),
  };
}

export type RetentionCounts = {
  deliveryPayloads: number;
  automationRuns: number;
  finishedWrites: number;
  cacheEntries: number;
  sessions: number;
};

export const NOTHING_PRUNED: RetentionCounts = {
  deliveryPayloads: 0,
  automationRuns: 0,
  finishedWrites: 0,
  cacheEntries: 0,
  sessions: 0,
};

export function prunedAnything(counts: RetentionCounts): boolean {
  return Object.values(counts).some((count) => count > 0);
}

/** One line for the audit log, naming only what was pruned. */
export function describePruned(counts: RetentionCounts): string {
  const parts = [
    [counts.deliveryPayloads, "webhook payload", "webhook payloads"],
    [counts.automationRuns, "automation run", "automation runs"],
    [counts.finishedWrites, "finished write", "finished writes"],
    [counts.cacheEntries, "expired cache entry", "expired cache entries"],
    [counts.sessions, "ended session", "ended sessions"],
  ] as const;
  const named = parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`);
  return named.length ? `Retention removed ${named.join(", ")}` : "Retention removed nothing";
}

/** The UTC calendar day of `now` (YYYY-MM-DD): one retention run per org per day. */
export function retentionDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
