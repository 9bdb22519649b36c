import "server-only";
import { summarizeUpstreamText } from "../http";
import type { SentryCursors } from "./types";

/** Pure readers of Sentry's wire formats: pagination links and error bodies. */

/**
 * Reads `<url>; rel="next"; results="true"; cursor="0:100:0", …`. A cursor is
 * kept only when `results="true"`: Sentry always sends both links, and
 * following one marked `results="false"` returns an empty page.
 */
export function parseLinkHeader(header: string | null): SentryCursors {
  const cursors: SentryCursors = { next: null, previous: null };
  if (!header) return cursors;
  for (const entry of header.split(/,\s*(?=<)/)) {
    const url = /^\s*<([^>]*)>/.exec(entry)?.[1];
    const attributes = new Map(
      [...entry.matchAll(/;\s*([\w-]+)\s*=\s*"?([^";]*)"?/g)].map(([, key = "", value = ""]) => [
        key.toLowerCase(),
        value,
      ]),
    );
    const rel = attributes.get("rel");
    if ((rel !== "next" && rel !== "previous") || attributes.get("results") !== "true") continue;
    cursors[rel] = attributes.get("cursor") || cursorFromUrl(url);
  }
  return cursors;
}

function cursorFromUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).searchParams.get("cursor");
  } catch {
    return null;
  }
}

/**
 * Sentry's own words from an error body: `{detail}` mostly, `{field: [messages]}`
 * for invalid input. Plain text only and bounded, since members see it.
 */
export function sentryErrorDetail(body: unknown): string | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const { detail } = body as { detail?: unknown };
  if (typeof detail === "string") return summarizeUpstreamText(detail);
  const messages = Object.entries(body).flatMap(([field, value]) =>
    Array.isArray(value) &&
    value.every((item) => typeof item === "string") &&
    value.length > 0 &&
    value.every((item) => summarizeUpstreamText(item) !== null)
      ? [`${field}: ${value.join(" ")}`]
      : [],
  );
  return messages.length > 0 ? summarizeUpstreamText(messages.join(" ")) : null;
}
