import "server-only";
import {
  formatUpstreamHeadline,
  parseUpstreamErrorText,
  translateUpstreamError,
  type UpstreamContext,
  type UpstreamMessage,
} from "@/lib/domain/upstream-messages";
import type { IntegrationError } from "./integration-error";

/** An upstream failure as people see it: the plain explanation first, the technical text kept for "Details". */
export type ShownUpstreamError = UpstreamMessage & {
  /** One line: what happened — what to do. */
  headline: string;
  /** The error's own text, for logs, the audit log and a "Details" disclosure. */
  technical: string;
};

/**
 * Explains an IntegrationError in plain sentences. Pass what the caller knows that the error does not (the
 * org's Jira project keys, the issue at hand), so "no such version" can say where Bosun looked.
 */
export function describeIntegrationError(error: IntegrationError, context: UpstreamContext = {}): ShownUpstreamError {
  // "Jira answered 400: <Jira's words>": the translator reads Jira's words, not Bosun's prefix.
  const words =
    error.status === undefined ? error.message : (parseUpstreamErrorText(error.message)?.message ?? error.message);
  const message = translateUpstreamError(
    {
      service: error.service,
      reason: error.reason,
      status: error.status,
      code: error.code,
      retryAfterSeconds: error.retryAfterSeconds,
      message: words,
    },
    context,
  );
  return { ...message, headline: formatUpstreamHeadline(message), technical: error.message };
}

/**
 * The one line to show where a page or tool used to show `error.message`: the plain headline, then the
 * technical text in brackets.
 */
export function integrationErrorText(error: IntegrationError, context: UpstreamContext = {}): string {
  const { headline, technical } = describeIntegrationError(error, context);
  return `${headline} (${technical})`;
}
