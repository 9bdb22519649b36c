import type { Random } from "./random";
import type { IngestBreadcrumb, IngestRequest, SentryIssue } from "./sentry-types";

/**
 * What surrounds a seeded event: the browser or runtime, the request, and the
 * breadcrumbs the SDK recorded before the error. Like real events they carry
 * personal data (the user's e-mail in a log line, client IPs, a bearer token
 * and cookies in request headers, a token in a URL), which Bosun must scrub
 * before anything leaves it.
 */

export type Client = { browser: string; browserVersion: string; os: string; osVersion: string };

export const BROWSERS: Client[] = [
  { browser: "Chrome", browserVersion: "131.0.0", os: "macOS", osVersion: "15.1" },
  { browser: "Chrome", browserVersion: "131.0.0", os: "Windows", osVersion: "11" },
  { browser: "Safari", browserVersion: "18.1", os: "iOS", osVersion: "18.1" },
  { browser: "Firefox", browserVersion: "133.0", os: "Windows", osVersion: "11" },
  { browser: "Edge", browserVersion: "131.0.0", os: "Windows", osVersion: "10" },
  { browser: "Chrome Mobile", browserVersion: "131.0.0", os: "Android", osVersion: "15" },
];

const IPS = ["203.0.113.24", "198.51.100.73", "192.0.2.145", "2001:db8:85a3::8a2e:370:7334", "203.0.113.190"];

export function clientIp(r: Random): string {
  return r.pick(IPS);
}

/** The page a web issue happened on, from its file (`app/(app)/[orgSlug]/voyages/page.tsx` → `voyages`). */
function pageOf(issue: SentryIssue): string {
  return /\/([a-z]+)\/page\.tsx$/.exec(String(issue.metadata.filename ?? ""))?.[1] ?? "dashboard";
}

/** `GET /api/voyages/:id` → method and a concrete path. */
function routeOf(issue: SentryIssue, r: Random): { method: string; path: string } {
  const m = /^(GET|POST|PUT|DELETE|PATCH) (\/\S+)$/.exec(issue.culprit);
  if (!m) return { method: "GET", path: "/api/health" };
  return {
    method: m[1] as string,
    path: (m[2] as string).replace(/:id\b/, String(r.int(1000, 99999))).replace(/:code\b/, "NLRTM"),
  };
}

export function requestOf(issue: SentryIssue, projectSlug: string, r: Random, orgSlug: string): IngestRequest | null {
  if (projectSlug === "worker") return null;
  if (projectSlug === "web")
    return {
      url: `https://app.${orgSlug}.example/${orgSlug}/${pageOf(issue)}`,
      method: "GET",
      query_string: `tab=overview&session=${r.int(100000, 999999)}`,
      headers: { Referer: `https://app.${orgSlug}.example/${orgSlug}/dashboard` },
    };
  const { method, path } = projectSlug === "bosun" ? { method: "GET", path: `/${orgSlug}/errors` } : routeOf(issue, r);
  return {
    url: `https://api.${orgSlug}.example${path}`,
    method,
    query_string: `api_key=live_${r.int(10_000_000, 99_999_999)}&page=1`,
    headers: {
      Authorization: `Bearer sk_live_${r.int(10_000_000, 99_999_999)}${r.int(10_000_000, 99_999_999)}`,
      Cookie: `session=${r.int(10_000_000, 99_999_999)}; theme=dark`,
      "X-Forwarded-For": clientIp(r),
      "User-Agent": "Mozilla/5.0",
    },
  };
}

/** Breadcrumbs, oldest first, ending a moment before `timestampMs`. */
export function breadcrumbsOf(
  issue: SentryIssue,
  projectSlug: string,
  r: Random,
  timestampMs: number,
  email: string | null,
  orgSlug: string,
): IngestBreadcrumb[] {
  const who = email ?? "anonymous";
  const type = String(issue.metadata.type ?? "Error");
  const crumbs: Omit<IngestBreadcrumb, "timestamp">[] =
    projectSlug === "worker"
      ? [
          {
            type: "default",
            category: "celery",
            level: "info",
            message: `Task ${String(issue.metadata.function)} received`,
          },
          {
            type: "query",
            category: "query",
            level: "info",
            message: "SELECT * FROM manifests WHERE synced_at IS NULL LIMIT 500",
          },
          {
            type: "http",
            category: "httplib",
            level: "info",
            data: {
              method: "GET",
              url: `https://partner.example/api/v2/positions?token=${r.int(100000, 999999)}`,
              status_code: 200,
            },
          },
          { type: "default", category: "logging", level: "warning", message: `Retrying for ${who} after a timeout` },
        ]
      : projectSlug === "web"
        ? [
            {
              type: "navigation",
              category: "navigation",
              level: "info",
              data: { from: `/${orgSlug}/dashboard`, to: `/${orgSlug}/${pageOf(issue)}` },
            },
            { type: "user", category: "ui.click", level: "info", message: 'button[aria-label="Refresh"]' },
            {
              type: "http",
              category: "fetch",
              level: "info",
              data: {
                method: "GET",
                url: `/api/orgs/${orgSlug}/${pageOf(issue)}?token=${r.int(100000, 999999)}`,
                status_code: r.pick([200, 500, 502]),
              },
            },
            { type: "debug", category: "console", level: "log", message: `Signed in as ${who}` },
          ]
        : [
            { type: "http", category: "http", level: "info", message: `Incoming request from ${who}` },
            {
              type: "query",
              category: "query",
              level: "info",
              message: "SELECT id, status FROM voyages WHERE org_id = $1",
            },
            {
              type: "http",
              category: "http",
              level: "info",
              data: {
                method: "POST",
                url: "https://payments.example/v1/charges",
                status_code: r.pick([200, 402, 503]),
              },
            },
            { type: "debug", category: "console", level: "warning", message: `Slow query (${r.int(800, 4000)} ms)` },
          ];
  crumbs.push({
    type: "error",
    category: "exception",
    level: "error",
    message: `${type}: ${String(issue.metadata.value ?? "")}`.slice(0, 200),
  });
  const step = 1500;
  return crumbs.map((c, i) => ({ ...c, timestamp: (timestampMs - (crumbs.length - i) * step) / 1000 }));
}
