import "server-only";
import { HttpException } from "jira.js";
import { z } from "zod";
import { IntegrationError } from "@/lib/integrations/integration-error";
import {
  formatMegabytes,
  isRedirect,
  parseRetryAfter,
  reasonForStatus,
  REDIRECT_NOT_FOLLOWED,
  summarizeUpstreamText,
  UPSTREAM_MAX_BODY_BYTES,
} from "../http";
import { ANSWER_TOO_LARGE, findUpstreamRefusal, UpstreamAddressRefusedError } from "../upstream-errors";
import { blockedAddressError, noAnswerError } from "../call-errors";
import type { JiraAccount, JiraIssueSummary, JiraSiteInfo } from "./types";

/**
 * Pure mapping from what Jira and jira.js hand back to Bosun's types. Answers
 * are read as `unknown`: a wrong site URL can answer 200 with an HTML page, and
 * jira.js passes that through typed as a user.
 */

const userSchema = z.object({
  accountId: z.string().min(1),
  displayName: z.string().optional(),
  // Hidden by the person's privacy settings: absent, null or "".
  emailAddress: z.string().nullish(),
});

/** The account behind the API token, or null when the answer is not a Jira user. */
export function toJiraAccount(answer: unknown): JiraAccount | null {
  const parsed = userSchema.safeParse(answer);
  if (!parsed.success) return null;
  const { accountId, displayName, emailAddress } = parsed.data;
  return { accountId, displayName: displayName || emailAddress || accountId, email: emailAddress || null };
}

const serverInfoSchema = z.object({
  baseUrl: z.string().min(1),
  serverTitle: z.string().optional(),
  deploymentType: z.string().optional(),
  version: z.string().optional(),
});

/** The site as `/serverInfo` describes it, or null when the answer is not Jira's. */
export function toJiraSiteInfo(answer: unknown): JiraSiteInfo | null {
  const parsed = serverInfoSchema.safeParse(answer);
  if (!parsed.success) return null;
  const { baseUrl, serverTitle, deploymentType, version } = parsed.data;
  return { baseUrl, title: serverTitle || "Jira", deploymentType: deploymentType ?? null, version: version ?? null };
}

const errorCollectionSchema = z.object({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
});

/**
 * Jira's own words from an ErrorCollection body (`{errorMessages, errors}`),
 * if it sent one: plain text only and bounded, since members see it.
 */
export function jiraErrorDetail(body: unknown): string | null {
  const parsed = errorCollectionSchema.safeParse(body);
  if (!parsed.success) return null;
  const { errorMessages = [], errors = {} } = parsed.data;
  const messages = [
    ...errorMessages,
    ...Object.entries(errors).map(([field, message]) => `${field}: ${message}`),
  ].filter((message) => summarizeUpstreamText(message) !== null);
  return messages.length > 0 ? summarizeUpstreamText(messages.join(" ")) : null;
}

type HttpAnswer = { status: number; headers: Record<string, unknown>; data: unknown };

/** jira.js wraps an HTTP answer in HttpException and keeps the axios error, with the headers, as its cause. */
function httpAnswer(error: unknown): HttpAnswer | null {
  if (!(error instanceof HttpException)) return null;
  const response = (error.cause as { response?: Partial<HttpAnswer> } | undefined)?.response;
  if (typeof response?.status !== "number") return null;
  return { status: response.status, headers: response.headers ?? {}, data: response.data };
}

/** axios's own refusal past maxContentLength, which carries no code of its own. */
function isAxiosTooLarge(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === "ERR_BAD_RESPONSE" &&
    typeof message === "string" &&
    /^maxContentLength size of \d+ exceeded$/.test(message)
  );
}

/** The outbound policy's refusals (lib/integrations/upstream-policy.ts), or null for any other failure. */
function refusalError(error: unknown): IntegrationError | null {
  const refusal = findUpstreamRefusal(error);
  if (refusal instanceof UpstreamAddressRefusedError) return blockedAddressError("jira", refusal, error);
  if (!refusal && !isAxiosTooLarge(error)) return null;
  const message = `Jira's answer was larger than ${formatMegabytes(UPSTREAM_MAX_BODY_BYTES)}, so Bosun stopped reading it`;
  return new IntegrationError({
    service: "jira",
    reason: "invalid_response",
    code: ANSWER_TOO_LARGE,
    message,
    cause: error,
  });
}

/** Turns whatever a jira.js call rejected with into an IntegrationError whose message is safe to show. */
export function toIntegrationError(error: unknown, now: number): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const refused = refusalError(error);
  if (refused) return refused;
  const answer = httpAnswer(error);
  if (answer) {
    const detail = isRedirect(answer.status) ? REDIRECT_NOT_FOLLOWED : jiraErrorDetail(answer.data);
    return new IntegrationError({
      service: "jira",
      reason: reasonForStatus(answer.status),
      status: answer.status,
      retryAfterSeconds: parseRetryAfter(answer.headers["retry-after"], now),
      message: `Jira answered ${answer.status}${detail ? `${isRedirect(answer.status) ? "," : ":"} ${detail}` : ""}`,
      cause: error,
    });
  }
  return noAnswerError("jira", error);
}

const issueSummarySchema = z.object({
  key: z.string().min(1),
  fields: z.object({
    summary: z.string().default(""),
    status: z.object({ name: z.string() }).optional(),
    issuetype: z.object({ name: z.string() }).optional(),
  }),
});

/** One search hit as Bosun shows it, or null when the answer is not an issue. */
export function toIssueSummary(answer: unknown): JiraIssueSummary | null {
  const parsed = issueSummarySchema.safeParse(answer);
  if (!parsed.success) return null;
  const { key, fields } = parsed.data;
  return {
    key,
    summary: fields.summary,
    status: fields.status?.name ?? "Unknown",
    type: fields.issuetype?.name ?? null,
  };
}
