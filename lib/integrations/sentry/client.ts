import "server-only";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { REQUEST_ID_HEADER } from "@/lib/platform/observability/request-id";
import { formatMegabytes, isRedirect, parseRetryAfter, reasonForStatus, REDIRECT_NOT_FOLLOWED } from "../http";
import { findUpstreamRefusal, UpstreamAddressRefusedError } from "../upstream-errors";
import { blockedAddressError, noAnswerError } from "../call-errors";
import { requestUpstream, type UpstreamAnswer, type UpstreamRequest } from "../upstream-request";
import { parseLinkHeader, sentryErrorDetail } from "./transform";
import type { SentryClientConfig, SentryQuery, SentryResponse } from "./types";

export const SENTRY_TIMEOUT_MS = 10_000;

export type SentryClient = {
  organizationSlug: string;
  /**
   * GETs a path under /api/0 (ending in "/", like all of Sentry's). Pagination
   * is the caller's choice: pass `cursors.next` back as the `cursor` parameter.
   * Throws IntegrationError for anything but a 2xx JSON answer.
   */
  get<T>(path: string, query?: SentryQuery): Promise<SentryResponse<T>>;
  /** A write (PUT/POST/DELETE) with a JSON body; a 204 answers `data: null`. */
  write<T>(
    method: "PUT" | "POST" | "DELETE",
    path: string,
    options?: { query?: SentryQuery; body?: unknown },
  ): Promise<SentryResponse<T | null>>;
};

export function createSentryClient({
  baseUrl,
  organizationSlug,
  authToken,
  requestId,
  timeoutMs = SENTRY_TIMEOUT_MS,
}: SentryClientConfig): SentryClient {
  const apiRoot = `${baseUrl.replace(/\/+$/, "")}/api/0`;
  const headers: Record<string, string> = { accept: "application/json", authorization: `Bearer ${authToken}` };
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;

  async function call<T>(
    method: string,
    path: string,
    query: SentryQuery,
    body: unknown,
    allowEmpty: boolean,
  ): Promise<SentryResponse<T>> {
    const request =
      body === undefined
        ? { method, headers }
        : { method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
    const answer = await send(
      { ...request, url: `${apiRoot}${path}${toSearch(query)}`, timeoutMs },
      `${method} ${path}`,
    );
    const json = parseJson(answer.text);
    if (answer.status < 200 || answer.status > 299) {
      const detail = isRedirect(answer.status) ? null : sentryErrorDetail(json);
      throw new IntegrationError({
        service: "sentry",
        reason: reasonForStatus(answer.status),
        status: answer.status,
        retryAfterSeconds: parseRetryAfter(answer.headers.get("retry-after"), Date.now()),
        message: `Sentry answered ${answer.status} to ${method} ${path}${isRedirect(answer.status) ? `, ${REDIRECT_NOT_FOLLOWED}` : detail ? `: ${detail}` : ""}`,
      });
    }
    if (json === undefined && !allowEmpty) {
      throw new IntegrationError({
        service: "sentry",
        reason: "invalid_response",
        status: answer.status,
        message: `Sentry answered ${answer.status} to ${method} ${path} without a JSON body`,
      });
    }
    return { data: (json ?? null) as T, cursors: parseLinkHeader(answer.headers.get("link")) };
  }

  return {
    organizationSlug,
    get: <T>(path: string, query: SentryQuery = {}) => call<T>("GET", path, query, undefined, false),
    write: <T>(
      method: "PUT" | "POST" | "DELETE",
      path: string,
      { query = {}, body }: { query?: SentryQuery; body?: unknown } = {},
    ) => call<T | null>(method, path, query, body, true),
  };
}

/** One exchange under the outbound policy (upstream-request.ts); every failure becomes an IntegrationError. */
async function send(request: UpstreamRequest, label: string): Promise<UpstreamAnswer> {
  try {
    return await requestUpstream(request);
  } catch (error) {
    const refusal = findUpstreamRefusal(error);
    if (refusal instanceof UpstreamAddressRefusedError) throw blockedAddressError("sentry", refusal, error);
    if (refusal) {
      const message = `Sentry's answer to ${label} was larger than ${formatMegabytes(refusal.limitBytes)}, so Bosun stopped reading it`;
      throw new IntegrationError({
        service: "sentry",
        reason: "invalid_response",
        code: refusal.code,
        message,
        cause: error,
      });
    }
    throw noAnswerError("sentry", error);
  }
}

function toSearch(query: SentryQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values: readonly (string | number | boolean)[] = typeof value === "object" ? value : [value];
    for (const item of values) params.append(key, String(item));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
