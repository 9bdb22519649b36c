import "server-only";
import {
  countUnfinishedWrites,
  findIntentForSupersede,
  getIntentByKey,
  insertIntentIfAbsent,
  linkSupersededIntent,
  markIntentSuperseded,
  withOrderingLock,
} from "@/lib/db/queries/outbox-intents";
import {
  claimPendingIntent,
  completeIntent,
  failIntent,
  getIntentById,
  rescheduleIntent,
} from "@/lib/db/system/outbox";
import type { ActorType, JsonInput, Tx } from "@/lib/db/types";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { buildAuditDiff } from "@/lib/domain/audit/diff";
import { logger } from "@/lib/platform/observability/logger";
import {
  OPERATIONS,
  type OpenedConnections,
  type OperationArgs,
  type OperationName,
  type OperationResult,
} from "./operations";
import { decideRetry, describeFailure, retryWindowOpenedAt } from "./retry-policy";
import { getOutboxRetryHours } from "./retry-settings";
import { sameArgs } from "./same-args";
import { ResultMismatchError, readResult } from "./typed-result";

/**
 * The one path for outbound writes to Jira, Sentry and WorkOS. The intent is
 * recorded first (so a crash or outage loses nothing), then carried out; a
 * transient failure leaves it pending for the outbox worker, which retries it
 * with capped, jittered backoff until it is the org's retry window old (24 h by
 * default), in order per `orderingKey`. The same idempotency key never
 * writes twice. Each write gets one audit entry, when it succeeds or finally fails.
 * A write that failed for good is not the key's last word: a new request under
 * the key with different arguments (corrected input) supersedes it, and a
 * person can retry it (retry-write.ts).
 */
export type WriteRequest<N extends OperationName> = {
  orgId: string;
  operation: N;
  args: OperationArgs<N>;
  /** Writes with the same key (e.g. one Jira issue) apply in the order they were recorded. */
  orderingKey: string;
  /** Same key, same write: a repeated request returns the first outcome. */
  idempotencyKey: string;
  actor: { type: ActorType; id?: string | null; label: string };
  summary: string;
  target?: { type: string; id: string };
  /** What the fields sent held before, where Bosun already knows it (shaped like `args`), for the audit log's diff. */
  before?: Record<string, unknown>;
  requestId?: string | null;
  /** The automation run this write belongs to, for the run log. */
  runId?: string | null;
  /**
   * A background caller (an automation) repeating a write that is waiting for
   * its retry leaves it to its backoff — a rate limit's Retry-After included —
   * instead of trying again at once as a person clicking "Resume" would.
   */
  waitForBackoff?: boolean;
  /** Connections the caller already opened for this org, used if the write is carried out now. */
  connections?: OpenedConnections;
};

/** Typed by the operation asked for; without one, the result is any operation's. */
export type WriteOutcome<N extends OperationName = OperationName> =
  | { status: "succeeded"; intentId: string; result: OperationResult<N> }
  | { status: "pending"; intentId: string; error: string | null; retryAt: Date | null }
  | { status: "failed"; intentId: string; error: string };

/** How long a claimed write may run before the worker assumes its process died and retries it. */
export const LEASE_MS = 5 * 60_000;
export const leaseExpiry = (now: Date = new Date()) => new Date(now.getTime() + LEASE_MS);

/** The clock and the jitter's dice; tests pass their own to step through an outage without waiting. */
export type RetryClock = { now?: () => Date; random?: () => number };

type IntentMeta = {
  summary: string;
  actorLabel: string;
  target?: { type: string; id: string };
  before?: Record<string, unknown>;
};
type StoredPayload = { args: unknown; meta: IntentMeta };

