/**
 * What a gate's panel says about it: the gate's own status, and once approved, how the signed request went (the
 * outbox intent that carries it). Pure, so every combination is tested.
 */
export type GateStatus = "recommended" | "approved" | "sent" | "failed" | "dismissed";
export type IntentState = { status: string; lastError: string | null; nextAttemptAt: Date | null } | null;

export type GateView =
  | { state: "recommended" }
  | { state: "dismissed"; reason: string }
  | { state: "sending"; detail: string }
  | { state: "sent"; detail: string }
  | { state: "failed"; detail: string };

export function describeGateStatus({
  status,
  dismissReason,
  responseStatus,
  responseBody,
  intent,
}: {
  status: GateStatus;
  dismissReason: string | null;
  responseStatus: number | null;
  responseBody: string | null;
  intent: IntentState;
}): GateView {
  if (status === "recommended") return { state: "recommended" };
  if (status === "dismissed") return { state: "dismissed", reason: dismissReason ?? "no reason recorded" };
  const answer = responseStatus === null ? "" : ` with ${responseStatus}${responseBody ? `: ${responseBody}` : ""}`;
  if (status === "sent") return { state: "sent", detail: `The deployment hook answered${answer}.` };
  if (status === "failed" || intent?.status === "failed" || intent?.status === "dead")
    return { state: "failed", detail: `The request failed: ${intent?.lastError ?? "no answer recorded"}.` };
  if (intent?.status === "pending" && intent.lastError)
    return {
      state: "sending",
      detail: `Not delivered yet (${intent.lastError}); Bosun retries${intent.nextAttemptAt ? ` at ${intent.nextAttemptAt.toISOString().slice(11, 19)} UTC` : ""} with the same idempotency key.`,
    };
  return { state: "sending", detail: "Approved; the signed request is on its way." };
}
