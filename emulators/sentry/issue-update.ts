import type { IssueAssignee, IssuePriority, IssueStatus, IssueSubstatus, SentryIssue } from "../seed/sentry-types";
import type { OrgState, SentryStore } from "./store";
import { serializeAssignee } from "./serialize-issue";
import { iso } from "./time-range";

/**
 * Validation and application of `PUT .../issues/` bodies, following the
 * request schema's field names. Errors come back in DRF's `{field: [msg]}`
 * shape, as Sentry answers them.
 */

type Errors = Record<string, unknown>;
export type IssueUpdate = {
  status?: "resolved" | "unresolved" | "ignored" | "resolvedInNextRelease";
  statusDetails: Record<string, unknown>;
  substatus?: IssueSubstatus | null;
  assignedTo?: IssueAssignee | null;
  hasSeen?: boolean;
  isBookmarked?: boolean;
  isSubscribed?: boolean;
  isPublic?: boolean;
  inbox?: boolean;
  priority?: IssuePriority;
};

const STATUSES = ["resolved", "unresolved", "ignored", "resolvedInNextRelease", "muted"];
const SUBSTATUS_FOR: Record<string, IssueSubstatus[]> = {
  unresolved: ["ongoing", "escalating", "regressed", "new"],
  ignored: ["archived_until_escalating", "archived_until_condition_met", "archived_forever"],
  resolved: [],
};
const BOOLEAN_FIELDS = ["hasSeen", "isBookmarked", "isSubscribed", "isPublic", "inbox", "merge", "discard"] as const;
const IGNORE_FIELDS = ["ignoreDuration", "ignoreCount", "ignoreWindow", "ignoreUserCount", "ignoreUserWindow"] as const;

function choiceError(value: unknown) {
  return [`"${String(value)}" is not a valid choice.`];
}

function parseAssignee(org: OrgState, raw: unknown): IssueAssignee | null | string {
  if (raw === null || raw === "") return null;
  if (typeof raw !== "string") return "Not a valid string.";
  const typed = /^(user|team):(.+)$/.exec(raw);
  if (typed) {
    const [, kind, id] = typed;
    if (kind === "team") return id === org.data.team.id ? { type: "team", id } : "Unknown actor input";
    return org.data.users.some((u) => u.id === id) ? { type: "user", id: id as string } : "Unknown actor input";
  }
  const lower = raw.toLowerCase();
  const user = org.data.users.find(
    (u) => u.email.toLowerCase() === lower || u.username.toLowerCase() === lower || u.id === raw,
  );
  return user ? { type: "user", id: user.id } : "Unknown actor input";
}

function parseStatusDetails(org: OrgState, raw: unknown, errors: Errors): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    errors.statusDetails = { non_field_errors: ["Invalid data. Expected a dictionary, but got " + typeof raw + "."] };
    return {};
  }
  const input = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const nested: Record<string, string[]> = {};
  if (input.inNextRelease !== undefined) {
    if (typeof input.inNextRelease !== "boolean") nested.inNextRelease = ["Must be a valid boolean."];
    else if (input.inNextRelease) out.inNextRelease = true;
  }
  if (input.inRelease !== undefined) {
    const latest = org.data.releases[org.data.releases.length - 1]?.version;
    const version = input.inRelease === "latest" ? latest : input.inRelease;
    if (typeof version !== "string" || !org.releaseByVersion.has(version))
      nested.inRelease = ["Unable to find a release with the given version."];
    else out.inRelease = version;
  }
  if (input.inCommit !== undefined) nested.inCommit = ["Unable to find the given commit."];
  for (const field of IGNORE_FIELDS) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
      nested[field] = ["A valid integer is required."];
    else if (value > 0) out[field] = value;
  }
  if (Object.keys(nested).length > 0) errors.statusDetails = nested;
  return out;
}

export function validateUpdate(org: OrgState, body: unknown): { update: IssueUpdate } | { errors: Errors } {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { errors: { non_field_errors: ["Invalid data. Expected a dictionary."] } };
  const input = body as Record<string, unknown>;
  const errors: Errors = {};
  const update: IssueUpdate = { statusDetails: parseStatusDetails(org, input.statusDetails, errors) };
  if (input.status !== undefined) {
    if (typeof input.status !== "string" || !STATUSES.includes(input.status)) errors.status = choiceError(input.status);
    else update.status = input.status === "muted" ? "ignored" : (input.status as IssueUpdate["status"]);
  }
  if (input.substatus !== undefined) {
    const all = Object.values(SUBSTATUS_FOR).flat();
    if (input.substatus !== null && !all.includes(input.substatus as IssueSubstatus))
      errors.substatus = choiceError(input.substatus);
    else update.substatus = input.substatus as IssueSubstatus | null;
  }
  for (const field of BOOLEAN_FIELDS) {
    if (input[field] === undefined) continue;
    if (typeof input[field] !== "boolean") errors[field] = ["Must be a valid boolean."];
    else if (field !== "merge" && field !== "discard") update[field] = input[field] as boolean;
  }
  if (input.assignedTo !== undefined) {
    const assignee = parseAssignee(org, input.assignedTo);
    if (typeof assignee === "string") errors.assignedTo = [assignee];
    else update.assignedTo = assignee;
  }
  if (input.priority !== undefined) {
    if (!["low", "medium", "high"].includes(input.priority as string)) errors.priority = choiceError(input.priority);
    else update.priority = input.priority as IssuePriority;
  }
  if (input.merge === true) errors.merge = ["Merging requires at least two issues of the same project."];
  if (input.discard === true) errors.discard = ["Discarding issues is not available on this plan."];
  if (update.substatus && !errors.substatus) {
    const status = update.status === "resolvedInNextRelease" ? "resolved" : update.status;
    if (status && !(SUBSTATUS_FOR[status] ?? []).includes(update.substatus))
      errors.substatus = [`The substatus ${update.substatus} is not valid for status ${status}.`];
  }
  return Object.keys(errors).length > 0 ? { errors } : { update };
}

