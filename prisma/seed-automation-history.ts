import type { SentryIssueFacts } from "../lib/domain/automations";
import type { OrgSlug } from "../emulators/seed/world";
import type { AutomationFacts, JiraIssueRef } from "./seed-automation-facts";
import {
  branchDelivery,
  issueAlertDelivery,
  jiraIssueUpdatedDelivery,
  metricAlertDelivery,
  pingDelivery,
  pullRequestDelivery,
  sentryIssueDelivery,
} from "./seed-automation-payloads";
import { createHistoryRecorder, type SeedRule } from "./seed-automation-recorder";
import { bugCreateArgs, fileBug, minutesAfter, moveStory } from "./seed-automation-writes";
import type { HistoryRows } from "./seed-automation-rows";

/**
 * The demo's last week of automations, newest last: Sentry errors filed as Jira bugs (one at once, one on its
 * third attempt after a Jira timeout, one Jira refused), an alert skipped because its issue was already
 * ticketed, branches and pull requests moving stories along, Jira's own webhooks for the sync, and a metric
 * alert whose job ran out of attempts during a Jira outage (the dead letter). Times count back from `now`.
 */

export type HistoryInput = {
  orgId: string;
  org: OrgSlug;
  now: Date;
  facts: AutomationFacts;
  rules: SeedRule[];
  urls: { jiraSite: string; sentry: string; sentryOrg: string; repo: string };
  admin: { userId: string; name: string; jiraAccountId: string };
  /** The owner Sentry's rules suggest for the issue Jira refused: someone Jira will not assign issues to. */
  unassignableAccountId: string;
};

