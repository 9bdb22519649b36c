import type { EmulatorRequest } from "../common/http";
import { BadRequest } from "./errors";

/**
 * Sentry cursor paging: `cursor=value:offset:is_prev` in, a `Link` header out
 * with `rel="previous"` and `rel="next"` entries whose `results` say whether
 * following them returns anything.
 */

export type Page<T> = { items: T[]; headers: Record<string, string> };

export function parseCursor(raw: string | null): number {
  if (raw === null || raw === "") return 0;
  const m = /^(-?\d+):(\d+):([01])$/.exec(raw);
  if (!m) throw new BadRequest("Invalid cursor parameter.");
  return Number(m[2]);
}

export function parseLimit(raw: string | null, fallback: number, max = 100): number {
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new BadRequest(`Invalid per_page/limit: ${JSON.stringify(raw)}`);
  return Math.min(n, max);
}

function linkFor(req: EmulatorRequest, cursor: string, rel: string, hasResults: boolean): string {
  const host = req.headers.host ?? "127.0.0.1";
  const params = [...req.query]
    .filter(([key]) => key !== "cursor")
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  // Sentry leaves the cursor's colons unescaped in its links.
  params.push(`cursor=${cursor}`);
  return `<http://${host}${req.url.pathname}?${params.join("&")}>; rel="${rel}"; results="${hasResults}"; cursor="${cursor}"`;
}

export function paginate<T>(
  req: EmulatorRequest,
  all: readonly T[],
  limit: number,
  extraHeaders: Record<string, string> = {},
): Page<T> {
  const offset = parseCursor(req.query.get("cursor"));
  const items = all.slice(offset, offset + limit);
  const previous = linkFor(req, `0:${Math.max(0, offset - limit)}:1`, "previous", offset > 0);
  const next = linkFor(req, `0:${offset + limit}:0`, "next", offset + limit < all.length);
  return { items, headers: { link: `${previous}, ${next}`, ...extraHeaders } };
}
