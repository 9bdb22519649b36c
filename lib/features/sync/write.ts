import "server-only";
import { adfDoc, adfParagraph, adfText } from "@/lib/domain/adf";
import type { SyncWrite } from "@/lib/domain/sync";
import { type OperationName, type OperationResult, performWrite, type WriteOutcome } from "@/lib/platform/outbox";

/**
 * A sync decision's write, made through the outbox under a key derived from the event and field, so
 * the same event never writes twice. Reports whether the target actually changed: a ticket already
 * done, or a comment already there, is "unchanged".
 */
export type SyncWriteOutcome =
  | { status: "done"; intentId: string; unchanged: boolean; note: string; commentId: string | null }
  | { status: "waiting"; intentId: string; note: string }
  | { status: "failed"; intentId: string; note: string };

const ACTOR = { type: "system" as const, id: null, label: "Jira–Sentry sync" };

type Common = { orgId: string; sourceKey: string; requestId: string | null };

type Done = Omit<Extract<SyncWriteOutcome, { status: "done" }>, "status" | "intentId">;
const CHANGED: Done = { unchanged: false, note: "", commentId: null };

/** The outbox's outcome in the sync's words; `done` reads the operation's own (typed) result. */
function settle<N extends OperationName>(
  outcome: WriteOutcome<N>,
  done: (result: OperationResult<N>) => Done = () => CHANGED,
): SyncWriteOutcome {
  if (outcome.status === "succeeded") return { status: "done", intentId: outcome.intentId, ...done(outcome.result) };
  if (outcome.status === "pending")
    return {
      status: "waiting",
      intentId: outcome.intentId,
      note: `waiting for the service${outcome.error ? ` (${outcome.error})` : ""}`,
    };
  return { status: "failed", intentId: outcome.intentId, note: outcome.error };
}

const common = ({ orgId, sourceKey, requestId }: Common) => ({
  orgId,
  idempotencyKey: `sync:${sourceKey}`,
  actor: ACTOR,
  requestId,
  waitForBackoff: true,
});

export async function performSyncWrite(
  write: SyncWrite,
  context: Common & { summary: string },
): Promise<SyncWriteOutcome> {
  const base = { ...common(context), summary: context.summary };
  switch (write.kind) {
    case "sentry.status":
    case "sentry.assign": {
      const update =
        write.kind === "sentry.assign"
          ? { assignedTo: write.email }
          : write.status === "resolved"
            ? {
                status: "resolved" as const,
                ...(write.inNextRelease ? { statusDetails: { inNextRelease: true } } : {}),
              }
            : { status: "unresolved" as const };
      const outcome = await performWrite({
        ...base,
        operation: "sentry.issues.update",
        args: { issueIds: [write.issueId], update },
        orderingKey: `sentry:${write.issueId}`,
        target: { type: "sentry_issue", id: write.issueId },
      });
      return settle(outcome);
    }
    case "jira.forward":
    case "jira.back": {
      const outcome = await performWrite({
        ...base,
        operation: write.kind === "jira.forward" ? "jira.issue.transition_forward" : "jira.issue.transition_back",
        args: { issueKey: write.issueKey, targetStatus: write.target, statusOrder: write.order },
        orderingKey: `jira:${write.issueKey}`,
        target: { type: "jira_issue", id: write.issueKey },
      });
      return settle(outcome, ({ steps, to, note }) => {
        return {
          unchanged: steps.length === 0,
          note: steps.length === 0 ? `${write.issueKey} stays ${to} (${note})` : "",
          commentId: null,
        };
      });
    }
    case "jira.comment": {
      const outcome = await performWrite({
        ...base,
        operation: "jira.issue.comment",
        args: { issueKey: write.issueKey, body: adfDoc(adfParagraph(adfText(write.text))) },
        orderingKey: `jira:${write.issueKey}`,
        target: { type: "jira_issue", id: write.issueKey },
      });
      return settle(outcome, ({ existing, commentId }) => {
        return { unchanged: existing, note: existing ? "the same comment is already there" : "", commentId };
      });
    }
    case "jira.assign": {
      const outcome = await performWrite({
        ...base,
        operation: "jira.issue.assign",
        args: { issueKey: write.issueKey, accountId: write.accountId },
        orderingKey: `jira:${write.issueKey}`,
        target: { type: "jira_issue", id: write.issueKey },
      });
      return settle(outcome);
    }
  }
}
