"use server";

import { z } from "zod";
import { switchToOrganization } from "@workos-inc/authkit-nextjs";
import { orgAction } from "@/lib/actions/org-action";
import { endSession } from "@/lib/auth/sign-out";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { revokeAllSessionsOfUser } from "@/lib/db/queries/sessions";
import { listActiveSessions } from "@/lib/integrations/workos";
import { performWrite } from "@/lib/outbox";

/** Moves the WorkOS session to another org the user belongs to (new token with that org_id), then opens it. */
export const switchOrgAction = orgAction(z.object({ orgSlug: z.string() }), "dashboards:view", async ({ org }) => {
  await switchToOrganization(org.workosOrgId, { returnTo: `/${org.slug}` });
  return { ok: true, data: null };
});

/** Ends every session of the signed-in user, on every device, then signs this one out. */
export const signOutEverywhereAction = orgAction(z.object({ orgSlug: z.string() }), "dashboards:view", async ({ org, user, requestId }) => {
  const sessions = await listActiveSessions(user.workosUserId);
  for (const session of sessions) {
    await performWrite({
      orgId: org.id,
      operation: "workos.session.revoke",
      args: { sessionId: session.id },
      orderingKey: `session:${session.id}`,
      idempotencyKey: `sign-out-everywhere:${requestId}:${session.id}`,
      actor: { type: "user", id: user.id, label: user.email },
      summary: `${user.name} ended a session (sign out everywhere)`,
      target: { type: "session", id: session.id },
      requestId,
    });
  }
  await revokeAllSessionsOfUser({ userId: user.id, now: new Date() });
  await appendAuditEntry({
    orgId: org.id,
    actor: { type: "user", id: user.id, label: user.email },
    action: "user.signed_out_everywhere",
    target: { type: "user", id: user.id },
    summary: `${user.name} signed out on every device (${sessions.length} session(s))`,
    requestId,
  });
  return endSession("user");
});

/** Form-friendly wrapper: `<form action={signOutEverywhere.bind(null, orgSlug)}>`. */
export async function signOutEverywhere(orgSlug: string): Promise<void> {
  const result = await signOutEverywhereAction({ orgSlug });
  if (!result.ok) throw new Error(result.error);
}
