import "server-only";
import { findSyncActivityForEvent, recordSyncActivity } from "@/lib/db/queries/sync-activity";
import { recordCommentMirror } from "@/lib/db/queries/sync-comment-mirrors";
import { recordSyncEcho, consumeSyncEcho } from "@/lib/db/queries/sync-echoes";
import { saveSyncFieldState } from "@/lib/db/queries/sync-field-states";
import type { JsonInput } from "@/lib/db/types";
import { ECHO_TTL_MS, type SyncDecision, type SyncOutcome, type SyncResult, type SyncWrite } from "@/lib/domain/sync";
import { performSyncWrite } from "./write";

/**
 * Carries out one event's sync decisions and records each in the run log, once: decisions whose
 * source key (`<event>:<field>`) is already recorded belong to a redelivery and are left alone. Before
 * a write, its echo is recorded, so the webhook it causes is recognised; after it, the pair's field
 * state says both sides hold the value.
 */
export type ApplyContext = {
  orgId: string;
  /** The linked pair, or what is known of it (a commit may name a Sentry issue no ticket is linked to). */
  pair: { linkId: string | null; jiraIssueKey: string | null; sentryIssueId: string | null };
  eventKey: string;
  occurredAt: Date;
  requestId: string | null;
  /** A Sentry comment copied to Jira is remembered so it is never copied twice. */
  mirroredComment?: { originCommentId: string };
};

function resultOf(
  decision: SyncDecision,
  outcome: SyncOutcome,
  detail: string | null,
  intentId: string | null,
): SyncResult {
  return {
    direction: decision.direction,
    field: decision.field,
    outcome,
    summary: detail ?? decision.trigger,
    intentId,
  };
}

/**
 * Makes a decision's write and says what it came to. When nothing changed (it failed, or the target
 * already had it) no webhook will answer the echo, so it is dropped: a person making that change soon
 * after must still be synced.
 */
async function carryOut(
  decision: SyncDecision,
  write: SyncWrite,
  sourceKey: string,
  context: ApplyContext,
): Promise<{ outcome: SyncOutcome; detail: string | null; intentId: string }> {
  const { orgId, pair } = context;
  const echo = decision.echo
    ? await recordSyncEcho({ orgId, ...decision.echo, expiresAt: new Date(Date.now() + ECHO_TTL_MS) })
    : null;
  const written = await performSyncWrite(write, {
    orgId,
    sourceKey,
    requestId: context.requestId,
    summary: `${decision.detail ?? decision.trigger} (sync: ${decision.trigger})`,
  });
  const unanswered = written.status === "failed" || (written.status === "done" && written.unchanged);
  if (echo && unanswered) await consumeSyncEcho({ orgId, id: echo.id });
  if (written.status === "done" && context.mirroredComment && pair.linkId && decision.field === "comment")
    await recordCommentMirror({
      orgId,
      linkId: pair.linkId,
      origin: "sentry",
      originCommentId: context.mirroredComment.originCommentId,
      mirroredCommentId: written.commentId,
    });
  const { intentId } = written;
  if (written.status === "failed")
    return { outcome: "failed", detail: `${decision.detail ?? ""}: ${written.note}`, intentId };
  if (written.status === "waiting")
    return { outcome: decision.outcome, detail: `${decision.detail ?? ""} — ${written.note}`, intentId };
  if (written.unchanged && decision.outcome === "applied")
    return { outcome: "skipped", detail: `Nothing to change: ${written.note}`, intentId };
  return { outcome: decision.outcome, detail: decision.detail, intentId };
}

export async function applyDecisions(decisions: SyncDecision[], context: ApplyContext): Promise<SyncResult[]> {
  const { orgId, pair, eventKey } = context;
  const recorded = new Set((await findSyncActivityForEvent({ orgId, eventKey })).map((row) => row.sourceKey));
  const results: SyncResult[] = [];
  for (const decision of decisions) {
    const sourceKey = `${eventKey}:${decision.field}`;
    if (recorded.has(sourceKey)) continue;
    for (const id of [decision.matchedEchoId, ...decision.staleEchoIds]) if (id) await consumeSyncEcho({ orgId, id });
    const { outcome, detail, intentId } = decision.write
      ? await carryOut(decision, decision.write, sourceKey, context)
      : { outcome: decision.outcome, detail: decision.detail, intentId: null };
    if (decision.observed && pair.linkId && outcome !== "failed")
      await saveSyncFieldState({ orgId, linkId: pair.linkId, field: decision.field, ...decision.observed });
    await recordSyncActivity({
      orgId,
      linkId: pair.linkId,
      jiraIssueKey: pair.jiraIssueKey,
      sentryIssueId: pair.sentryIssueId,
      direction: decision.direction,
      field: decision.field,
      trigger: decision.trigger,
      outcome,
      detail,
      intentId,
      conflict: (decision.conflict as JsonInput | null) ?? null,
      occurredAt: context.occurredAt,
      sourceKey,
    });
    results.push(resultOf(decision, outcome, detail, intentId));
  }
  return results;
}
