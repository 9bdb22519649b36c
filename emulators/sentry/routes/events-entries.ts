import type { SentryEvent } from "../../seed/sentry-types";
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