export function buildAutomationHistory(input: HistoryInput): HistoryRows {
  const { orgId, org, now, facts, urls, admin, unassignableAccountId } = input;
  const record = createHistoryRecorder({ orgId, org, now, rules: input.rules });
  const { jira, sentry } = facts;
  const adminActor = { accountId: admin.jiraAccountId, displayName: admin.name };

  const moved = (issue: JiraIssueRef, from: string, to: string) => `${issue.key}: ${from} → ${to}`;
  const linkTicket = (issue: SentryIssueFacts, bug: JiraIssueRef, createdAt: Date) =>
    record.rows.ticketLinks.push({
      id: `seed_${org}_ticket_${issue.id}`,
      orgId,
      jiraIssueKey: bug.key,
      jiraIssueId: bug.id,
      sentryIssueId: issue.id,
      sentryShortId: issue.shortId,
      createdVia: "automation",
      createdAt,
    });

  // A week ago GitHub's hook was added; nothing reacts to its ping.
  record.delivery(pingDelivery(urls.repo), 150);

  // The bug filed for the "duplicate" issue five days ago was finished; Jira told Bosun (the sync's input).
  linkTicket(sentry.duplicate, jira.duplicateBug, record.hoursAgo(120));
  const finished = jiraIssueUpdatedDelivery(
    urls.jiraSite,
    jira.duplicateBug,
    { from: ["3", "In Progress"], to: ["10002", "Done"], category: "done" },
    { identifier: `${org}-seed-0001`, at: record.hoursAgo(98), actor: adminActor },
  );
  record.delivery(finished, 98);

  // A merged pull request finished a story and linked itself on it.
  const merge = pullRequestDelivery(urls.repo, jira.merged, { number: 212, merged: true });
  const mergeRow = record.delivery(merge, 50);
  record.run("git_pull_request_to_jira", mergeRow, merge.event, {
    writes: moveStory(jira.merged, "In Review", `delivery:${mergeRow.id}`, mergeRow.receivedAt, true),
    notes: [moved(jira.merged, "In Review", "Done"), `Linked the pull request on ${jira.merged.key}`],
  });

  // During a Jira outage a metric alert could not be filed; its job ran out of attempts: the dead letter.
  const alert = metricAlertDelivery(org, {
    project: sentry.project,
    sentryBaseUrl: urls.sentry,
    sentryOrg: urls.sentryOrg,
    at: record.hoursAgo(46),
  });
  const outage = "Jira answered 503";
  const metricRuleId = input.rules.find((r) => r.kind === "sentry_metric_alert_to_jira")?.id ?? "";
  const alertRow = record.delivery(alert, 46, { status: "failed", error: `Create the bug: ${outage}` });
  const deadAt = minutesAfter(alertRow.receivedAt, 16 * 60);
  record.run("sentry_metric_alert_to_jira", alertRow, alert.event, {
    status: "failed",
    error: `Create the bug: ${outage}`,
    attempt: 15,
    minutes: 16 * 60,
    writes: (decision) => {
      if (decision.kind !== "create_bug") return [];
      return [
        {
          service: "jira",
          operation: "jira.issue.create",
          orderingKey: decision.dedupeKey,
          idempotencyKey: decision.dedupeKey,
          payload: {
            args: bugCreateArgs(decision.ticket),
            meta: {
              summary: `Created a Jira bug: ${decision.ticket.summary}`,
              actorLabel: "",
              target: { type: "automation_rule", id: metricRuleId },
            },
          },
          status: "failed",
          attempts: 9,
          lastError: outage,
          nextAttemptAt: deadAt,
          result: null,
          createdAt: minutesAfter(alertRow.receivedAt, 0.02),
          completedAt: deadAt,
        },
      ];
    },
  });
  record.rows.jobs.push({
    id: `seed_${org}_job_01`,
    orgId,
    queue: "webhook.delivery",
    payload: { deliveryId: alertRow.id, event: alert.event },
    status: "dead",
    attempts: 15,
    maxAttempts: 15,
    lastError: `Create the bug: ${outage}`,
    singletonKey: `delivery:${alertRow.id}`,
    createdAt: alertRow.receivedAt,
    runAt: deadAt,
    deadAt,
    finishedAt: deadAt,
  });

  // A branch started a story; Jira's webhook for the move came back and was recognised as Bosun's own.
  const branch = branchDelivery(urls.repo, jira.started);
  const branchRow = record.delivery(branch, 27);
  record.run("git_branch_to_jira", branchRow, branch.event, {
    writes: moveStory(jira.started, "To Do", `delivery:${branchRow.id}`, branchRow.receivedAt),
    notes: [moved(jira.started, "To Do", "In Progress")],
  });
  const startedEcho = jiraIssueUpdatedDelivery(
    urls.jiraSite,
    jira.started,
    { from: ["10000", "To Do"], to: ["3", "In Progress"], category: "indeterminate" },
    { identifier: `${org}-seed-0002`, at: minutesAfter(branchRow.receivedAt, 0.1), actor: adminActor },
  );
  record.delivery(startedEcho, 27 - 0.1 / 60);

  // A pull request opened moved a story to review.
  const opened = pullRequestDelivery(urls.repo, jira.inReview, { number: 231, merged: false });
  const openedRow = record.delivery(opened, 20);
  record.run("git_pull_request_to_jira", openedRow, opened.event, {
    writes: moveStory(jira.inReview, "In Progress", `delivery:${openedRow.id}`, openedRow.receivedAt),
    notes: [moved(jira.inReview, "In Progress", "In Review")],
  });
  const reviewEcho = jiraIssueUpdatedDelivery(
    urls.jiraSite,
    jira.inReview,
    { from: ["3", "In Progress"], to: ["10001", "In Review"], category: "indeterminate" },
    { identifier: `${org}-seed-0003`, at: minutesAfter(openedRow.receivedAt, 0.1), actor: adminActor },
  );
  record.delivery(reviewEcho, 20 - 0.1 / 60);

  // A new error arrived while Jira timed out: the write waited, an admin resumed it, and the third attempt filed it.
  const retried = sentryIssueDelivery(org, sentry.filedAfterRetry, "created");
  const retriedRow = record.delivery(retried, 14);
  const retriedDone = minutesAfter(retriedRow.receivedAt, 38);
  record.run("sentry_issue_to_jira", retriedRow, retried.event, {
    sentryContext: { issue: sentry.filedAfterRetry, windowCounts: null, existingTicketKey: null, severity: null },
    attempt: 2,
    minutes: 38.1,
    writes: fileBug(
      sentry.filedAfterRetry,
      jira.filedAfterRetryBug,
      { status: "succeeded", attempts: 3, lastError: "No answer from Jira (ETIMEDOUT)" },
      { at: minutesAfter(retriedRow.receivedAt, 0.02), doneAt: retriedDone, unassignableAccountId },
    ),
    notes: [`Created ${jira.filedAfterRetryBug.key}`],
  });
  const waiting = record.rows.intents.find((i) => i.idempotencyKey === `sentry-ticket:${sentry.filedAfterRetry.id}`);
  if (waiting) {
    record.audit({
      actorType: "user",
      actorId: admin.userId,
      actorLabel: admin.name,
      action: "outbox.write_resumed",
      targetType: "sentry_issue",
      targetId: sentry.filedAfterRetry.id,
      summary: `Asked for “Created a Jira bug for Sentry issue ${sentry.filedAfterRetry.shortId}” to be tried now instead of at its next retry`,
      changes: { intentId: waiting.id, operation: waiting.operation, attempts: 2 },
      result: "success",
      requestId: `seed-${org}-resume`,
      createdAt: minutesAfter(retriedDone, -0.5),
    });
    linkTicket(sentry.filedAfterRetry, jira.filedAfterRetryBug, retriedDone);
  }

  // An issue alert fired for an issue that already has its bug: skipped as a duplicate.
  const duplicate = issueAlertDelivery(org, sentry.duplicate, { at: record.hoursAgo(9) });
  const duplicateRow = record.delivery(duplicate, 9);
  record.run("sentry_issue_to_jira", duplicateRow, duplicate.event, {
    sentryContext: {
      issue: { ...sentry.duplicate, substatus: "ongoing" },
      windowCounts: null,
      existingTicketKey: jira.duplicateBug.key,
      severity: null,
    },
  });

  // Jira refused to assign a bug to the owner Sentry's rules suggested: the write failed and waits for a person.
  const refused = sentryIssueDelivery(org, sentry.unassignable, "created");
  const refusedRow = record.delivery(refused, 5);
  const refusal = `Jira answered 400: assignee: User '${unassignableAccountId}' cannot be assigned issues.`;
  record.run("sentry_issue_to_jira", refusedRow, refused.event, {
    sentryContext: { issue: sentry.unassignable, windowCounts: null, existingTicketKey: null, severity: null },
    status: "failed",
    error: `Create the bug: ${refusal} — retry it, or create it in the right Jira project to replace it.`,
    writes: fileBug(
      sentry.unassignable,
      null,
      { status: "failed", attempts: 1, lastError: refusal },
      {
        at: minutesAfter(refusedRow.receivedAt, 0.02),
        doneAt: minutesAfter(refusedRow.receivedAt, 0.04),
        unassignableAccountId,
      },
    ),
  });

  // And two hours ago a new production error became a bug at once.
  const filed = sentryIssueDelivery(org, sentry.filed, "created");
  const filedRow = record.delivery(filed, 2);
  const filedDone = minutesAfter(filedRow.receivedAt, 0.04);
  record.run("sentry_issue_to_jira", filedRow, filed.event, {
    sentryContext: { issue: sentry.filed, windowCounts: null, existingTicketKey: null, severity: null },
    writes: fileBug(
      sentry.filed,
      jira.filedBug,
      { status: "succeeded", attempts: 1, lastError: null },
      { at: minutesAfter(filedRow.receivedAt, 0.02), doneAt: filedDone, unassignableAccountId },
    ),
    notes: [`Created ${jira.filedBug.key}`],
  });
  if (record.rows.intents.some((i) => i.idempotencyKey === `sentry-ticket:${sentry.filed.id}`))
    linkTicket(sentry.filed, jira.filedBug, filedDone);

  // Each write's audit entry names the rule that made it, as the outbox records it.
  for (const intent of record.rows.intents) {
    const ruleName = input.rules.find((r) => r.id === intent.actorId)?.name ?? "";
    intent.payload.meta.actorLabel = `Automation “${ruleName}”`;
  }
  return record.rows;
}
