import "server-only";
import { findSessionRecord } from "@/lib/db/system/sessions";
import { hasRecentSecondFactor, STEP_UP_WINDOW_MS } from "./session-policy";

export type StepUpRefusal = { ok: false; error: string; stepUp: { url: string } };

/** The /mfa page that asks for a code and then sends the browser back to `returnTo`. */
export const stepUpUrl = (orgSlug: string, returnTo: string) =>
  `/mfa?org=${encodeURIComponent(orgSlug)}&returnTo=${encodeURIComponent(returnTo)}`;

export const STEP_UP_MESSAGE = `This change needs a code from your authenticator app entered in the last ${STEP_UP_WINDOW_MS / 60_000} minutes.`;

/**
 * Bulk writes in an org that requires MFA (applying a sprint plan, creating a
 * feature's tickets, triaging more than 10 issues, publishing release notes,
 * changing roles, resetting someone's MFA, creating API keys) need a second
 * factor passed recently in this very session, not just at sign-in. Returns
 * null when the action may go on, else the refusal with the step-up link back
 * to `returnTo` (the page the action was started from).
 */
export async function requireRecentSecondFactor(
  ctx: { org: { slug: string; requireMfa: boolean }; sessionId: string },
  returnTo: string,
): Promise<StepUpRefusal | null> {
  if (!ctx.org.requireMfa) return null;
  const session = await findSessionRecord({ workosSessionId: ctx.sessionId });
  if (session && hasRecentSecondFactor(session.mfaVerifiedAt, new Date())) return null;
  return { ok: false, error: STEP_UP_MESSAGE, stepUp: { url: stepUpUrl(ctx.org.slug, returnTo) } };
}
