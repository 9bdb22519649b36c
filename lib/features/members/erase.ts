import "server-only";
import { z } from "zod";
import type { ActionContext, ActionResult } from "@/lib/platform/actions/org-action";
import { requireRecentSecondFactor } from "@/lib/platform/auth/step-up";
import { eraseDepartedMember } from "@/lib/db/queries/erasure";
import { findMember } from "@/lib/db/queries/memberships";

/**
 * Erases the personal data of someone who has left this organization
 * (deactivated or removed), after the admin typed their e-mail address to
 * confirm. What goes and what stays is decided in lib/db/queries/erasure.ts;
 * the audit log keeps every entry, under the person's pseudonym.
 */
export const eraseSchema = z.object({ userId: z.string().min(1).max(64), confirmEmail: z.string().trim().max(320) });

export async function eraseDepartedMemberData({
  input,
  org,
  sessionId,
  requestId,
  actor,
}: ActionContext<z.output<typeof eraseSchema>>): Promise<ActionResult<{ status: "succeeded"; message: string }>> {
  const stepUp = await requireRecentSecondFactor({ org, sessionId }, `/${org.slug}/settings/members`);
  if (stepUp) return stepUp;
  const member = await findMember({ orgId: org.id, userId: input.userId });
  if (member?.status === "deactivated" && input.confirmEmail.toLowerCase() !== member.user.email.toLowerCase()) {
    const message = "must be the e-mail address of the person being erased";
    return { ok: false, error: `confirmEmail: ${message}`, fieldErrors: { confirmEmail: message } };
  }
  const outcome = await eraseDepartedMember({ orgId: org.id, userId: input.userId, actor, requestId });
  switch (outcome.status) {
    case "not-member":
      return { ok: false, error: "That person is not a member of this organization." };
    case "still-member":
      return {
        ok: false,
        error:
          outcome.memberStatus === "active"
            ? `${outcome.name} is still an active member. Remove them first; only people who have left can be erased.`
            : `${outcome.name} has a pending invitation. Revoke it first; only people who have left can be erased.`,
      };
    case "already-erased":
      return {
        ok: true,
        data: { status: "succeeded", message: `The personal data of ${outcome.pseudonym} was already erased.` },
      };
    case "erased":
      return {
        ok: true,
        data: {
          status: "succeeded",
          message:
            outcome.scope === "everywhere"
              ? `Erased. The audit log now shows them as ${outcome.pseudonym}.`
              : `Erased their data in ${org.name}; the audit log now shows them as ${outcome.pseudonym}. They still belong to another organization, so their name and e-mail address stay in Bosun until they leave it too.`,
        },
      };
  }
}
