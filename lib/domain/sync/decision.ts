import type { SyncDirection } from "./outcomes";
import { checkConflict, findEcho } from "./guards";
import type { Echo, EchoInput, FieldState, Service, SyncDecision, SyncWrite } from "./types";

/**
 * The steps every field's sync takes, in order: Bosun's own echo is used up and ignored; a stale or
 * conflicting change is settled by time (the later wins); a target already holding the value is left
 * alone; otherwise the write is made and its echo expected.
 */
export type FieldChange = {
  direction: SyncDirection;
  field: string;
  trigger: string;
  /** The side the event came from, its object and the value it now holds there. */
  side: Service;
  incoming: EchoInput;
  /** The value as the pair's field state keeps it (the same vocabulary on both sides). */
  value: string;
  at: Date;
  state: FieldState | null;
  echoes: readonly Echo[];
  now: Date;
  windowMs: number;
  /** The write that carries the change over, and the echo it will cause on the other side. */
  write: SyncWrite;
  echo: EchoInput;
  /** What the run log says when the change is carried over. */
  applied: string;
};

/** Unexpired echoes on the same object and field as `incoming`, other than `except`. */
export function echoesOfField(echoes: readonly Echo[], incoming: EchoInput, now: Date, except: string | null = null) {
  return echoes
    .filter(
      (echo) =>
        echo.expiresAt > now &&
        echo.id !== except &&
        echo.service === incoming.service &&
        echo.objectId === incoming.objectId &&
        echo.field === incoming.field,
    )
    .map((echo) => echo.id);
}

const base = (change: FieldChange) => ({
  direction: change.direction,
  field: change.field,
  trigger: change.trigger,
  write: null,
  echo: null,
  matchedEchoId: null,
  // Only a genuine change outdates the echoes still waiting on its field; an echo leaves the others be.
  staleEchoIds: echoesOfField(change.echoes, change.incoming, change.now),
  conflict: null,
});

export function decideFieldChange(change: FieldChange): SyncDecision {
  const { side, value, at, state } = change;
  const echo = findEcho(change.echoes, change.incoming, change.now);
  if (echo)
    return {
      ...base(change),
      staleEchoIds: [],
      outcome: "echo",
      detail: "Bosun made this change itself; nothing to sync back",
      matchedEchoId: echo.id,
      observed: { side, value, at, propagated: true },
    };
  const check = checkConflict({ side, value, at, state, windowMs: change.windowMs });
  if (check.kind === "stale")
    return {
      ...base(change),
      outcome: "skipped",
      detail: `Older than the other side's change: ${check.reason}`,
      observed: null,
    };
  if (check.kind === "conflict" && check.winner !== side)
    return {
      ...base(change),
      outcome: "conflict",
      detail: `Both sides changed ${change.field}; the later change (${check.winner}) wins and stays`,
      conflict: check.record,
      observed: { side, value, at, propagated: false },
    };
  const theirs = side === "jira" ? state?.sentryValue : state?.jiraValue;
  if (check.kind === "clear" && theirs != null && theirs.toLowerCase() === value.toLowerCase())
    return {
      ...base(change),
      outcome: "skipped",
      detail: `The ${side === "jira" ? "Sentry issue" : "Jira issue"} already has it`,
      observed: { side, value, at, propagated: true },
    };
  return {
    ...base(change),
    outcome: check.kind === "conflict" ? "conflict" : "applied",
    detail:
      check.kind === "conflict"
        ? `Both sides changed ${change.field}; this later change wins: ${change.applied}`
        : change.applied,
    write: change.write,
    echo: change.echo,
    conflict: check.kind === "conflict" ? check.record : null,
    observed: { side, value, at, propagated: true },
  };
}

/** A decision that writes nothing: a note for the run log (an unmatched person, an unsupported write). */
export function noteOnly(
  fields: Pick<SyncDecision, "direction" | "field" | "trigger" | "outcome" | "detail">,
): SyncDecision {
  return { ...fields, write: null, echo: null, matchedEchoId: null, staleEchoIds: [], observed: null, conflict: null };
}

/** A write that needs no conflict check (comments: each is its own, nothing to collide with). */
export function plainWrite(
  fields: Pick<SyncDecision, "direction" | "field" | "trigger" | "detail">,
  write: SyncWrite,
  echo: EchoInput | null,
): SyncDecision {
  return {
    ...fields,
    outcome: "applied",
    write,
    echo,
    matchedEchoId: null,
    staleEchoIds: [],
    observed: null,
    conflict: null,
  };
}
