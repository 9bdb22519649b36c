import { createHash } from "node:crypto";

/**
 * A Message-ID derived from the write's idempotency key, so an e-mail the
 * outbox sends again after a lost answer carries the same id and mail clients
 * (and the catcher) can tell it is the same message, not a new one.
 */
export function messageIdFor({ orgId, idempotencyKey }: { orgId: string; idempotencyKey: string }): string {
  const digest = createHash("sha256").update(`${orgId}\n${idempotencyKey}`).digest("hex").slice(0, 40);
  return `<${digest}@notifications.bosun>`;
}

/** Header values must not carry line breaks (header injection); subjects are one line anyway. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ").trim();
}

/** The List-Unsubscribe headers for a one-click unsubscribe URL. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${oneLine(url)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * An SMTP failure as the outbox's retry policy reads it (an HTTP-like status):
 * a 5xx SMTP answer or refused credentials will fail the same way again (422,
 * 401); a 4xx answer ("try later") or no answer at all is worth another try (503).
 */
export function classifyMailFailure(error: unknown): Error & { status: number } {
  const failure = error as { status?: number; responseCode?: number; code?: string; message?: string };
  if (typeof failure.status === "number") return error as Error & { status: number };
  const message = `Sending e-mail failed: ${failure.message ?? String(error)}`;
  const status = failure.code === "EAUTH" ? 401 : failure.responseCode && failure.responseCode >= 500 ? 422 : 503;
  return Object.assign(new Error(message), { status });
}
