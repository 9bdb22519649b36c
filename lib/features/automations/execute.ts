import "server-only";
import type { ActorType } from "@/lib/db/types";
import type { Decision } from "@/lib/domain/automations";
import { type OperationName, type OperationResult, performWrite, type WriteOutcome } from "@/lib/platform/outbox";
import { ticketForSentryIssue } from "@/lib/features/tickets";

/**
 * Carries out a rule's decision through the outbox — the one durable path for
 * outbound writes — and reports whether it is done, waiting for Jira to come
 * back (the outbox keeps the write and the run is tried again), or failed.
 */
export type ExecutionOutcome =
  | { status: "done"; notes: string[] }
  | { status: "waiting"; message: string; notes: string[]; retryAt: Date | null }
  | { status: "failed"; message: string; notes: string[] };

type Context = {
  orgId: string;
  runId: string;
  triggerKey: string;
  actor: { type: ActorType; id: string; label: string };
  requestId: string;
};

type Step = { outcome: WriteOutcome; done: () => string; what: string };

/** A step whose note is made from its own operation's result, once it has succeeded. */
const step = <N extends OperationName>(
  outcome: WriteOutcome<N>,
  what: string,
  done: (result: OperationResult<N>) => string,
): Step => ({
  outcome,
  what,
  done: () => (outcome.status === "succeeded" ? done(outcome.result) : ""),
});

function combine(steps: Step[]): ExecutionOutcome {
  const notes: string[] = [];
  const waiting: string[] = [];
  const failed: string[] = [];
  let retryAt: Date | null = null;
  for (const { outcome, done, what } of steps) {
    if (outcome.status === "succeeded") notes.push(done());
    else if (outcome.status === "pending") {
      waiting.push(`${what}: waiting for Jira${outcome.error ? ` (${outcome.error})` : ""}`);
      if (outcome.retryAt && (!retryAt || outcome.retryAt < retryAt)) retryAt = outcome.retryAt;
    } else failed.push(`${what}: ${outcome.error}`);
  }
  if (failed.length > 0) return { status: "failed", message: failed.join("; "), notes: [...notes, ...waiting] };
  if (waiting.length > 0) return { status: "waiting", message: waiting.join("; "), notes, retryAt };
  return { status: "done", notes };
}

export async function executeDecision(
  decision: Exclude<Decision, { kind: "skip" }>,
  context: Context,
): Promise<ExecutionOutcome> {
  const { orgId, runId, actor, requestId } = context;
  switch (decision.kind) {
    case "create_bug": {
      if (decision.sentryIssue) {
        const outcome = await ticketForSentryIssue({
          orgId,
          issue: decision.sentryIssue,
          ticket: decision.ticket,
          projectKey: decision.ticket.projectKey,
          actor,
          requestId,
          runId,
          waitForBackoff: true,
        });
        if (outcome.status === "pending")
          return { status: "waiting", message: outcome.message, notes: [], retryAt: outcome.retryAt };
        if (outcome.status === "failed") return { status: "failed", message: outcome.message, notes: [] };
        return {
          status: "done",
          notes: [
            outcome.status === "existing"
              ? `Already ticketed as ${outcome.key}`
              : `Created ${outcome.key}${outcome.assignee ? `, assigned to ${outcome.assignee}` : ""}`,
          ],
        };
      }
      const { projectKey, summary, description, priority, labels } = decision.ticket;
      const outcome = await performWrite({
        orgId,
        operation: "jira.issue.create",
        args: { projectKey, issueType: "Bug", summary, description, priority, labels },
        orderingKey: decision.dedupeKey,
        idempotencyKey: decision.dedupeKey,
        actor,
        summary: `Created a Jira bug: ${summary}`,
        target: { type: "automation_rule", id: actor.id },
        requestId,
        runId,
        waitForBackoff: true,
      });
      return combine([step(outcome, "Create the bug", (result) => `Created ${result.key}`)]);
    }
    case "comment": {
      const outcome = await performWrite({
        orgId,
        operation: "jira.issue.comment",
        args: { issueKey: decision.issueKey, body: decision.body },
        orderingKey: `jira:${decision.issueKey}`,
        idempotencyKey: decision.dedupeKey,
        actor,
        summary: `Commented on ${decision.issueKey}`,
        target: { type: "jira_issue", id: decision.issueKey },
        requestId,
        runId,
        waitForBackoff: true,
      });
      return combine([step(outcome, `Comment on ${decision.issueKey}`, () => `Commented on ${decision.issueKey}`)]);
    }
    case "transition": {
      const steps: Step[] = [];
      for (const issueKey of decision.issueKeys) {
        // Writes to one issue keep their order: the transition, then the comment.
        const moved = await performWrite({
          orgId,
          operation: "jira.issue.transition_forward",
          args: { issueKey, targetStatus: decision.targetStatus, statusOrder: decision.statusOrder },
          orderingKey: `jira:${issueKey}`,
          idempotencyKey: `transition:${context.triggerKey}:${issueKey}:${decision.targetStatus}`,
          actor,
          summary: `Moved ${issueKey} forward to ${decision.targetStatus}`,
          target: { type: "jira_issue", id: issueKey },
          requestId,
          runId,
          waitForBackoff: true,
        });
        steps.push(step(moved, `Move ${issueKey}`, (result) => describeTransition(result, issueKey)));
        if (decision.comment) {
          const commented = await performWrite({
            orgId,
            operation: "jira.issue.comment",
            args: { issueKey, body: decision.comment.body },
            orderingKey: `jira:${issueKey}`,
            idempotencyKey: `${decision.comment.dedupeKey}:${issueKey}`,
            actor,
            summary: `Linked the merged pull request on ${issueKey}`,
            target: { type: "jira_issue", id: issueKey },
            requestId,
            runId,
            waitForBackoff: true,
          });
          steps.push(step(commented, `Comment on ${issueKey}`, () => `Linked the pull request on ${issueKey}`));
        }
      }
      return combine(steps);
    }
  }
}

function describeTransition(
  { from, to, steps, note }: { from: string; to: string; steps: string[]; note: string },
  issueKey: string,
) {
  return steps.length > 0 ? `${issueKey}: ${from} → ${steps.join(" → ")}` : `${issueKey} stays ${to} (${note})`;
}