export async function performWrite<N extends OperationName>(request: WriteRequest<N>): Promise<WriteOutcome<N>> {
  const spec = OPERATIONS[request.operation];
  const args = spec.args.parse(request.args);
  const payload: StoredPayload = {
    args,
    meta: { summary: request.summary, actorLabel: request.actor.label, target: request.target, before: request.before },
  };
  // Insert-if-absent, then read: unlike Prisma's upsert this cannot fail when two callers race on one key.
  const key = { orgId: request.orgId, idempotencyKey: request.idempotencyKey };
  // A new write with nothing before it on its target is inserted already claimed, so the worker never
  // races this caller for it; behind earlier writes it waits its turn as pending. The advisory lock makes
  // "is anything ahead?" and the insert one step for concurrent writes to the same target.
  const { ahead, inserted, superseded } = await withOrderingLock(
    { orgId: request.orgId, orderingKey: request.orderingKey },
    async (tx) => {
      // Under the lock, so of two requests racing to correct one failed write only the first replaces it.
      const superseded = await supersedeFailed(tx, {
        orgId: request.orgId,
        idempotencyKey: request.idempotencyKey,
        args,
      });
      const ahead = await countUnfinishedWrites({ orgId: request.orgId, orderingKey: request.orderingKey }, tx);
      const inserted = await insertIntentIfAbsent(
        {
          orgId: request.orgId,
          service: spec.service,
          operation: request.operation,
          orderingKey: request.orderingKey,
          idempotencyKey: request.idempotencyKey,
          payload,
          actorType: request.actor.type,
          actorId: request.actor.id ?? null,
          requestId: request.requestId ?? null,
          runId: request.runId ?? null,
          claimedUntil: ahead === 0 ? leaseExpiry() : null,
        },
        tx,
      );
      if (superseded) await linkSupersededIntent({ ...key, supersededId: superseded.id }, tx);
      return { ahead, inserted, superseded };
    },
  );
  const intent = await getIntentByKey(key);
  if (superseded)
    await auditSuperseded(request, {
      supersededId: superseded.id,
      lastError: superseded.lastError,
      previousArgs: superseded.args,
      args,
      intentId: intent.id,
    });
  if (inserted && ahead === 0) return outcomeOf(request.operation, await execute(intent.id, {}, request.connections));
  if (intent.status === "succeeded")
    return { status: "succeeded", intentId: intent.id, result: readResult(request.operation, intent.result) };
  if (intent.status === "failed" || intent.status === "dead")
    return { status: "failed", intentId: intent.id, error: intent.lastError ?? "failed" };
  return outcomeOf(
    request.operation,
    await resumeIntent(intent, { waitForBackoff: request.waitForBackoff, opened: request.connections }),
  );
}

/**
 * Tries a pending write now unless earlier writes to its target are still
 * unfinished (they go first; the worker applies this one after them) or, for
 * `waitForBackoff`, its next try is not due yet. Used by performWrite and by a
 * person's "Resume now" or "Retry".
 */
export async function resumeIntent(
  intent: {
    id: string;
    orgId: string;
    orderingKey: string;
    createdAt: Date;
    status: string;
    lastError: string | null;
    nextAttemptAt: Date;
  },
  { waitForBackoff = false, opened = {} }: { waitForBackoff?: boolean; opened?: OpenedConnections } = {},
): Promise<WriteOutcome> {
  const earlier = await countUnfinishedWrites({
    orgId: intent.orgId,
    orderingKey: intent.orderingKey,
    createdBefore: intent.createdAt,
  });
  if (earlier > 0) return { status: "pending", intentId: intent.id, error: null, retryAt: null };

  const claimed = await claimPendingIntent({
    id: intent.id,
    dueBy: waitForBackoff ? new Date() : undefined,
    leaseUntil: leaseExpiry(),
  });
  if (!claimed)
    return {
      status: "pending",
      intentId: intent.id,
      error: intent.lastError,
      retryAt: intent.status === "pending" ? intent.nextAttemptAt : null,
    };
  return execute(intent.id, {}, opened);
}

/**
 * A failed write whose key is asked for again with different arguments is
 * replaced: it becomes `superseded` and its key moves aside so the new request
 * can take it. The same arguments would fail the same way, so they get the
 * failure back instead.
 */
async function supersedeFailed(
  tx: Tx,
  { orgId, idempotencyKey, args }: { orgId: string; idempotencyKey: string; args: unknown },
) {
  const existing = await findIntentForSupersede({ orgId, idempotencyKey }, tx);
  if (!existing || (existing.status !== "failed" && existing.status !== "dead")) return null;
  const previousArgs = (existing.payload as StoredPayload).args;
  if (sameArgs(previousArgs, args)) return null;
  const moved = await markIntentSuperseded({ id: existing.id, idempotencyKey }, tx);
  return moved ? { id: existing.id, lastError: existing.lastError, args: previousArgs } : null;
}

