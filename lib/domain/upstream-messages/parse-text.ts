import type { UpstreamFailure, UpstreamFailureReason, UpstreamService } from "./types";

/**
 * Stored errors (a run's error, an outbox write's lastError, a delivery's error) keep only the text an
 * IntegrationError carried. These read the service, status and network code back out of that text, so
 * stored failures get the same plain explanation as live ones.
 */

const SERVICES: Record<string, UpstreamService> = {
  jira: "jira",
  sentry: "sentry",
  workos: "workos",
  github: "github",
};
/** The service a message names; the patterns below match only these four names, so the fallback is never used. */
const serviceNamed = (name: string | undefined): UpstreamService => SERVICES[(name ?? "").toLowerCase()] ?? "jira";

const ANSWERED = /\b(Jira|Sentry|WorkOS|GitHub) answered (\d{3})(?: to [A-Z]+ \S+?)?(?:[,:]\s*([\s\S]*))?$/;
const NO_ANSWER = /\bNo answer from (Jira|Sentry|WorkOS|GitHub) \(([\w.-]+)\)/;
const CALL_FAILED = /\b(Jira|Sentry|WorkOS|GitHub) call failed: ([\s\S]*)$/;
const BLOCKED = /add it to BOSUN_ALLOWED_UPSTREAM_HOSTS/;
const TIMEOUT_CODE = /TIMEOUT|TIMEDOUT|ECONNABORTED|TimeoutError|AbortError/i;

/** The reason an HTTP status means, as every integration reads it. */
export function reasonForHttpStatus(status: number): UpstreamFailureReason {
  if (status === 400 || status === 422) return "bad_request";
  if (status === 401) return "bad_credentials";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "unexpected";
}

/**
 * Bosun appends its own advice after an em dash ("… — retry it, or …") and joins several steps' failures with
 * "; "; the service's words are the first failure, up to the advice.
 */
function firstFailure(text: string): string {
  const [first = ""] = text.split(/;\s+(?=[A-Z][^:]*:\s)/);
  return first.split(" — ")[0] ?? first;
}

/** Bosun's words before the service's ("Create the bug", "gave up after 24 h of retries"), if any. */
function leadBefore(text: string, index: number): { lead?: string } {
  const lead = text.slice(0, index).replace(/[\s:;,(—-]+$/, "");
  return lead ? { lead } : {};
}

/** The failure a stored error text describes, or null when the text is not an upstream failure. */
export function parseUpstreamErrorText(fullText: string, fallbackService?: UpstreamService): UpstreamFailure | null {
  const text = firstFailure(fullText);
  const answered = ANSWERED.exec(text);
  if (answered) {
    const status = Number(answered[2]);
    return {
      service: serviceNamed(answered[1]),
      reason: reasonForHttpStatus(status),
      status,
      message: (answered[3] ?? "").trim(),
      ...leadBefore(text, answered.index),
    };
  }
  const noAnswer = NO_ANSWER.exec(text);
  if (noAnswer) {
    const code = noAnswer[2] ?? "";
    return {
      ...leadBefore(text, noAnswer.index),
      service: serviceNamed(noAnswer[1]),
      reason: TIMEOUT_CODE.test(code) ? "timeout" : "unreachable",
      code,
      message: text,
    };
  }
  if (BLOCKED.test(text) && fallbackService)
    return { service: fallbackService, reason: "blocked_address", message: text };
  const failed = CALL_FAILED.exec(text);
  if (failed)
    return {
      service: serviceNamed(failed[1]),
      reason: "unexpected",
      message: (failed[2] ?? "").trim(),
      ...leadBefore(text, failed.index),
    };
  return null;
}
