import { createHmac, timingSafeEqual } from "node:crypto";
import type { EmulatorRequest, EmulatorResponse } from "../common/http";
import type { MailStore } from "./store";

/** The secret the demo org's rollback hook signs with. */
export const DEMO_ROLLBACK_SECRET = "demo-rollback-secret";
/** Requests older or newer than this are replays or clock trouble. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

const header = (req: EmulatorRequest, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, as Bosun signs it. */
export function signRollback(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

function signatureMatches(expected: string, given: string) {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A deployment system's rollback endpoint: checks the signature and the
 * timestamp, answers a repeated Idempotency-Key with its first answer without
 * recording it again, and accepts anything else with a rollback id.
 */
export function createRollbackReceiver({
  store,
  secret,
  now = () => Date.now(),
}: {
  store: MailStore;
  secret: string;
  now?: () => number;
}) {
  return (req: EmulatorRequest): EmulatorResponse => {
    const timestamp = header(req, "x-bosun-timestamp") ?? "";
    const signature = header(req, "x-bosun-signature") ?? "";
    const idempotencyKey = header(req, "idempotency-key") ?? "";
    if (!/^\d{1,12}$/.test(timestamp))
      return { status: 401, body: { error: "missing or malformed X-Bosun-Timestamp" } };
    if (Math.abs(now() / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS)
      return { status: 401, body: { error: "X-Bosun-Timestamp is more than 5 minutes away" } };
    if (!signatureMatches(signRollback(secret, timestamp, req.rawBody), signature))
      return { status: 401, body: { error: "X-Bosun-Signature does not match" } };
    if (!idempotencyKey) return { status: 400, body: { error: "Idempotency-Key is required" } };
    let body: unknown;
    try {
      body = JSON.parse(req.rawBody);
    } catch {
      return { status: 400, body: { error: "body is not valid JSON" } };
    }
    const earlier = store.findRollback(idempotencyKey);
    if (earlier) {
      earlier.deliveries++;
      return { status: 200, body: earlier.answer.body };
    }
    const recorded = store.addRollback({
      idempotencyKey,
      receivedAt: new Date(now()).toISOString(),
      headers: { timestamp, signature },
      body,
    });
    return { status: recorded.answer.status, body: recorded.answer.body };
  };
}