export type AppliedUpdate = {
  result: Record<string, unknown>;
  actions: ("resolved" | "unresolved" | "archived" | "assigned")[];
};

function record(store: SentryStore, issue: SentryIssue, type: string, data: Record<string, unknown>, userId: string) {
  issue.activity.push({ id: String(issue.activity.length + 1), type, data, dateCreatedMs: store.now(), userId });
}

function applyStatus(
  store: SentryStore,
  issue: SentryIssue,
  update: IssueUpdate,
  userId: string,
): Record<string, unknown> | null {
  if (!update.status && update.substatus === undefined) return null;
  const status: IssueStatus = update.status === "resolvedInNextRelease" ? "resolved" : (update.status ?? issue.status);
  const details: Record<string, unknown> = { ...update.statusDetails };
  if (update.status === "resolvedInNextRelease") details.inNextRelease = true;
  issue.status = status;
  if (status === "resolved") {
    issue.substatus = null;
    issue.statusDetails = details;
    issue.inbox = null;
    record(
      store,
      issue,
      details.inRelease
        ? "set_resolved_in_release"
        : details.inNextRelease
          ? "set_resolved_in_release"
          : "set_resolved",
      details,
      userId,
    );
  } else if (status === "ignored") {
    const conditional = IGNORE_FIELDS.some((f) => details[f] !== undefined);
    issue.substatus = update.substatus ?? (conditional ? "archived_until_condition_met" : "archived_forever");
    if (typeof details.ignoreDuration === "number")
      details.ignoreUntil = iso(store.now() + details.ignoreDuration * 60_000);
    issue.statusDetails = details;
    issue.inbox = null;
    record(store, issue, "set_ignored", details, userId);
  } else {
    issue.substatus = update.substatus ?? "ongoing";
    issue.statusDetails = {};
    record(store, issue, "set_unresolved", {}, userId);
  }
  const result: Record<string, unknown> = { status: issue.status, statusDetails: issue.statusDetails };
  if (issue.substatus) result.substatus = issue.substatus;
  return result;
}

export function applyUpdate(
  store: SentryStore,
  org: OrgState,
  issue: SentryIssue,
  update: IssueUpdate,
  userId: string,
): AppliedUpdate {
  const actions: AppliedUpdate["actions"] = [];
  const previousStatus = issue.status;
  const result: Record<string, unknown> = {};
  const statusResult = applyStatus(store, issue, update, userId);
  if (statusResult) {
    Object.assign(result, statusResult);
    if (issue.status !== previousStatus || update.status) {
      actions.push(issue.status === "resolved" ? "resolved" : issue.status === "ignored" ? "archived" : "unresolved");
    }
  }
  if (update.assignedTo !== undefined) {
    issue.assignedTo = update.assignedTo;
    if (update.assignedTo) issue.isSubscribed = true;
    record(
      store,
      issue,
      update.assignedTo ? "assigned" : "unassigned",
      update.assignedTo ? { assignee: update.assignedTo.id, assigneeType: update.assignedTo.type } : {},
      userId,
    );
    result.assignedTo = serializeAssignee(org, issue.assignedTo);
    if (update.assignedTo) actions.push("assigned");
  }
  if (update.hasSeen !== undefined) result.hasSeen = issue.hasSeen = update.hasSeen;
  if (update.isBookmarked !== undefined) result.isBookmarked = issue.isBookmarked = update.isBookmarked;
  if (update.isSubscribed !== undefined) {
    result.isSubscribed = issue.isSubscribed = update.isSubscribed;
    result.subscriptionDetails = { disabled: false, reason: "unknown" };
  }
  if (update.isPublic !== undefined) {
    result.isPublic = issue.isPublic = update.isPublic;
    if (issue.isPublic) result.shareId = issue.groupHash.slice(0, 32);
  }
  if (update.inbox !== undefined) {
    if (!update.inbox) issue.inbox = null;
    else issue.inbox ??= { reason: 3, dateAddedMs: store.now() };
    result.inbox = update.inbox;
  }
  if (update.priority !== undefined) {
    issue.priority = update.priority;
    record(store, issue, "set_priority", { priority: update.priority }, userId);
    result.priority = update.priority;
  }
  return { result, actions };
}
