/**
 * Which WorkOS events may still be applied. WorkOS delivers events at least
 * once and in no guaranteed order, so Bosun keeps, per object, the newest event
 * it applied and skips anything older: a late "membership updated (active)"
 * must not re-activate someone a newer event removed. Pure.
 *
 * Events are ordered by `created_at`, ties broken by the event id (WorkOS ids
 * are ULIDs, which sort by time). The same event again is not older than
 * itself, so a retry of an event that failed midway is applied again.
 */
export type EventStamp = { at: Date; eventId: string };

/** The thing an event describes, whose clock decides whether the event is current. */
export type ClockObject = { objectType: "user" | "membership" | "directory_user"; objectId: string };

export function stampOf(event: { id: string; created_at: string }): EventStamp {
  return { at: new Date(event.created_at), eventId: event.id };
}

/** Negative when `a` happened first, positive when `b` did, 0 for the same event. */
export function compareStamps(a: EventStamp, b: EventStamp): number {
  const byTime = a.at.getTime() - b.at.getTime();
  if (byTime !== 0) return byTime;
  // Code-unit order, as PostgreSQL's "C" collation compares the stored ids.
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** Whether an event may be applied to an object whose newest applied event is `last` (null: none yet). */
export function mayApply(candidate: EventStamp, last: EventStamp | null): boolean {
  return last === null || compareStamps(candidate, last) >= 0;
}

/**
 * A membership is keyed by (WorkOS user, WorkOS organization), not by the
 * membership id: a membership removed and later re-created gets a new id but is
 * the same person's access to the same org, and directory (dsync) events, which
 * end that access too, name no membership id at all.
 */
export function membershipClock({
  workosUserId,
  workosOrgId,
}: {
  workosUserId: string;
  workosOrgId: string;
}): ClockObject {
  return { objectType: "membership", objectId: `${workosUserId}:${workosOrgId}` };
}

/**
 * The object an event's own clock belongs to: the user for user.*, the
 * membership for organization_membership.*, the directory user for dsync.user.*.
 * A dsync event that deprovisions someone also acts on their membership, so it
 * must be newer than the membership's clock as well (see handle-workos-event).
 * Null for events Bosun does not order.
 */
export function clockObjectOf(event: { event: string; data: Record<string, unknown> }): ClockObject | null {
  const { data } = event;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  if (event.event.startsWith("user.")) {
    const id = text(data.id);
    return id ? { objectType: "user", objectId: id } : null;
  }
  if (event.event.startsWith("organization_membership.")) {
    const workosUserId = text(data.user_id);
    const workosOrgId = text(data.organization_id);
    return workosUserId && workosOrgId ? membershipClock({ workosUserId, workosOrgId }) : null;
  }
  if (event.event.startsWith("dsync.user.")) {
    const id = text(data.id);
    return id ? { objectType: "directory_user", objectId: id } : null;
  }
  return null;
}
