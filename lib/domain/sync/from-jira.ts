import type { JiraEvent } from "@/lib/domain/jira-events/events";
import { decideFieldChange, noteOnly } from "./decision";
import { CLOSED, OPEN, findEcho, normaliseValue } from "./guards";
import { doneStatus } from "./settings";
import type { SyncContext, SyncDecision } from "./types";

/**
 * What a Jira issue event means for the linked Sentry issue. Status: moving into a status of the done
 * category resolves it (now or in the next release), moving out unresolves it; moves within one side of
 * done change nothing. Assignee: the member with that Jira account (or e-mail) is assigned in Sentry by
 * e-mail; someone Bosun does not know is recorded as unmatched, never guessed. Comments: Sentry's API
 * has no way to add one, so a Jira comment is only recorded.
 */
export type JiraIssueEvent = Extract<JiraEvent, { type: "jira.issue" }>;

export type FromJiraInput = SyncContext & { event: JiraIssueEvent };

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

function statusDecision(input: FromJiraInput): SyncDecision | null {
  const { event, pair, settings } = input;
  const item = event.changes.find((change) => change.field === "status");
  if (!item || !settings.jiraStatusToSentry) return null;
  const toName = item.toString ?? event.issue.status?.name ?? "";
  const toDone = event.issue.status ? event.issue.status.category === "done" : same(toName, doneStatus(settings));
  // The event names only the status left behind, not its category: it was done if it is the workflow's done status.
  const fromDone = same(item.fromString, doneStatus(settings));
  const incoming = { service: "jira" as const, objectId: pair.jiraIssueKey, field: "status", value: toName };
  // Bosun's own move is recognised even when it stays on one side of done (its field state already says so).
  if (toDone === fromDone && !findEcho(input.echoes, incoming, input.now)) return null;
  const trigger = `${pair.jiraIssueKey} moved from ${item.fromString ?? "?"} to ${toName}`;
  if (!toDone && !settings.unresolveOnReopen)
    return noteOnly({
      direction: "jira_to_sentry",
      field: "status",
      trigger,
      outcome: "skipped",
      detail: "Unresolving Sentry when a ticket leaves done is turned off",
    });
  const inNextRelease = toDone && settings.resolveIn === "next_release";
  const status = toDone ? "resolved" : "unresolved";
  const label = pair.sentryShortId ?? pair.sentryIssueId;
  return decideFieldChange({
    direction: "jira_to_sentry",
    field: "status",
    trigger,
    side: "jira",
    incoming,
    value: toDone ? CLOSED : OPEN,
    at: new Date(event.at),
    state: input.states.status ?? null,
    echoes: input.echoes,
    now: input.now,
    windowMs: settings.conflictWindowMinutes * 60_000,
    write: { kind: "sentry.status", issueId: pair.sentryIssueId, status, inNextRelease },
    echo: { service: "sentry", objectId: pair.sentryIssueId, field: "status", value: status },
    applied: toDone
      ? `Resolved ${label} in Sentry${inNextRelease ? " in the next release" : ""}`
      : `Unresolved ${label} in Sentry`,
  });
}

function assigneeDecision(input: FromJiraInput): SyncDecision | null {
  const { event, pair, settings } = input;
  const item = event.changes.find((change) => change.field === "assignee");
  if (!item || !settings.assignees) return null;
  const accountId = item.to ?? null;
  const trigger = accountId
    ? `${pair.jiraIssueKey} assigned to ${item.toString ?? accountId}`
    : `${pair.jiraIssueKey} unassigned`;
  const eventEmail = event.issue.assignee?.accountId === accountId ? event.issue.assignee?.emailAddress : null;
  const person = accountId
    ? (input.people.find((p) => p.jiraAccountId === accountId) ??
      (eventEmail ? input.people.find((p) => same(p.email, eventEmail)) : undefined))
    : null;
  const incoming = { service: "jira" as const, objectId: pair.jiraIssueKey, field: "assignee", value: accountId ?? "" };
  // An echo of Bosun's own assignment is recognised whoever it named; anyone else must be a member.
  if (accountId && !person && !findEcho(input.echoes, incoming, input.now))
    return noteOnly({
      direction: "jira_to_sentry",
      field: "assignee",
      trigger,
      outcome: "unmatched",
      detail: `No Bosun member has Jira account ${item.toString ?? accountId}${eventEmail ? ` or e-mail ${eventEmail}` : ""}; Sentry's assignee is left as it is`,
    });
  const email = person?.email.toLowerCase() ?? null;
  return decideFieldChange({
    direction: "jira_to_sentry",
    field: "assignee",
    trigger,
    side: "jira",
    incoming,
    value: email ?? "",
    at: new Date(event.at),
    state: input.states.assignee ?? null,
    echoes: input.echoes,
    now: input.now,
    windowMs: settings.conflictWindowMinutes * 60_000,
    write: { kind: "sentry.assign", issueId: pair.sentryIssueId, email },
    echo: { service: "sentry", objectId: pair.sentryIssueId, field: "assignee", value: email ?? "" },
    applied: person
      ? `Assigned ${pair.sentryShortId ?? pair.sentryIssueId} to ${person.name} in Sentry`
      : `Unassigned ${pair.sentryShortId ?? pair.sentryIssueId} in Sentry`,
  });
}

function commentDecision(input: FromJiraInput): SyncDecision | null {
  const { event, pair, settings } = input;
  if (!event.comment || !settings.comments) return null;
  const trigger = `${event.comment.authorName ?? "Someone"} commented on ${pair.jiraIssueKey}`;
  const echo = input.echoes.find(
    (e) =>
      e.service === "jira" &&
      e.objectId === pair.jiraIssueKey &&
      e.field === "comment" &&
      // A mirrored comment's echo is its text: its Jira id is known only once it exists.
      (e.value === event.comment?.id || normaliseValue(e.value) === normaliseValue(event.comment?.text)) &&
      e.expiresAt > input.now,
  );
  if (echo)
    return {
      ...noteOnly({
        direction: "jira_to_sentry",
        field: "comment",
        trigger,
        outcome: "echo",
        detail: "A comment Bosun copied from Sentry",
      }),
      matchedEchoId: echo.id,
    };
  return noteOnly({
    direction: "jira_to_sentry",
    field: "comment",
    trigger,
    outcome: "skipped",
    detail: "Sentry's API has no endpoint for adding a comment to an issue, so Jira comments are recorded here only",
  });
}

export function decideFromJira(input: FromJiraInput): SyncDecision[] {
  if (input.event.action !== "updated") return [];
  return [statusDecision(input), assigneeDecision(input), commentDecision(input)].filter(
    (decision): decision is SyncDecision => decision !== null,
  );
}
