import { decideFieldChange, echoesOfField, noteOnly, plainWrite } from "./decision";
import { CLOSED, OPEN, findEcho } from "./guards";
import { doneStatus, firstStatus } from "./settings";
import type { LinkedPair, SyncContext, SyncDecision } from "./types";

/**
 * What a change to a Sentry issue means for its linked Jira ticket. A resolution moves the ticket
 * forward to done (never back); a regression comments with the release and, if the org wants, moves the
 * ticket back to the workflow's first status; archiving only comments (the error is not fixed); an
 * assignee is matched to a member by e-mail; a comment is copied once, marked as coming from Sentry.
 */
export type SentryChange =
  | { kind: "resolved" }
  | { kind: "unresolved"; regressed: boolean; release: string | null }
  | { kind: "archived"; until: string | null; substatus: string | null }
  | { kind: "assigned"; email: string | null; name: string | null }
  | { kind: "comment"; id: string; text: string; author: string | null; alreadyMirrored: boolean };

export type FromSentryInput = SyncContext & {
  change: SentryChange;
  /** When Sentry reported the change. */
  at: Date;
};

const label = (pair: LinkedPair) => pair.sentryShortId ?? pair.sentryIssueId;
/** The Sentry issue's status as an echo would name it. */
const statusOf = (pair: LinkedPair, value: "resolved" | "unresolved") => ({
  service: "sentry" as const,
  objectId: pair.sentryIssueId,
  field: "status",
  value,
});

function statusChange(input: FromSentryInput, status: "resolved" | "unresolved", trigger: string): SyncDecision {
  const { pair, settings } = input;
  const target = status === "resolved" ? doneStatus(settings) : firstStatus(settings);
  return decideFieldChange({
    direction: "sentry_to_jira",
    field: "status",
    trigger,
    side: "sentry",
    incoming: statusOf(pair, status),
    value: status === "resolved" ? CLOSED : OPEN,
    at: input.at,
    state: input.states.status ?? null,
    echoes: input.echoes,
    now: input.now,
    windowMs: settings.conflictWindowMinutes * 60_000,
    write:
      status === "resolved"
        ? { kind: "jira.forward", issueKey: pair.jiraIssueKey, target, order: settings.statusOrder }
        : { kind: "jira.back", issueKey: pair.jiraIssueKey, target, order: settings.statusOrder },
    echo: { service: "jira", objectId: pair.jiraIssueKey, field: "status", value: target },
    applied:
      status === "resolved"
        ? `Moved ${pair.jiraIssueKey} forward to ${target}`
        : `Moved ${pair.jiraIssueKey} back to ${target}`,
  });
}

function regression(input: FromSentryInput, change: Extract<SentryChange, { kind: "unresolved" }>): SyncDecision[] {
  const { pair, settings } = input;
  const trigger = `${label(pair)} ${change.regressed ? "regressed" : "was unresolved"} in Sentry${change.release ? ` (release ${change.release})` : ""}`;
  // Bosun's own unresolve (the ticket left done) comes back as this webhook: nothing more to do.
  const echo = findEcho(input.echoes, statusOf(pair, "unresolved"), input.now);
  if (echo || !settings.sentryStatusToJira) return echo ? [statusChange(input, "unresolved", trigger)] : [];
  const text = `Sentry: ${label(pair)} is unresolved again${change.regressed ? " (a regression)" : ""}${change.release ? `, seen in release ${change.release}` : ""}.`;
  const comment = {
    ...plainWrite(
      { direction: "sentry_to_jira", field: "regression", trigger, detail: `Commented on ${pair.jiraIssueKey}` },
      { kind: "jira.comment", issueKey: pair.jiraIssueKey, text },
      { service: "jira", objectId: pair.jiraIssueKey, field: "comment", value: text },
    ),
    // The issue is open again: a resolution Bosun is still waiting to hear about is no longer news.
    staleEchoIds: echoesOfField(input.echoes, statusOf(pair, "unresolved"), input.now),
  };
  return settings.onRegression === "reopen" ? [comment, statusChange(input, "unresolved", trigger)] : [comment];
}

