import "server-only";
import { findSyncActivityForEvent, recordSyncActivity } from "@/lib/db/queries/sync-activity";
import { recordCommentMirror } from "@/lib/db/queries/sync-comment-mirrors";
import { recordSyncEcho, consumeSyncEcho } from "@/lib/db/queries/sync-echoes";
import { saveSyncFieldState } from "@/lib/db/queries/sync-field-states";
import type { JsonInput } from "@/lib/db/types";
import { ECHO_TTL_MS, type SyncDecision, type SyncOutcome, type SyncResult } from "@/lib/domain/sync";
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

export async function applyDecisions(decisions: SyncDecision[], context: ApplyContext): Promise<SyncResult[]> {
  const { orgId, pair, eventKey } = context;
  const recorded = new Set((await findSyncActivityForEvent({ orgId, eventKey })).map((row) => row.sourceKey));
  const results: SyncResult[] = [];
  for (const decision of decisions) {
    const sourceKey = `${eventKey}:${decision.field}`;
    if (recorded.has(sourceKey)) continue;
    if (decision.matchedEchoId) await consumeSyncEcho({ orgId, id: decision.matchedEchoId });
    let outcome = decision.outcome;
    let detail = decision.detail;
    let intentId: string | null = null;
    if (decision.write) {
      if (decision.echo)
        await recordSyncEcho({ orgId, ...decision.echo, expiresAt: new Date(Date.now() + ECHO_TTL_MS) });
      const written = await performSyncWrite(decision.write, {
        orgId,
        sourceKey,
        requestId: context.requestId,
        summary: `${decision.detail ?? decision.trigger} (sync: ${decision.trigger})`,
      });
      intentId = written.intentId;
      if (written.status === "failed") {
        outcome = "failed";
        detail = `${detail ?? ""}: ${written.note}`;
      } else if (written.status === "waiting") detail = `${detail ?? ""} — ${written.note}`;
      else if (written.unchanged && outcome === "applied") {
        outcome = "skipped";
        detail = `Nothing to change: ${written.note}`;
      }
      if (written.status === "done" && context.mirroredComment && pair.linkId && decision.field === "comment")
        await recordCommentMirror({
          orgId,
          linkId: pair.linkId,
          origin: "sentry",
          originCommentId: context.mirroredComment.originCommentId,
          mirroredCommentId: written.commentId,
        });
    }
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
