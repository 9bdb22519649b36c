import type { IngestBreadcrumb, IngestRequest, SentryEvent } from "../../seed/sentry-types";
import { iso } from "../time-range";

/**
 * The `breadcrumbs` and `request` entries of Sentry's event detail, from the
 * SDK-shaped event: crumb timestamps become ISO strings, the query string,
 * headers and cookies become `[key, value]` pairs, as Sentry serializes them.
 */

function pairs(text: string, separator: string): [string, string][] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const at = part.indexOf("=");
      return at === -1 ? [part, ""] : [part.slice(0, at), part.slice(at + 1)];
    });
}

export function breadcrumbsEntry(event: SentryEvent) {
  if (!event.breadcrumbs || event.breadcrumbs.length === 0) return null;
  return {
    type: "breadcrumbs",
    data: {
      values: event.breadcrumbs.map((b) => ({
        type: b.type ?? "default",
        category: b.category ?? null,
        level: b.level ?? "info",
        message: b.message ?? null,
        data: b.data ?? null,
        timestamp: iso(Math.round(b.timestamp * 1000)),
        event_id: null,
      })),
    },
  };
}

export function requestEntry(event: SentryEvent) {
  const request = event.request;
  if (!request) return null;
  const headers = Object.entries(request.headers ?? {});
  const cookieHeader = headers.find(([key]) => key.toLowerCase() === "cookie")?.[1];
  return {
    type: "request",
    data: {
      apiTarget: null,
      method: request.method ?? null,
      url: request.url ?? null,
      query: pairs(request.query_string ?? "", "&"),
      fragment: null,
      data: null,
      headers: headers.sort(([a], [b]) => a.localeCompare(b)),
      cookies: pairs(request.cookies ?? cookieHeader ?? "", ";"),
      env: null,
      inferredContentType: null,
    },
  };
}

type Payload = Record<string, unknown>;
const isObject = (value: unknown): value is Payload =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === "string" ? value : undefined);

/** An SDK event's breadcrumbs (a list, or `{values}`), kept as sent; crumbs without a usable time are dropped. */
export function breadcrumbsFromPayload(payload: Payload): IngestBreadcrumb[] | undefined {
  const raw = Array.isArray(payload.breadcrumbs)
    ? payload.breadcrumbs
    : isObject(payload.breadcrumbs) && Array.isArray(payload.breadcrumbs.values)
      ? payload.breadcrumbs.values
      : null;
  if (!raw) return undefined;
  return raw.filter(isObject).flatMap((b) => {
    const timestamp = typeof b.timestamp === "number" ? b.timestamp : Date.parse(str(b.timestamp) ?? "") / 1000;
    if (!Number.isFinite(timestamp)) return [];
    return [
      {
        timestamp,
        type: str(b.type),
        category: str(b.category),
        level: str(b.level),
        message: str(b.message),
        data: isObject(b.data) ? b.data : undefined,
      },
    ];
  });
}

/** An SDK event's request: headers as an object or `[key, value]` pairs, the query string as text or pairs. */
export function requestFromPayload(payload: Payload): IngestRequest | undefined {
  const request = payload.request;
  if (!isObject(request)) return undefined;
  const pairsOf = (value: unknown): [string, string][] =>
    Array.isArray(value)
      ? value
          .filter((p): p is [string, string] => Array.isArray(p) && p.length === 2)
          .map(([k, v]) => [String(k), String(v)])
      : isObject(value)
        ? Object.entries(value).map(([k, v]) => [k, String(v)])
        : [];
  const query = request.query_string;
  return {
    url: str(request.url),
    method: str(request.method),
    query_string:
      typeof query === "string"
        ? query
        : pairsOf(query)
            .map(([k, v]) => `${k}=${v}`)
            .join("&") || undefined,
    headers: Object.fromEntries(pairsOf(request.headers)),
    cookies:
      typeof request.cookies === "string"
        ? request.cookies
        : pairsOf(request.cookies)
            .map(([k, v]) => `${k}=${v}`)
            .join("; ") || undefined,
  };
}
