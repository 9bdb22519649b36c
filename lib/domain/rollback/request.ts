import { createHmac } from "node:crypto";

/**
 * The signed request Bosun sends to an org's deployment hook when a manager approves a rollback. The body is fixed
 * at approval (its fields in this order, so the same approval always serialises to the same bytes); the timestamp
 * and signature are made at each send, so a retry hours later is still inside the receiver's replay window, while
 * the Idempotency-Key stays the same and the receiver acts once.
 */
export type RollbackRequestBody = {
  type: "rollback.requested";
  id: string;
  org: string;
  release: string;
  environment: string;
  previousRelease: string | null;
  reason: string;
  approvedBy: string;
  approvedAt: string;
};

export function buildRollbackBody(input: Omit<RollbackRequestBody, "type">): string {
  const body: RollbackRequestBody = {
    type: "rollback.requested",
    id: input.id,
    org: input.org,
    release: input.release,
    environment: input.environment,
    previousRelease: input.previousRelease,
    reason: input.reason,
    approvedBy: input.approvedBy,
    approvedAt: input.approvedAt,
  };
  return JSON.stringify(body);
}

/** Hex HMAC-SHA256 of `<timestamp>.<body>` under the hook's secret. */
export function signRollbackBody({ secret, timestamp, body }: { secret: string; timestamp: number; body: string }) {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** Unix seconds, as the X-Bosun-Timestamp header carries them. */
export const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

export type SignedRollbackRequest = { headers: Record<string, string>; body: string };

/** The headers and body of one send: everything but the URL. */
export function signRollbackRequest({
  secret,
  body,
  idempotencyKey,
  at,
}: {
  secret: string;
  body: string;
  idempotencyKey: string;
  at: Date;
}): SignedRollbackRequest {
  const timestamp = unixSeconds(at);
  return {
    headers: {
      "Content-Type": "application/json",
      "X-Bosun-Timestamp": String(timestamp),
      "X-Bosun-Signature": `sha256=${signRollbackBody({ secret, timestamp, body })}`,
      "Idempotency-Key": idempotencyKey,
    },
    body,
  };
}

/** The outbox key of a gate's request: a retry, a second click or a second process all carry this one. */
export const rollbackIdempotencyKey = (gateId: string) => `rollback:${gateId}`;

/** The Jira blocker's outbox key: one per release and environment, however often the gate is re-evaluated. */
export const rollbackBlockerKey = (release: string, environment: string) =>
  `rollback-blocker:${release}:${environment}`;
