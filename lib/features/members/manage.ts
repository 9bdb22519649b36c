import "server-only";
import { z } from "zod";
import type { ActionContext, ActionResult } from "@/lib/platform/actions/org-action";
import { roleRank } from "@/lib/domain/permissions";
import { requireRecentSecondFactor } from "@/lib/platform/auth/step-up";
import { auditAction } from "@/lib/platform/actions/audit-action";
import { lastAdminViolation } from "@/lib/domain/members/last-admin";
import {
  countActiveAdmins,
  findJiraAccountId,
  findMember,
  setMemberRole,
  setMemberStatus,
} from "@/lib/db/queries/memberships";
import { findOrgInvitation, type WorkosInvitation } from "@/lib/integrations/workos";
import { performWrite, type WriteOutcome } from "@/lib/platform/outbox";
import { membershipOrderingKey } from "@/lib/platform/outbox/operations";
import { describeFailure, isTransient } from "@/lib/platform/outbox/retry-policy";
import { forgetDeactivatedMembersOpenIssues } from "./deactivated-issues";

/*
 * What admins do to the org's people from the members page: invite, revoke an invitation, change a role, remove, and
 * hand a departed member's open Jira issues to someone else. WorkOS and Jira writes go through the outbox.
 */

const role = z.enum(["admin", "manager", "member"], { error: "must be admin, manager or member" });
// Generated once per form, so a double submit is the same write.
const idempotencyKey = z.string().uuid("is missing; reload the page and try again");

/** What each change answers: done, waiting for the service (the outbox retries it), or refused. */
export type MemberWriteResult = ActionResult<{ status: WriteOutcome["status"]; message: string }>;

function outcomeResult(outcome: WriteOutcome, done: string): MemberWriteResult {
  if (outcome.status === "failed") return { ok: false, error: `WorkOS refused the change: ${outcome.error}` };
  if (outcome.status === "pending")
    return {
      ok: true,
      data: {
        status: "pending",
        message: "WorkOS is not answering right now; the change is saved and will be applied automatically.",
      },
    };
  return { ok: true, data: { status: "succeeded", message: done } };
}

export const inviteSchema = z.object({
  email: z.email("must be a valid e-mail address").toLowerCase(),
  role,
  idempotencyKey,
});

export async function inviteMember({
  input,
  org,
  user,
  requestId,
  actor,
}: ActionContext<z.output<typeof inviteSchema>>): Promise<MemberWriteResult> {
  const outcome = await performWrite({
    orgId: org.id,
    operation: "workos.invitation.send",
    args: {
      email: input.email,
      workosOrgId: org.workosOrgId,
      role: input.role,
      inviterWorkosUserId: user.workosUserId,
    },
    orderingKey: `invitation:${input.email}`,
    idempotencyKey: `invite:${input.idempotencyKey}`,
    actor,
    summary: `Invited ${input.email} as ${input.role}`,
    target: { type: "invitation", id: input.email },
    requestId,
  });
  return outcomeResult(outcome, `Invitation sent to ${input.email}.`);
}

export const revokeInvitationSchema = z.object({
  invitationId: z.string().min(1).max(128),
  email: z.string(),
  idempotencyKey,
});

export async function revokeInvitation({
  input,
  org,
  requestId,
  actor,
}: ActionContext<z.output<typeof revokeInvitationSchema>>): Promise<MemberWriteResult> {
  const invitation = await findInvitationUnlessUnreachable({
    invitationId: input.invitationId,
    workosOrgId: org.workosOrgId,
  });
  // Another org's invitation answers exactly like a missing one.
  if (invitation === null) return { ok: false, error: "No such invitation." };
  const email = invitation?.email ?? input.email;
  const outcome = await performWrite({
    orgId: org.id,
    operation: "workos.invitation.revoke",
    args: { invitationId: input.invitationId, workosOrgId: org.workosOrgId },
    orderingKey: `invitation:${email}`,
    idempotencyKey: `revoke-invite:${input.idempotencyKey}`,
    actor,
    summary: `Revoked the invitation of ${email}`,
    target: { type: "invitation", id: input.invitationId },
    requestId,
  });
  return outcomeResult(outcome, `Invitation of ${email} revoked.`);
}

/**
 * The org's invitation, null when there is none, or undefined while WorkOS is
 * unreachable: then the outbox queues the revoke, and its operation makes the
 * same check before it writes.
 */
async function findInvitationUnlessUnreachable(ref: {
  invitationId: string;
  workosOrgId: string;
}): Promise<WorkosInvitation | null | undefined> {
  try {
    return await findOrgInvitation(ref);
  } catch (error) {
    if (isTransient(describeFailure(error))) return undefined;
    throw error;
  }
}

export const changeRoleSchema = z.object({ userId: z.string().min(1), role, idempotencyKey });

