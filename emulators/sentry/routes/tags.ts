import type { Router } from "../../common/http";
import { createRandom } from "../../seed/random";
import { BROWSERS } from "../../seed/sentry-events-context";
import type { SentryIssue } from "../../seed/sentry-types";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { notFound } from "../errors";
import type { OrgState, SentryStore } from "../store";
import { iso } from "../time-range";

/**
 * `GET /organizations/{org}/issues/{issue_id}/tags/{key}/`: how an issue's
 * events split by one tag. Stored events (samples and ingested ones) count as
 * themselves; a seeded issue's other events — its lifetime count is far more
 * than its samples — are spread deterministically over the values such an
 * issue would show (its releases and environments, the web's browsers and
 * OSes, its samples' URL and transaction), so totals match the issue's count.
 */

const TOP_VALUES = 9;
const NAMES: Record<string, string> = {
  release: "Release",
  environment: "Environment",
  browser: "Browser",
  "browser.name": "Browser.Name",
  os: "OS",
  "os.name": "OS.Name",
  url: "URL",
  transaction: "Transaction",
  level: "Level",
  handled: "Handled",
};

function split(total: number, weights: [string, number][]): Map<string, number> {
  const sum = weights.reduce((n, [, w]) => n + w, 0);
  const counts = new Map<string, number>();
  let left = total;
  for (const [value, weight] of weights) {
    const count = Math.floor((total * weight) / sum);
    counts.set(value, count);
    left -= count;
  }
  const first = weights[0]?.[0];
  if (first !== undefined) counts.set(first, (counts.get(first) ?? 0) + left);
  return counts;
}

/** Where a seeded issue's unsampled events fall for this key, or null to follow the samples. */
function population(issue: SentryIssue, key: string, projectSlug: string): [string, number][] | null {
  const r = createRandom(`sentry:tags:${issue.id}:${key}`);
  if (key === "release") {
    return [...issue.releases].map((v) => [v, v === issue.lastRelease ? 6 : r.int(1, 4)] as [string, number]).reverse();
  }
  if (key === "environment") {
    const envs = [...issue.environments];
    return envs.map((env, i) => [env, i === 0 ? 9 : 1]);
  }
  if (projectSlug !== "web") return null;
  if (key === "browser")
    return [...new Set(BROWSERS.map((b) => `${b.browser} ${b.browserVersion.split(".")[0]}`))].map((v) => [
      v,
      r.int(1, 10),
    ]);
  if (key === "browser.name") return [...new Set(BROWSERS.map((b) => b.browser))].map((v) => [v, r.int(1, 10)]);
  if (key === "os") return [...new Set(BROWSERS.map((b) => `${b.os} ${b.osVersion}`))].map((v) => [v, r.int(1, 10)]);
  if (key === "os.name") return [...new Set(BROWSERS.map((b) => b.os))].map((v) => [v, r.int(1, 10)]);
  return null;
}

export function tagCounts(store: SentryStore, org: OrgState, issue: SentryIssue, key: string, environments: string[]) {
  const events = store
    .events(org, issue)
    .filter((e) => environments.length === 0 || environments.includes(e.environment));
  const counts = new Map<string, number>();
  for (const event of events) {
    const value = event.tags.find(([k]) => k === key)?.[1];
    if (value !== undefined && value !== "") counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const projectSlug = org.projectById.get(issue.projectId)?.slug ?? "";
  const unsampled = environments.length === 0 ? issue.series.total() - events.length : 0;
  if (unsampled > 0 && counts.size > 0) {
    const weights = population(issue, key, projectSlug) ?? [
      [[...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as string, 1],
    ];
    for (const [value, count] of split(unsampled, weights)) counts.set(value, (counts.get(value) ?? 0) + count);
  }
  return counts;
}

export function registerTagRoutes(router: Router, app: SentryApp) {
  const { store } = app;
  router.get(
    "/api/0/organizations/:org/issues/:issueId/tags/:key/",
    orgRoute(store, (req, org) => {
      const issue = store.findIssue(org, req.params.issueId ?? "");
      if (!issue) return notFound();
      const key = req.params.key ?? "";
      const environments = req.query.getAll("environment").filter((e) => e !== "");
      const counts = tagCounts(store, org, issue, key, environments);
      if (counts.size === 0) return notFound();
      const sorted = [...counts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return {
        status: 200,
        body: {
          key,
          name: NAMES[key] ?? key,
          uniqueValues: sorted.length,
          totalValues: sorted.reduce((n, [, c]) => n + c, 0),
          topValues: sorted.slice(0, TOP_VALUES).map(([value, count]) => ({
            key,
            name: value,
            value,
            count,
            query: `${key}:"${value}"`,
            firstSeen: iso(issue.firstSeenMs),
            lastSeen: iso(issue.lastSeenMs),
          })),
        },
      };
    }),
  );
}
