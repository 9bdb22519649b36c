import "server-only";
import { z } from "zod";
import type { ActionContext, ActionResult } from "@/lib/platform/actions/org-action";
import { requireRecentSecondFactor } from "@/lib/platform/auth/step-up";
import { auditAction } from "@/lib/platform/actions/audit-action";
import { findMember } from "@/lib/db/queries/memberships";
import { listOrgsForUser } from "@/lib/db/system/memberships";
import { clearMfaVerificationOfUser } from "@/lib/db/system/sessions";
import { performWrite } from "@/lib/platform/outbox";

/**
 * Resets a member's two-step verification: their factors are deleted at
 * WorkOS (through the outbox) and none of their sessions counts as verified,
 * so they set up a new authenticator app on /mfa. A factor belongs to the
 * person, not the org, so an admin may reset only someone whose every org
 * they administer too.
 */
export const resetMfaSchema = z.object({
  userId: z.string().min(1).max(64),
  idempotencyKey: z.string().uuid("is missing; reload the page and try again"),
});

export async function resetMemberMfa({
  input,
  org,
  user,
  sessionId,
  requestId,
  actor,
}: ActionContext<z.output<typeof resetMfaSchema>>): Promise<
  ActionResult<{ status: "succeeded" | "pending"; message: string }>
> {
  const stepUp = await requireRecentSecondFactor({ org, sessionId }, `/${org.slug}/settings/members`);
  if (stepUp) return stepUp;
  const member = await findMember({ orgId: org.id, userId: input.userId });
  if (!member || member.status !== "active")
    return { ok: false, error: "That person is not an active member of this organization." };
  const [theirOrgs, yourOrgs] = await Promise.all([
    listOrgsForUser({ userId: member.user.id }),
    listOrgsForUser({ userId: user.id }),
  ]);
  const administered = new Set(yourOrgs.filter((m) => m.role === "admin").map((m) => m.org.slug));
  const elsewhere = theirOrgs.filter((m) => !administered.has(m.org.slug)).map((m) => m.org.name);
  if (elsewhere.length > 0)
    return {
      ok: false,
      error: `${member.user.name} is also a member of ${elsewhere.join(", ")}; an admin of every organization they belong to has to reset it.`,
    };

  const outcome = await performWrite({
    orgId: org.id,
    operation: "workos.auth_factors.delete",
    args: { workosUserId: member.user.workosUserId },
    orderingKey: `auth-factors:${member.user.workosUserId}`,
    idempotencyKey: `reset-mfa:${input.idempotencyKey}`,
    actor,
    summary: `Deleted the authenticator apps of ${member.user.name} (${member.user.email})`,
    target: { type: "user", id: member.user.id },
    requestId,
  });
  if (outcome.status === "failed") return { ok: false, error: `WorkOS refused the reset: ${outcome.error}` };
  // Verification ends now in Bosun, even while WorkOS catches up.
  await clearMfaVerificationOfUser({ userId: member.user.id });
  await auditAction(
    { org, actor, requestId },
    {
      action: "user.mfa_reset",
      target: { type: "user", id: member.user.id },
      summary: `Reset the two-step verification of ${member.user.name} (${member.user.email})`,
    },
  );
  if (outcome.status === "pending")
    return {
      ok: true,
      data: {
        status: "pending",
        message: `WorkOS is not answering right now; ${member.user.name}'s authenticator app will be removed automatically.`,
      },
    };
  return {
    ok: true,
    data: {
      status: "succeeded",
      message: `${member.user.name}'s two-step verification was reset. They set up a new authenticator app the next time Bosun asks for a code.`,
    },
  };
}
