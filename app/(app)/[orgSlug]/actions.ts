"use server";

import { z } from "zod";
import { orgAction } from "@/lib/platform/actions/org-action";
import { endSession } from "@/lib/platform/auth/sign-out";
import { switchSessionToOrg } from "@/lib/platform/auth/switch-org";
import { auditAction } from "@/lib/platform/actions/audit-action";
import { endAllSessions } from "@/lib/platform/auth/end-all-sessions";

/**
 * Moves the WorkOS session to another org the user belongs to (new token with
 * that org_id), then opens it. Not an orgAction: requireOrg admits a session
 * only into the org it is already in, and the membership check is the switch's own.
 */
export async function switchOrgAction(input: { orgSlug: string }): Promise<never> {
  const parsed = z.object({ orgSlug: z.string().max(64) }).safeParse(input);
  return switchSessionToOrg({ orgSlug: parsed.success ? parsed.data.orgSlug : "" });
}

/** Ends every session of the signed-in user, on every device, then signs this one out. */
export const signOutEverywhereAction = orgAction(
  z.object({ orgSlug: z.string() }),
  "dashboards:view",
  async ({ org, user, requestId, actor }) => {
    const sessions = await endAllSessions({
      orgId: org.id,
      user,
      actor,
      cause: `sign-out-everywhere:${requestId}`,
      summary: `${user.name} ended a session (sign out everywhere)`,
      requestId,
    });
    await auditAction(
      { org, actor, requestId },
      {
        action: "user.signed_out_everywhere",
        target: { type: "user", id: user.id },
        summary: `${user.name} signed out on every device (${sessions} session(s))`,
      },
    );
    return endSession("user");
  },
);

/** Form-friendly wrapper: `<form action={signOutEverywhere.bind(null, orgSlug)}>`. */
export async function signOutEverywhere(orgSlug: string): Promise<void> {
  const result = await signOutEverywhereAction({ orgSlug });
  if (!result.ok) throw new Error(result.error);
}