function archived(input: FromSentryInput, change: Extract<SentryChange, { kind: "archived" }>): SyncDecision | null {
  const { pair, settings } = input;
  if (!settings.sentryStatusToJira) return null;
  const until = change.until
    ? `until ${change.until}`
    : change.substatus === "archived_until_escalating"
      ? "until it escalates"
      : change.substatus === "archived_until_condition_met"
        ? "until its condition is met"
        : "forever";
  const text = `Sentry: ${label(pair)} was archived in Sentry ${until}. It is not resolved, so the ticket stays where it is.`;
  return plainWrite(
    {
      direction: "sentry_to_jira",
      field: "archive",
      trigger: `${label(pair)} archived in Sentry ${until}`,
      detail: `Commented on ${pair.jiraIssueKey}; archived is not resolved, so no status change`,
    },
    { kind: "jira.comment", issueKey: pair.jiraIssueKey, text },
    { service: "jira", objectId: pair.jiraIssueKey, field: "comment", value: text },
  );
}

function assigned(input: FromSentryInput, change: Extract<SentryChange, { kind: "assigned" }>): SyncDecision | null {
  const { pair, settings } = input;
  if (!settings.assignees) return null;
  const email = change.email?.toLowerCase() ?? null;
  const trigger = email
    ? `${label(pair)} assigned to ${change.name ?? email} in Sentry`
    : `${label(pair)} unassigned in Sentry`;
  const incoming = { service: "sentry" as const, objectId: pair.sentryIssueId, field: "assignee", value: email ?? "" };
  const person = email ? input.people.find((p) => p.email.toLowerCase() === email) : null;
  if (email && !person?.jiraAccountId && !findEcho(input.echoes, incoming, input.now))
    return noteOnly({
      direction: "sentry_to_jira",
      field: "assignee",
      trigger,
      outcome: "unmatched",
      detail: person
        ? `${person.name} has no Jira account linked in Bosun; Jira's assignee is left as it is`
        : `No Bosun member has the e-mail ${email}; Jira's assignee is left as it is`,
    });
  const accountId = person?.jiraAccountId ?? null;
  return decideFieldChange({
    direction: "sentry_to_jira",
    field: "assignee",
    trigger,
    side: "sentry",
    incoming,
    value: email ?? "",
    at: input.at,
    state: input.states.assignee ?? null,
    echoes: input.echoes,
    now: input.now,
    windowMs: settings.conflictWindowMinutes * 60_000,
    write: { kind: "jira.assign", issueKey: pair.jiraIssueKey, accountId },
    echo: { service: "jira", objectId: pair.jiraIssueKey, field: "assignee", value: accountId ?? "" },
    applied: person ? `Assigned ${pair.jiraIssueKey} to ${person.name}` : `Unassigned ${pair.jiraIssueKey}`,
  });
}

function comment(input: FromSentryInput, change: Extract<SentryChange, { kind: "comment" }>): SyncDecision | null {
  const { pair, settings } = input;
  if (!settings.comments) return null;
  const author = change.author ?? "Someone";
  const trigger = `${author} commented on ${label(pair)} in Sentry`;
  if (change.alreadyMirrored)
    return noteOnly({
      direction: "sentry_to_jira",
      field: "comment",
      trigger,
      outcome: "skipped",
      detail: `Already copied to ${pair.jiraIssueKey}`,
    });
  const text = `Sentry: ${author} wrote: ${change.text}`;
  return plainWrite(
    { direction: "sentry_to_jira", field: "comment", trigger, detail: `Copied to ${pair.jiraIssueKey}` },
    { kind: "jira.comment", issueKey: pair.jiraIssueKey, text },
    { service: "jira", objectId: pair.jiraIssueKey, field: "comment", value: text },
  );
}

export function decideFromSentry(input: FromSentryInput): SyncDecision[] {
  const { change } = input;
  switch (change.kind) {
    case "resolved":
      return input.settings.sentryStatusToJira || findEcho(input.echoes, statusOf(input.pair, "resolved"), input.now)
        ? [statusChange(input, "resolved", `${label(input.pair)} resolved in Sentry`)]
        : [];
    case "unresolved":
      return regression(input, change);
    case "archived":
      return [archived(input, change)].filter((d): d is SyncDecision => d !== null);
    case "assigned":
      return [assigned(input, change)].filter((d): d is SyncDecision => d !== null);
    case "comment":
      return [comment(input, change)].filter((d): d is SyncDecision => d !== null);
  }
}
