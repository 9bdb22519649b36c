import "server-only";
import type { ActorType } from "@/lib/db/types";
import { findMember } from "@/lib/db/queries/memberships";
import { findUserByEmail } from "@/lib/db/system/users";
import { performWrite } from "@/lib/platform/outbox";
import { invalidateErrors } from "./load";

/**
 * Triage of Sentry issues — resolve, resolve in the next release, archive
 * until escalating, or (un)assign to a member — written to Sentry through the
 * outbox, so an outage only delays it and the audit log names who did it. The
 * errors page's action and the MCP tool both call this; callers validate the
 * input shape and check the role, this checks the assignee and does the write.
 */
export const TRIAGE_ACTIONS = ["resolve", "resolveInNextRelease", "ignore", "assign"] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

const UPDATES = {
  resolve: { status: "resolved" },
  resolveInNextRelease: { status: "resolvedInNextRelease", statusDetails: { inNextRelease: true } },
  ignore: { status: "ignored", substatus: "archived_until_escalating" },
} as const;

const LABELS = {
  resolve: "Resolved",
  resolveInNextRelease: "Resolved in the next release",
  ignore: "Archived until escalating",
  assign: "Assigned",
} as const;

export type TriageRequest = {
  orgId: string;
  /** Sentry issue ids (digits), 1–100. */
  issueIds: string[];
  action: TriageAction;
  /** For "assign": the member by Bosun user id (the errors page) or by email (agents); neither unassigns. */
  assigneeUserId?: string;
  assigneeEmail?: string;
  actor: { type: ActorType; id: string | null; label: string };
  requestId: string;
  /** One per triage request: a repeat with the same key writes nothing new. */
  idempotencyKey: string;
};

/** Same shape as the server action's result, so the action can return it as is. */
export type TriageOutcome =
  | { ok: true; data: { status: "succeeded" | "pending"; message: string } }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

type Member = NonNullable<Awaited<ReturnType<typeof findMember>>>;

/** The active member to assign to: null to unassign, or the field naming someone who is not an active member. */

async function findAssignee({
  orgId,
  assigneeUserId,
  assigneeEmail,
}: Pick<TriageRequest, "orgId" | "assigneeUserId" | "assigneeEmail">): Promise<
  { member: Member | null } | { field: "assigneeUserId" | "assigneeEmail" }
> {
  if (assigneeUserId) {
    const member = await findMember({ orgId, userId: assigneeUserId });
    return member?.status === "active" ? { member } : { field: "assigneeUserId" };
  }
  if (assigneeEmail) {
    const email = assigneeEmail.trim();
    const user =
      (await findUserByEmail({ email })) ??
      (email === email.toLowerCase() ? null : await findUserByEmail({ email: email.toLowerCase() }));
    const member = user ? await findMember({ orgId, userId: user.id }) : null;
    return member?.status === "active" ? { member } : { field: "assigneeEmail" };
  }
  return { member: null };
}

export async function triageSentryIssues({
  orgId,
  issueIds,
  action,
  assigneeUserId,
  assigneeEmail,
  actor,
  requestId,
  idempotencyKey,
}: TriageRequest): Promise<TriageOutcome> {
  let update: {
    status?: "resolved" | "resolvedInNextRelease" | "ignored";
    statusDetails?: object;
    substatus?: "archived_until_escalating";
    assignedTo?: string | null;
  } = {};
  let target = "";
  if (action === "assign") {
    const assignee = await findAssignee({ orgId, assigneeUserId, assigneeEmail });
    if ("field" in assignee)
      return {
        ok: false,
        error: "That person is not an active member.",
        fieldErrors: { [assignee.field]: "is not an active member" },
      };
    update = { assignedTo: assignee.member ? assignee.member.user.email : null };
    target = assignee.member ? ` to ${assignee.member.user.name}` : " to nobody";
  } else update = UPDATES[action];
  const outcome = await performWrite({
    orgId,
    operation: "sentry.issues.update",
    args: { issueIds, update },
    orderingKey: issueIds.length === 1 ? `sentry-issue:${issueIds[0]}` : `sentry-bulk:${idempotencyKey}`,
    idempotencyKey: `triage:${idempotencyKey}`,
    actor,
    summary: `${LABELS[action]}${target}: Sentry issue(s) ${issueIds.join(", ")}`,
    target: { type: "sentry_issue", id: issueIds.join(",") },
    requestId,
  });
  if (outcome.status === "failed") return { ok: false, error: `Sentry refused the change: ${outcome.error}` };
  await invalidateErrors({ orgId });
  return {
    ok: true,
    data: {
      status: outcome.status,
      message:
        outcome.status === "pending"
          ? "Sentry is not answering; the change is saved and will be applied automatically."
          : `${LABELS[action]}${target}: ${issueIds.length} issue(s).`,
    },
  };
}