export async function changeMemberRole({
  input,
  org,
  sessionId,
  requestId,
  actor,
}: ActionContext<z.output<typeof changeRoleSchema>>): Promise<MemberWriteResult> {
  const stepUp = await requireRecentSecondFactor({ org, sessionId }, `/${org.slug}/settings/members`);
  if (stepUp) return stepUp;
  const member = await findMember({ orgId: org.id, userId: input.userId });
  if (!member || member.status !== "active")
    return { ok: false, error: "That person is not an active member of this organization." };
  if (member.role === input.role) return { ok: true, data: { status: "succeeded" as const, message: "No change." } };
  const violation = lastAdminViolation({
    targetRole: member.role,
    nextRole: input.role,
    activeAdmins: await countActiveAdmins({ orgId: org.id }),
  });
  if (violation) return { ok: false, error: violation };
  const target = { type: "membership", id: member.id };
  const change = `from ${member.role} to ${input.role}`;
  // Taking power away is safe before WorkOS agrees, and must not wait on it; granting power waits
  // until WorkOS confirms, when the outbox applies it (lib/platform/outbox/operations.ts).
  const lowering = roleRank(input.role) < roleRank(member.role);
  if (lowering) {
    await setMemberRole({ orgId: org.id, userId: member.user.id, role: input.role });
    await auditAction(
      { org, actor, requestId },
      {
        action: "membership.role_lowered",
        target,
        summary: `Lowered ${member.user.name}'s role in Bosun ${change}`,
        changes: { role: { from: member.role, to: input.role } },
      },
    );
  }
  const outcome = await performWrite({
    orgId: org.id,
    operation: "workos.membership.update_role",
    args: { workosUserId: member.user.workosUserId, workosOrgId: org.workosOrgId, role: input.role },
    orderingKey: membershipOrderingKey(member.user.workosUserId),
    idempotencyKey: `role:${input.idempotencyKey}`,
    actor,
    summary: `Changed ${member.user.name}'s role ${change}`,
    target,
    before: { role: member.role },
    requestId,
  });
  const now = `${member.user.name} is now ${input.role === "admin" ? "an" : "a"} ${input.role}`;
  if (lowering && outcome.status === "pending")
    return {
      ok: true,
      data: {
        status: "pending" as const,
        message: `${now} in Bosun; WorkOS is not answering right now and will be updated automatically.`,
      },
    };
  return outcomeResult(outcome, `${now}.`);
}

export const removeMemberSchema = z.object({ userId: z.string().min(1), idempotencyKey });

export async function removeMember({
  input,
  org,
  requestId,
  actor,
}: ActionContext<z.output<typeof removeMemberSchema>>): Promise<MemberWriteResult> {
  const member = await findMember({ orgId: org.id, userId: input.userId });
  if (!member || member.status !== "active")
    return { ok: false, error: "That person is not an active member of this organization." };
  const violation = lastAdminViolation({
    targetRole: member.role,
    nextRole: null,
    activeAdmins: await countActiveAdmins({ orgId: org.id }),
  });
  if (violation) return { ok: false, error: violation };
  const outcome = await performWrite({
    orgId: org.id,
    operation: "workos.membership.delete",
    args: { workosUserId: member.user.workosUserId, workosOrgId: org.workosOrgId },
    orderingKey: membershipOrderingKey(member.user.workosUserId),
    idempotencyKey: `remove:${input.idempotencyKey}`,
    actor,
    summary: `Removed ${member.user.name} (${member.user.email}) from ${org.name}`,
    target: { type: "membership", id: member.id },
    requestId,
  });
  // Access to this org ends now in Bosun (requireOrg stops admitting them), even while WorkOS catches up.
  if (outcome.status !== "failed")
    await setMemberStatus({ orgId: org.id, userId: member.user.id, status: "deactivated" });
  return outcomeResult(outcome, `${member.user.name} was removed.`);
}

export const reassignSchema = z.object({
  fromUserId: z.string().min(1),
  toUserId: z.string().min(1),
  issueKeys: z
    .array(z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, "must be a Jira issue key"))
    .min(1)
    .max(100),
  idempotencyKey,
});

export async function reassignOpenIssues({
  input,
  org,
  requestId,
  actor,
}: ActionContext<z.output<typeof reassignSchema>>): Promise<MemberWriteResult> {
  const [from, to] = await Promise.all([
    findMember({ orgId: org.id, userId: input.fromUserId }),
    findMember({ orgId: org.id, userId: input.toUserId }),
  ]);
  if (!from) return { ok: false, error: "The person whose issues you are reassigning is not in this organization." };
  if (!to || to.status !== "active") return { ok: false, error: "Choose an active member to take over the issues." };
  const toAccount = await findJiraAccountId({ orgId: org.id, userId: to.user.id });
  if (!toAccount) return { ok: false, error: `${to.user.name} has no Jira account on this site.` };
  const outcomes = await Promise.all(
    input.issueKeys.map((issueKey) =>
      performWrite({
        orgId: org.id,
        operation: "jira.issue.assign",
        args: { issueKey, accountId: toAccount },
        orderingKey: `jira:${issueKey}`,
        idempotencyKey: `reassign:${input.idempotencyKey}:${issueKey}`,
        actor,
        summary: `Reassigned ${issueKey} from ${from.user.name} to ${to.user.name}`,
        target: { type: "jira_issue", id: issueKey },
        requestId,
      }),
    ),
  );
  await forgetDeactivatedMembersOpenIssues({ orgId: org.id });
  const failed = outcomes.filter((o) => o.status === "failed");
  if (failed.length === outcomes.length)
    return {
      ok: false,
      error: `Jira refused the reassignment: ${failed[0]?.status === "failed" ? failed[0].error : ""}`,
    };
  const pending = outcomes.filter((o) => o.status === "pending").length;
  const done = outcomes.length - failed.length - pending;
  return {
    ok: true,
    data: {
      status: pending > 0 ? ("pending" as const) : ("succeeded" as const),
      message: `${done} issue(s) reassigned to ${to.user.name}${pending ? `, ${pending} waiting for Jira` : ""}${failed.length ? `, ${failed.length} refused` : ""}.`,
    },
  };
}