/** One audit entry for the replacement, naming each field that differs from the failed write. */
async function auditSuperseded<N extends OperationName>(
  request: WriteRequest<N>,
  {
    supersededId,
    lastError,
    previousArgs,
    args,
    intentId,
  }: { supersededId: string; lastError: string | null; previousArgs: unknown; args: unknown; intentId: string },
) {
  const changed = buildAuditDiff(args, previousArgs).filter(
    (entry) => !("before" in entry) || entry.before !== entry.after,
  );
  await appendAuditEntry({
    orgId: request.orgId,
    actor: request.actor,
    action: "outbox.write_superseded",
    target: request.target,
    summary: `Resent “${request.summary}” with corrected input, replacing a write that failed${lastError ? `: ${lastError}` : ""}`,
    changes: { supersededIntentId: supersededId, intentId, diff: changed } as JsonInput,
    requestId: request.requestId ?? null,
  });
}

/** An outcome of an intent known to be of `operation`, its result checked against that operation's schema. */
export function outcomeOf<N extends OperationName>(operation: N, outcome: WriteOutcome): WriteOutcome<N> {
  return outcome.status === "succeeded" ? { ...outcome, result: readResult(operation, outcome.result) } : outcome;
}

/** Carries out a claimed (in_flight) intent and records the outcome. Used by performWrite and the worker. */
export async function execute(
  intentId: string,
  { now = () => new Date(), random = Math.random }: RetryClock = {},
  opened: OpenedConnections = {},
): Promise<WriteOutcome> {
  const intent = await getIntentById(intentId);
  const { args, meta } = intent.payload as StoredPayload;
  const spec = OPERATIONS[intent.operation as OperationName];
  let result: OperationResult<OperationName>;
  try {
    if (!spec) throw new Error(`Unknown outbound operation ${intent.operation}`);
    const answered = spec.result.safeParse(
      await spec.run(args as never, {
        orgId: intent.orgId,
        requestId: intent.requestId,
        attempt: intent.attempts,
        idempotencyKey: intent.idempotencyKey,
        opened,
      }),
    );
    if (!answered.success) throw new ResultMismatchError(intent.operation, answered.error);
    result = answered.data;
  } catch (error) {
    const failure = describeFailure(error);
    const message = failure.status ? `${failure.status}: ${failure.message}` : failure.message;
    const at = now();
    const decision = spec
      ? decideRetry({
          failure,
          message,
          attempts: intent.attempts,
          recordedAt: retryWindowOpenedAt(intent),
          now: at,
          retryHours: await getOutboxRetryHours({ orgId: intent.orgId }),
          random,
        })
      : { retry: false as const, reason: message };
    if (decision.retry) await rescheduleIntent({ id: intent.id, lastError: message, nextAttemptAt: decision.retryAt });
    else await failIntent({ id: intent.id, lastError: decision.reason, completedAt: at });
    logger.warn(
      {
        intentId: intent.id,
        operation: intent.operation,
        requestId: intent.requestId,
        retry: decision.retry,
        error: message,
      },
      "outbound write failed",
    );
    if (decision.retry) return { status: "pending", intentId: intent.id, error: message, retryAt: decision.retryAt };
    await audit(intent, args, meta, "failure", decision.reason);
    return { status: "failed", intentId: intent.id, error: decision.reason };
  }
  // The write is done upstream: Bosun's own copy follows in the same transaction as the intent's outcome.
  const applied = await completeIntent({ id: intent.id, result, completedAt: now }, (tx) =>
    spec.onSucceeded
      ? spec.onSucceeded(args as never, { orgId: intent.orgId, intentId: intent.id, recordedAt: intent.createdAt, tx })
      : Promise.resolve(null),
  );
  await audit(intent, args, meta, "success");
  if (applied)
    await appendAuditEntry({
      orgId: intent.orgId,
      actor: { type: intent.actorType, id: intent.actorId, label: meta.actorLabel },
      target: meta.target,
      requestId: intent.requestId,
      ...applied,
    });
  return { status: "succeeded", intentId: intent.id, result };
}

async function audit(
  intent: {
    orgId: string;
    operation: string;
    actorType: ActorType;
    actorId: string | null;
    requestId: string | null;
    attempts: number;
  },
  args: unknown,
  meta: IntentMeta,
  result: "success" | "failure",
  error?: string,
) {
  await appendAuditEntry({
    orgId: intent.orgId,
    actor: { type: intent.actorType, id: intent.actorId, label: meta.actorLabel },
    action: intent.operation,
    target: meta.target,
    summary: error ? `${meta.summary} — failed: ${error}` : meta.summary,
    changes: { attempts: intent.attempts, diff: buildAuditDiff(args, meta.before) },
    result,
    requestId: intent.requestId,
  });
}
