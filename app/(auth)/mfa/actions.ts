"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/platform/actions/org-action";
import { describeIssues } from "@/lib/platform/actions/describe-issues";
import { startEnrolment, verifyCode, type MfaEnrolment } from "@/lib/platform/auth/mfa";
import { resolveReturnTo } from "@/lib/platform/auth/switch-org";
import { describeFailure } from "@/lib/platform/outbox/retry-policy";
import { findUnstorableText } from "@/lib/platform/security/find-unstorable-text";

const orgSlug = z.string().min(1).max(64);
const verifySchema = z.object({
  orgSlug,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app"),
  challengeId: z.string().min(1).max(200).optional(),
  // Where a step-up goes back to; only a path inside the org is followed.
  returnTo: z.string().max(2048).optional(),
  // An MCP client's OAuth session this code also verifies.
  connectionId: z.string().min(1).max(200).optional(),
});

/** These actions run before requireOrg, outside orgAction: they refuse text PostgreSQL cannot store themselves. */
function refuseUnstorableText(
  input: unknown,
): { ok: false; error: string; fieldErrors: Record<string, string> } | null {
  const found = findUnstorableText(input);
  return found
    ? { ok: false, error: `${found.path}: ${found.message}`, fieldErrors: { [found.path]: found.message } }
    : null;
}

export async function startMfaEnrolmentAction(input: { orgSlug: string }): Promise<ActionResult<MfaEnrolment>> {
  const unstorable = refuseUnstorableText(input);
  if (unstorable) return unstorable;
  const slug = orgSlug.safeParse(input?.orgSlug);
  if (!slug.success)
    return { ok: false, error: "Unknown organization", fieldErrors: { orgSlug: "is not an organization" } };
  const result = await startEnrolment(slug.data);
  return result.ok ? { ok: true, data: result.enrolment } : { ok: false, error: result.error };
}

/** Redirects once verified, except for an MCP connection, which is confirmed on the page. */
export async function verifyMfaCodeAction(
  input: z.input<typeof verifySchema>,
): Promise<ActionResult<{ message: string }>> {
  const unstorable = refuseUnstorableText(input);
  if (unstorable) return unstorable;
  const parsed = verifySchema.safeParse(input);
  if (!parsed.success) return { ok: false, ...describeIssues(parsed.error) };
  const { orgSlug: slug, code, challengeId, returnTo, connectionId } = parsed.data;
  let outcome: Awaited<ReturnType<typeof verifyCode>>;
  try {
    outcome = await verifyCode({ orgSlug: slug, code, enrolmentChallengeId: challengeId, connectionId });
  } catch (error) {
    // WorkOS answers 4xx for expired, reused or over-tried challenges: a new code is the fix.
    const { status } = describeFailure(error);
    if (status && status >= 400 && status < 500)
      return {
        ok: false,
        error: "That code can no longer be used. Wait for the next code and try again.",
        fieldErrors: { code: "expired" },
      };
    throw error;
  }
  switch (outcome.status) {
    case "incorrect":
      return {
        ok: false,
        error: "That code is not right. Check the time on your device and try the current code.",
        fieldErrors: { code: "incorrect" },
      };
    case "locked":
      return { ok: false, error: outcome.message, fieldErrors: { code: "locked" } };
    case "no-factor":
      return { ok: false, error: "Set up an authenticator app first.", fieldErrors: { code: "no-factor" } };
    case "unknown-connection":
      return { ok: false, error: "That MCP connection has ended or is not yours. Connect the client again." };
    case "verified":
      if (connectionId) return { ok: true, data: { message: "Verified. Go back to your MCP client and try again." } };
      redirect(resolveReturnTo(slug, returnTo));
  }
}
