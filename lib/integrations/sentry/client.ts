import "server-only";
import { IntegrationError } from "@/lib/errors";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import { classifyTransportError, parseRetryAfter, reasonForStatus } from "../http";
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
  write<T>(method: "PUT" | "POST" | "DELETE", path: string, options?: { query?: SentryQuery; body?: unknown }): Promise<SentryResponse<T | null>>;
};

export function createSentryClient({ baseUrl, organizationSlug, authToken, requestId, timeoutMs = SENTRY_TIMEOUT_MS }: SentryClientConfig): SentryClient {
  const apiRoot = `${baseUrl.replace(/\/+$/, "")}/api/0`;
  const headers: Record<string, string> = { accept: "application/json", authorization: `Bearer ${authToken}` };
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;

  async function call<T>(method: string, path: string, query: SentryQuery, body: unknown, allowEmpty: boolean): Promise<SentryResponse<T>> {
    const init = body === undefined ? { method, headers } : { method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
    const answer = await send(`${apiRoot}${path}${toSearch(query)}`, init, timeoutMs);
    const json = parseJson(answer.text);
    if (answer.status < 200 || answer.status > 299) {
      const detail = sentryErrorDetail(json);
      throw new IntegrationError({
        service: "sentry",
        reason: reasonForStatus(answer.status),
        status: answer.status,
        retryAfterSeconds: parseRetryAfter(answer.headers.get("retry-after"), Date.now()),
        message: `Sentry answered ${answer.status} to ${method} ${path}${detail ? `: ${detail}` : ""}`,
      });
    }
    if (json === undefined && !allowEmpty) {
      throw new IntegrationError({ service: "sentry", reason: "invalid_response", status: answer.status, message: `Sentry answered ${answer.status} to ${method} ${path} without a JSON body` });
    }
    return { data: (json ?? null) as T, cursors: parseLinkHeader(answer.headers.get("link")) };
  }

  return {
    organizationSlug,
    get: <T>(path: string, query: SentryQuery = {}) => call<T>("GET", path, query, undefined, false),
    write: <T>(method: "PUT" | "POST" | "DELETE", path: string, { query = {}, body }: { query?: SentryQuery; body?: unknown } = {}) => call<T | null>(method, path, query, body, true),
  };
}

type Answer = { status: number; headers: Headers; text: string };

async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Answer> {
  try {
    // Upstream reads are cached in the database with their age, never in Next's data cache.
    const response = await fetch(url, { ...init, cache: "no-store", signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    const transport = classifyTransportError(error);
    throw new IntegrationError({
      service: "sentry",
      reason: transport?.reason ?? "unexpected",
      code: transport?.code,
      message: transport ? `No answer from Sentry (${transport.code})` : `Sentry call failed: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
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
