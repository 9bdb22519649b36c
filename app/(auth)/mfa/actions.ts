"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/org-action";
import { startEnrolment, verifyCode, type MfaEnrolment } from "@/lib/auth/mfa";
import { describeFailure } from "@/lib/outbox/retry-policy";

const orgSlug = z.string().min(1).max(64);
const verifySchema = z.object({
  orgSlug,
  code: z.string().trim().regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app"),
  challengeId: z.string().min(1).optional(),
});

export async function startMfaEnrolmentAction(input: { orgSlug: string }): Promise<ActionResult<MfaEnrolment>> {
  const slug = orgSlug.safeParse(input.orgSlug);
  if (!slug.success) return { ok: false, error: "Unknown organization" };
  return { ok: true, data: await startEnrolment(slug.data) };
}

export async function verifyMfaCodeAction(input: z.input<typeof verifySchema>): Promise<ActionResult<never>> {
  const parsed = verifySchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), fieldErrors: { code: parsed.error.issues[0]?.message ?? "" } };
  let valid: boolean;
  try {
    valid = await verifyCode(parsed.data.orgSlug, parsed.data.code, parsed.data.challengeId);
  } catch (error) {
    // WorkOS answers 4xx for expired, reused or over-tried challenges: a new code is the fix.
    const { status } = describeFailure(error);
    if (status && status >= 400 && status < 500) return { ok: false, error: "That code can no longer be used. Wait for the next code and try again.", fieldErrors: { code: "expired" } };
    throw error;
  }
  if (!valid) return { ok: false, error: "That code is not right. Check the time on your device and try the current code.", fieldErrors: { code: "incorrect" } };
  redirect(`/${parsed.data.orgSlug}`);
}
