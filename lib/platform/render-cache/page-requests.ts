import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { ORG_SLUG } from "@/lib/platform/auth/org-slug";

/**
 * The dashboard pages a render may be kept for: what a team opens all morning and a manager reloads while reporting,
 * each reading only its org's data and writing nothing of its own when warm. Other pages (settings, planning, forms,
 * the printable report) are always rendered.
 */
const DASHBOARD_PAGES = new Set([
  "",
  "sprints",
  "errors",
  "releases",
  "performance",
  "insights",
  "insights/sprints",
  "insights/forecasts",
  "insights/quality",
]);
const DASHBOARD_PATH = /^\/([^/]+)(?:\/([a-z]+(?:\/[a-z]+)?))?$/;

/** Headers Next.js's client router sends for its own fetches (RSC payloads, prefetches, server actions). */
const ROUTER_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
  "next-action",
];

export type PageRequest = {
  /** Same browser session, same page, same query: same key. Every cookie counts, the session's above all. */
  key: string;
  orgSlug: string;
  acceptsGzip: boolean;
};

/** A full-document GET of a dashboard page by a browser with a session, or null for anything else. */
export function dashboardPageRequest(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
) {
  if (method !== "GET" || !url || !headers.cookie) return null;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  const match = DASHBOARD_PATH.exec(path);
  if (!match || !ORG_SLUG.test(match[1]!) || !DASHBOARD_PAGES.has(match[2] ?? "")) return null;
  if (query !== -1 && new URLSearchParams(url.slice(query + 1)).has("_rsc")) return null;
  const key = createHash("sha256")
    .update(`${headers.host ?? ""}\n${url}\n${headers.cookie}`)
    .digest("base64url");
  return { key, orgSlug: match[1]!, acceptsGzip: acceptsGzip(headers["accept-encoding"]) } satisfies PageRequest;
}

/** Whether the client takes gzip (`gzip` listed, and not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((entry) => {
    const [coding, ...params] = entry.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}
