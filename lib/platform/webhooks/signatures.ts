import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signature checks, in constant time over the raw body bytes. Pure
 * (the caller passes `now`), so every rejection path is unit-tested.
 */
export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

function safeEqualHex(expectedHex: string, givenHex: string): boolean {
  const expected = Buffer.from(expectedHex, "hex");
  const given = Buffer.from(givenHex, "hex");
  return given.length === expected.length && timingSafeEqual(expected, given);
}

const hmacHex = (secret: string, data: string) => createHmac("sha256", secret).update(data, "utf8").digest("hex");

/** What a check with a timestamp needs: the header(s), the raw body, the secret, the clock and how far off it may be. */
type TimedCheck = { header: string | null; body: string; secret: string; now: number; toleranceMs?: number };

/** WorkOS: `WorkOS-Signature: t=<ms>, v1=<hex HMAC-SHA256("<t>.<body>")>`, rejected when older than the tolerance. */
export function verifyWorkosSignature({
  header,
  body,
  secret,
  now,
  toleranceMs = 180_000,
}: TimedCheck): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const parts = Object.fromEntries(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  const signature = parts.v1;
  if (!Number.isFinite(timestamp) || !signature || !/^[0-9a-f]+$/i.test(signature))
    return { ok: false, reason: "malformed" };
  if (Math.abs(now - timestamp) > toleranceMs) return { ok: false, reason: "stale" };
  return safeEqualHex(hmacHex(secret, `${parts.t}.${body}`), signature)
    ? { ok: true }
    : { ok: false, reason: "mismatch" };
}

type HubCheck = { header: string | null; body: string; secret: string };

/**
 * `sha256=<hex HMAC-SHA256(body)>`, the form GitHub (`X-Hub-Signature-256`) and Jira's admin webhooks
 * (`X-Hub-Signature`) share. No timestamp, so replays are caught by delivery id.
 */
function verifyHubSignature({ header, body, secret }: HubCheck): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return { ok: false, reason: "malformed" };
  return safeEqualHex(hmacHex(secret, body), match[1]) ? { ok: true } : { ok: false, reason: "mismatch" };
}

/** GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(body)>`. */
export const verifyGithubSignature = (check: HubCheck): SignatureCheck => verifyHubSignature(check);

/** Jira admin webhooks registered with a secret: `X-Hub-Signature: sha256=<hex HMAC-SHA256(body)>`. */
export const verifyJiraSignature = (check: HubCheck): SignatureCheck => verifyHubSignature(check);

/** Sentry: `Sentry-Hook-Signature: <hex HMAC-SHA256(body)>`, with `Sentry-Hook-Timestamp` in seconds. */
export function verifySentrySignature({
  header,
  timestampHeader,
  body,
  secret,
  now,
  toleranceMs = 300_000,
}: TimedCheck & { timestampHeader: string | null }): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  if (!/^[0-9a-f]{64}$/i.test(header.trim())) return { ok: false, reason: "malformed" };
  const seconds = Number(timestampHeader);
  if (!timestampHeader || !Number.isFinite(seconds)) return { ok: false, reason: "malformed" };
  if (Math.abs(now - seconds * 1000) > toleranceMs) return { ok: false, reason: "stale" };
  return safeEqualHex(hmacHex(secret, body), header.trim()) ? { ok: true } : { ok: false, reason: "mismatch" };
}
