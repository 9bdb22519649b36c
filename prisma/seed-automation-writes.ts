import type { BugTicket, Decision, SentryIssueFacts } from "../lib/domain/automations";
import type { JiraIssueRef } from "./seed-automation-facts";
import type { SeedWrite } from "./seed-automation-recorder";

/**
 * The outbound writes of the demo history's runs, as lib/features/tickets and lib/features/automations make
 * them: the same operations, idempotency and ordering keys, arguments and results.
 */

export const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

/** The arguments of the `jira.issue.create` that files a decided bug, as lib/features/automations sends them. */
export const bugCreateArgs = (ticket: BugTicket) => ({
  projectKey: ticket.projectKey,
  issueType: "Bug",
  summary: ticket.summary,
  description: ticket.description,
  priority: ticket.priority,
  labels: ticket.labels,
});

/** Filing a bug for a Sentry issue: the create, then (once it exists) the link back to Sentry. */
export const fileBug =
  (
    issue: SentryIssueFacts,
    /** The bug Jira holds for it, or null when Jira refused the create (it then names the unassignable owner). */
    bug: JiraIssueRef | null,
    write: Pick<SeedWrite, "status" | "attempts" | "lastError">,
    { at, doneAt, unassignableAccountId }: { at: Date; doneAt: Date; unassignableAccountId: string },
  ) =>
  (decision: Decision): SeedWrite[] => {
    // A rule an admin has since changed may decide otherwise; its run then records no write.
    if (decision.kind !== "create_bug") return [];
    const target = { type: "sentry_issue", id: issue.id };
    const create: SeedWrite = {
      service: "jira",
      operation: "jira.issue.create",
      orderingKey: `sentry-issue:${issue.id}`,
      idempotencyKey: `sentry-ticket:${issue.id}`,
      payload: {
        args: { ...bugCreateArgs(decision.ticket), assigneeAccountId: bug ? null : unassignableAccountId },
        meta: { summary: `Created a Jira bug for Sentry issue ${issue.shortId}`, actorLabel: "", target },
      },
      ...write,
      nextAttemptAt: doneAt,
      result: bug ? { id: bug.id, key: bug.key } : null,
      createdAt: at,
      completedAt: doneAt,
    };
    if (!bug) return [create];
    const link: SeedWrite = {
      service: "jira",
      operation: "jira.issue.remote_link",
      orderingKey: `sentry-issue:${issue.id}`,
      idempotencyKey: `sentry-ticket:${issue.id}:remote-link`,
      payload: {
        args: {
          issueKey: bug.key,
          url: issue.permalink,
          title: `Sentry ${issue.shortId}: ${issue.title}`.slice(0, 255),
          globalId: `sentry-issue-${issue.id}`,
        },
        meta: { summary: `Linked ${bug.key} to Sentry issue ${issue.shortId}`, actorLabel: "", target },
      },
      status: "succeeded",
      attempts: 1,
      lastError: null,
      nextAttemptAt: doneAt,
      result: { issueKey: bug.key, globalId: `sentry-issue-${issue.id}` },
      createdAt: doneAt,
      completedAt: minutesAfter(doneAt, 0.02),
    };
    return [create, link];
  };

/** Moving a story forward, as the branch and pull request rules do; a merge also links the pull request. */
export const moveStory =
  (issue: JiraIssueRef, from: string, triggerKey: string, at: Date, comment = false) =>
  (decision: Decision): SeedWrite[] => {
    if (decision.kind !== "transition") return [];
    const target = { type: "jira_issue", id: issue.key };
    const done = minutesAfter(at, 0.03);
    const writes: SeedWrite[] = [
      {
        service: "jira",
        operation: "jira.issue.transition_forward",
        orderingKey: `jira:${issue.key}`,
        idempotencyKey: `transition:${triggerKey}:${issue.key}:${decision.targetStatus}`,
        payload: {
          args: { issueKey: issue.key, targetStatus: decision.targetStatus, statusOrder: decision.statusOrder },
          meta: { summary: `Moved ${issue.key} forward to ${decision.targetStatus}`, actorLabel: "", target },
        },
        status: "succeeded",
        attempts: 1,
        lastError: null,
        nextAttemptAt: done,
        result: {
          issueKey: issue.key,
          from,
          to: decision.targetStatus,
          steps: [decision.targetStatus],
          note: "moved",
        },
        createdAt: at,
        completedAt: done,
      },
    ];
    if (comment && decision.comment)
      writes.push({
        service: "jira",
        operation: "jira.issue.comment",
        orderingKey: `jira:${issue.key}`,
        idempotencyKey: `${decision.comment.dedupeKey}:${issue.key}`,
        payload: {
          args: { issueKey: issue.key, body: decision.comment.body },
          meta: { summary: `Linked the merged pull request on ${issue.key}`, actorLabel: "", target },
        },
        status: "succeeded",
        attempts: 1,
        lastError: null,
        nextAttemptAt: done,
        result: { issueKey: issue.key, commentId: `${10_500 + issue.key.length}` },
        createdAt: done,
        completedAt: minutesAfter(done, 0.02),
      });
    return writes;
  };
