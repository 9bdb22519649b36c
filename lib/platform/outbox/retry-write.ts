import "server-only";
import {
  findIntentOfOrg,
  findIntentStatusOfOrg,
  reopenFailedIntent,
  withOrderingLock,
} from "@/lib/db/queries/outbox-intents";
import type { ActorType } from "@/lib/db/types";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import type { OpenedConnections } from "./operations";
import { resumeIntent, type WriteOutcome } from "./perform";

/**
 * A person's second chance for an outbound write: "Retry" puts a write that
 * failed for good back in the queue, "Resume now" tries a waiting one without
 * waiting for its backoff. Both keep the write's place in its target's order:
 * if earlier writes to the same target are unfinished, it waits for them.
 */
type Actor = { type: ActorType; id: string | null; label: string };
type Request = {
  orgId: string;
  intentId: string;
  actor: Actor;
  requestId?: string | null;
  /** Set for someone who may only act on their own writes (a member): anyone else's write is refused. */
  ownWritesOnly?: boolean;
  /** Connections the caller already opened for this org, used if the write is tried now. */
  connections?: OpenedConnections;
};

export type RetryWriteResult =
  WriteOutcome | { status: "not_found" } | { status: "not_allowed" } | { status: "wrong_state"; current: string };

type IntentSummary = { summary?: string; target?: { type: string; id: string } };

async function findOwnIntent({ orgId, intentId, actor, ownWritesOnly }: Request) {
  const intent = await findIntentOfOrg({ orgId, intentId });
  if (!intent) return { intent: null, refusal: { status: "not_found" } as const };
  if (ownWritesOnly && (intent.actorType !== "user" || intent.actorId !== actor.id))
    return { intent: null, refusal: { status: "not_allowed" } as const };
  return { intent, refusal: null };
}

type OwnIntent = NonNullable<Awaited<ReturnType<typeof findOwnIntent>>["intent"]>;

/** Audits the request against the write's target, naming the write as its summary does (or by its operation). */
async function auditRequest(
  request: Request,
  intent: OwnIntent,
  action: "outbox.write_retried" | "outbox.write_resumed",
  entry: { summary: (name: string) => string; changes?: Record<string, unknown> },
) {
  const meta = (intent.payload as { meta?: IntentSummary }).meta ?? {};
  await appendAuditEntry({
    orgId: request.orgId,
    actor: request.actor,
    action,
    target: meta.target,
    summary: entry.summary(meta.summary ?? intent.operation),
    changes: { intentId: intent.id, operation: intent.operation, attempts: intent.attempts, ...entry.changes },
    requestId: request.requestId ?? null,
  });
}

/** A failed (or dead) write goes back to pending with a fresh retry window; its tries so far are kept. Audited. */
export async function retryWrite(request: Request): Promise<RetryWriteResult> {
  const { intent, refusal } = await findOwnIntent(request);
  if (!intent) return refusal;
  const now = new Date();
  // The same lock performWrite takes per target, so the write re-enters the queue in one step with any new write there.
  const reopened = await withOrderingLock({ orgId: intent.orgId, orderingKey: intent.orderingKey }, (tx) =>
    reopenFailedIntent({ orgId: request.orgId, id: intent.id, now }, tx),
  );
  if (!reopened) {
    const current = await findIntentStatusOfOrg({ orgId: request.orgId, intentId: intent.id });
    return { status: "wrong_state", current: current ?? intent.status };
  }
  await auditRequest(request, intent, "outbox.write_retried", {
    summary: (name) => `Retried “${name}”, which had failed${intent.lastError ? `: ${intent.lastError}` : ""}`,
    changes: { previousStatus: intent.status },
  });
  return resumeIntent({ ...intent, status: "pending", nextAttemptAt: now }, { opened: request.connections });
}

/** A waiting write is tried now rather than at its next backoff, unless earlier writes to its target come first. Audited. */
export async function resumeWrite(request: Request): Promise<RetryWriteResult> {
  const { intent, refusal } = await findOwnIntent(request);
  if (!intent) return refusal;
  if (intent.status !== "pending") return { status: "wrong_state", current: intent.status };
  await auditRequest(request, intent, "outbox.write_resumed", {
    summary: (name) => `Asked for “${name}” to be tried now instead of at its next retry`,
  });
  return resumeIntent(intent);
}
