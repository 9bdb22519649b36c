import type { ConflictRecord, Echo, EchoInput, FieldState, Service } from "./types";

/** The status values both sides share in SyncFieldState: done/resolved is closed, anything else open. */
export const CLOSED = "closed";
export const OPEN = "open";

/** How long Bosun waits for the webhook its own write causes. */
export const ECHO_TTL_MS = 10 * 60_000;

/** Values are compared without case or surrounding space: Jira and Sentry echo names back as they store them. */
export const normaliseValue = (value: string | null | undefined) => (value ?? "").trim().toLowerCase();

/** The unexpired echo of Bosun's own write that this change is, if any. */
export function findEcho(echoes: readonly Echo[], change: EchoInput, now: Date): Echo | null {
  return (
    echoes.find(
      (echo) =>
        echo.expiresAt > now &&
        echo.service === change.service &&
        echo.objectId === change.objectId &&
        echo.field === change.field &&
        normaliseValue(echo.value) === normaliseValue(change.value),
    ) ?? null
  );
}

const other = (side: Service): Service => (side === "jira" ? "sentry" : "jira");

export type ConflictCheck =
  | { kind: "clear" }
  /** Both sides changed the field within the window, apart: the later change wins. */
  | { kind: "conflict"; winner: Service; record: ConflictRecord }
  /** The other side changed later, beyond the window, and this change is older: it is stale. */
  | { kind: "stale"; reason: string };

/**
 * Whether an incoming change on `side` collides with the other side's last change. A change the other
 * side already took (both sides agreed before) is simply newer, not a conflict.
 */
export function checkConflict({
  side,
  value,
  at,
  state,
  windowMs,
}: {
  side: Service;
  value: string;
  at: Date;
  state: FieldState | null;
  windowMs: number;
}): ConflictCheck {
  if (!state) return { kind: "clear" };
  const theirs = side === "jira" ? state.sentryValue : state.jiraValue;
  const theirAt = side === "jira" ? state.sentryChangedAt : state.jiraChangedAt;
  const ours = side === "jira" ? state.jiraValue : state.sentryValue;
  if (theirs === null || theirAt === null || normaliseValue(theirs) === normaliseValue(value)) return { kind: "clear" };
  const theyAreNewer = theirAt > at;
  const unsynced = normaliseValue(ours) !== normaliseValue(theirs);
  if (!theyAreNewer && !unsynced) return { kind: "clear" };
  if (Math.abs(theirAt.getTime() - at.getTime()) > windowMs)
    return theyAreNewer ? { kind: "stale", reason: `${other(side)} changed it later (${theirs})` } : { kind: "clear" };
  const winner: Service = theyAreNewer ? other(side) : side;
  const mine = { value, at: at.toISOString() };
  const their = { value: theirs, at: theirAt.toISOString() };
  return {
    kind: "conflict",
    winner,
    record: side === "jira" ? { jira: mine, sentry: their, winner } : { jira: their, sentry: mine, winner },
  };
}
