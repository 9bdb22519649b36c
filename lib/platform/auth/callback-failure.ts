import "server-only";
import { NextResponse } from "next/server";
import { logger } from "@/lib/platform/observability/logger";
import { describeFailure } from "@/lib/platform/outbox/retry-policy";

/**
 * How a failed sign-in callback is answered. What the browser brought wrong —
 * missing or forged parameters, a tampered or expired state, a code WorkOS
 * refuses — is a 400 that says to sign in again. Anything else (WorkOS or the
 * database unreachable) stays a 500, logged, because it is ours to fix.
 */
export function answerCallbackFailure(error: unknown): Response {
  const { name, status } = describeFailure(error);
  const isClientError =
    name === "CallbackError" || name === "ValiError" || (status !== undefined && status >= 400 && status < 500);
  if (isClientError)
    return NextResponse.json(
      { error: "sign_in_failed", message: "This sign-in link is incomplete, expired or already used. Sign in again." },
      { status: 400 },
    );
  logger.error({ err: error }, "sign-in callback failed");
  return NextResponse.json(
    { error: "sign_in_unavailable", message: "Signing in failed on our side. Try again in a moment." },
    { status: 500 },
  );
}
