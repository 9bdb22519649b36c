import "server-only";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { hasRecentSecondFactor, STEP_UP_WINDOW_MS } from "@/lib/platform/auth/session-policy";
import { getOrgSecuritySettings } from "@/lib/db/queries/organizations";
import { findSessionRecord } from "@/lib/db/system/sessions";
import type { AgentContext } from "@/lib/features/agents/context";
import { connectionVerificationUrl } from "@/lib/features/agents/oauth";
import { fail } from "./gate";

/** Triage of more issues than this in one call is a bulk write, as on the errors page. */
export const BULK_TRIAGE_THRESHOLD = 10;

/**
 * The tools' side of step-up before bulk writes: in an org that requires MFA,
 * an OAuth caller's session must have passed a code in the last 15 minutes
 * (through the /mfa link, which verifies the connection). An API key has no
 * session; it can only be created right after a step-up, so its writes pass.
 */
export async function requireRecentFactorForTool(ctx: AgentContext, tool: string): Promise<CallToolResult | null> {
  if (ctx.via.kind !== "oauth") return null;
  const { sessionId } = ctx.via;
  const [settings, session] = await Promise.all([
    getOrgSecuritySettings({ orgId: ctx.org.id }),
    findSessionRecord({ workosSessionId: sessionId }),
  ]);
  if (!settings.requireMfa || (session && hasRecentSecondFactor(session.mfaVerifiedAt, new Date()))) return null;
  return fail(
    `${ctx.org.name} asks for a code from your authenticator app entered in the last ${STEP_UP_WINDOW_MS / 60_000} minutes before this change. Open ${connectionVerificationUrl(ctx.org.slug, sessionId)} in a browser signed in to Bosun, enter a code, then call ${tool} again.`,
  );
}
