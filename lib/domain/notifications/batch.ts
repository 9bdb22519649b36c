import type { OrgNotificationDefaults, StoredPreference } from "./preferences";
import { isDigestOnly } from "./preferences";
import { isInQuietHours } from "./quiet-hours";

/** However many notifications arrive, a person gets at most one e-mail per window. */
export const BATCH_WINDOW_MS = 10 * 60_000;

/**
 * What to do with a person's pending e-mail notifications now:
 * - "send": one e-mail listing them all;
 * - "wait": leave them pending (inside the window after the last e-mail, or in quiet hours);
 * - "digest": they go into the weekly digest instead (the person asked for that);
 * - "skip": no e-mail at all (the person unsubscribed since they were stored).
 * The first e-mail of a burst goes at once; the rest of the burst waits for the window.
 */
export type BatchDecision = { action: "send" | "digest" | "skip" } | { action: "wait"; until: Date | null };

export function decideBatch({
  now,
  lastEmailedAt,
  preference,
  orgDefaults,
  windowMs = BATCH_WINDOW_MS,
}: {
  now: Date;
  lastEmailedAt: Date | null;
  preference: StoredPreference | null;
  orgDefaults: OrgNotificationDefaults;
  windowMs?: number;
}): BatchDecision {
  if (preference?.unsubscribedAt) return { action: "skip" };
  if (isDigestOnly(preference, orgDefaults)) return { action: "digest" };
  if (lastEmailedAt && now.getTime() - lastEmailedAt.getTime() < windowMs)
    return { action: "wait", until: new Date(lastEmailedAt.getTime() + windowMs) };
  if (
    preference &&
    isInQuietHours({
      now,
      timeZone: preference.timeZone,
      quietStart: preference.quietStart,
      quietEnd: preference.quietEnd,
    })
  )
    return { action: "wait", until: null };
  return { action: "send" };
}
