import "server-only";
import { formatSeconds, isRedirect, REDIRECT_NOT_FOLLOWED, summarizeUpstreamText } from "@/lib/integrations/http";
import { requestUpstream } from "@/lib/integrations/upstream-request";
import type { RollbackHookAnswer } from "./types";

/** A hook's answer is a status line, not a document: more than this is not read. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** What is kept of the answer's text, for the gate's panel and the audit log. */
export const MAX_STORED_ANSWER = 500;

/** A non-2xx answer, carrying its status so the outbox can tell a refusal (4xx) from an outage (5xx). */
export class RollbackHookError extends Error {
  override name = "RollbackHookError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Sends one signed rollback request (headers and body already made) under the outbound policy: pinned agents
 * that refuse internal addresses the operator has not allowed, no redirects, a bounded answer, and a timeout. A
 * timeout or a dropped connection throws the transport's error, which the outbox retries; the receiver sees the
 * same Idempotency-Key again and acts once.
 */
export async function sendRollbackRequest({
  url,
  headers,
  body,
  timeoutMs,
}: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}): Promise<RollbackHookAnswer> {
  let answer;
  try {
    answer = await requestUpstream({ url, method: "POST", headers, body, timeoutMs, maxBytes: MAX_ANSWER_BYTES });
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError")
      throw Object.assign(new Error(`the rollback hook did not answer within ${formatSeconds(timeoutMs)}`), {
        name: "TimeoutError",
        cause: error,
      });
    throw error;
  }
  const text = summarizeUpstreamText(answer.text, MAX_STORED_ANSWER) ?? "";
  if (answer.status >= 200 && answer.status < 300) return { status: answer.status, body: text };
  const why = isRedirect(answer.status) ? REDIRECT_NOT_FOLLOWED : text || "no explanation";
  throw new RollbackHookError(`the rollback hook answered ${answer.status}: ${why}`, answer.status);
}
