import { ForbiddenProject } from "./errors";
import { hourOf } from "../seed/sentry-series";
import type { SentryIssue } from "../seed/sentry-types";
import { BadRequest } from "./errors";
import { parseIssueSearch } from "./issue-search";
import type { HourRange } from "./serialize-issue";
import { periodUserCount } from "./serialize-issue";
import type { OrgState, SentryStore } from "./store";
import { resolveRange } from "./time-range";

/**
 * Resolves an issue list request (search, projects, environments, period,
 * sort) to an ordered list of issues. Orders are cached per request shape
 * until the next write, so paging through a large org stays cheap.
 */

export type IssueListQuery = {
  issues: SentryIssue[];
  range: HourRange;
  hasFilters: boolean;
};

const SORTS = new Set(["date", "new", "freq", "user", "trends", "inbox", "recommended"]);
const MAX_CACHED = 200;

export function projectFilter(store: SentryStore, org: OrgState, values: string[]): Set<string> | null {
  const wanted = values.filter((v) => v !== "" && v !== "-1");
  if (wanted.length === 0) return null;
  const ids = new Set<string>();
  for (const value of wanted) {
    const project = store.findProject(org, value);
    if (!project) throw new ForbiddenProject(value);
    ids.add(project.id);
  }
  return ids;
}

function sortKey(sort: string, issue: SentryIssue, range: HourRange, nowHour: number): number {
  switch (sort) {
    case "new":
      return issue.firstSeenMs;
    case "freq":
      return issue.series.sum(range.startHour, range.endHour);
    case "user":
      return periodUserCount(issue, issue.series.sum(range.startHour, range.endHour));
    case "trends":
      return issue.series.sum(nowHour - 23, nowHour + 1) / (1 + issue.series.sum(nowHour - 24 * 7, nowHour - 23) / 6);
    case "inbox":
      return issue.inbox && issue.status === "unresolved" ? issue.inbox.dateAddedMs : -1;
    case "recommended":
      return Math.log1p(issue.series.sum(range.startHour, range.endHour)) - (nowHour - hourOf(issue.lastSeenMs)) / 24;
    default:
      return issue.lastSeenMs;
  }
}

export function queryIssues(store: SentryStore, org: OrgState, params: URLSearchParams): IssueListQuery {
  const nowMs = store.now();
  const sort = params.get("sort") || "date";
  if (!SORTS.has(sort)) throw new BadRequest(`Invalid sort: ${JSON.stringify(sort)}`);
  const query = params.has("query") ? (params.get("query") as string) : "is:unresolved";
  const range = resolveRange(params, nowMs, "14d");
  const hours: HourRange = { startHour: hourOf(range.startMs), endHour: hourOf(range.endMs) + 1 };
  const projects = projectFilter(store, org, params.getAll("project"));
  const environments = params.getAll("environment").filter((e) => e !== "");
  const linkedIssueIds = new Set(org.data.externalIssues.map((e) => e.issueId));
  const search = parseIssueSearch(query, { store, org, nowMs, linkedIssueIds });

  const key = [
    "issues",
    org.data.slug,
    query,
    sort,
    hours.startHour,
    hours.endHour,
    [...(projects ?? [])].join(","),
    environments.join(","),
  ].join("|");
  const cached = store.caches.get(key) as SentryIssue[] | undefined;
  if (cached) return { issues: cached, range: hours, hasFilters: search.hasFilters || environments.length > 0 };

  const nowHour = hourOf(nowMs);
  const matched: { issue: SentryIssue; key: number }[] = [];
  for (const issue of org.data.issues) {
    if (projects && !projects.has(issue.projectId)) continue;
    if (issue.category === "feedback" && !search.includesFeedback) continue;
    if (environments.length > 0 && !environments.some((env) => issue.environments.has(env))) continue;
    if (issue.series.sum(hours.startHour, hours.endHour) <= 0) continue;
    if (!search.predicate(issue)) continue;
    matched.push({ issue, key: sortKey(sort, issue, hours, nowHour) });
  }
  matched.sort((a, b) => b.key - a.key || Number(b.issue.id) - Number(a.issue.id));
  const issues = matched.map((m) => m.issue);
  if (store.caches.size >= MAX_CACHED) store.caches.clear();
  store.caches.set(key, issues);
  return { issues, range: hours, hasFilters: search.hasFilters || environments.length > 0 };
}

/** Issue ids for bulk updates: explicit `id` params, or the search (capped by `limit`). */
export function bulkTargets(store: SentryStore, org: OrgState, params: URLSearchParams): SentryIssue[] {
  const ids = params.getAll("id");
  if (ids.length > 0) {
    for (const id of ids) if (!/^\d+$/.test(id)) throw new BadRequest(`Invalid issue id: ${JSON.stringify(id)}`);
    return ids.map((id) => org.issueById.get(id)).filter((i): i is SentryIssue => i !== undefined);
  }
  const limit = Math.min(100, Number(params.get("limit") ?? 100) || 100);
  return queryIssues(store, org, params).issues.slice(0, limit);
}
