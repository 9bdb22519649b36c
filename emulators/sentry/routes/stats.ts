import type { Router } from "../../common/http";
import { HOUR_MS, type HourSeries } from "../../seed/sentry-series";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { BadRequest, detail } from "../errors";
import { projectFilter } from "../issue-list";
import type { OrgState } from "../store";
import { buckets, isoSeconds, parseInterval, resolveRange } from "../time-range";

/**
 * Org usage (`stats_v2`: outcomes by project/category/reason) and the
 * frontend's `events-stats` (count() per interval) over the hourly error
 * series, which are the sums of the issues' own hourly counts.
 */

const DAY_MS = 24 * HOUR_MS;
const STATS_FIELDS = new Set(["sum(quantity)", "sum(times_seen)"]);
const STATS_GROUPS = new Set(["outcome", "category", "reason", "project"]);
const CATEGORIES = new Set([
  "error",
  "transaction",
  "attachment",
  "replay",
  "profile",
  "profile_duration",
  "profile_duration_ui",
  "profile_chunk",
  "profile_chunk_ui",
  "monitor",
]);
const OUTCOMES = new Set([
  "accepted",
  "filtered",
  "rate_limited",
  "invalid",
  "abuse",
  "client_discard",
  "cardinality_limited",
]);

type Source = { project: string; outcome: string; reason: string; category: string; series: HourSeries };

function outcomeSources(org: OrgState, projects: Set<string> | null): Source[] {
  const out: Source[] = [];
  for (const project of org.data.projects) {
    if (projects && !projects.has(project.id)) continue;
    const outcomes = org.data.outcomes.get(project.id);
    if (!outcomes) continue;
    out.push({
      project: project.id,
      outcome: "accepted",
      reason: "none",
      category: "error",
      series: outcomes.accepted,
    });
    out.push({
      project: project.id,
      outcome: "filtered",
      reason: "browser-extensions",
      category: "error",
      series: outcomes.filtered,
    });
    out.push({
      project: project.id,
      outcome: "rate_limited",
      reason: "usage_exceeded",
      category: "error",
      series: outcomes.rateLimited,
    });
  }
  return out;
}

function bucketSum(series: HourSeries, startMs: number, intervalMs: number): number {
  return series.sum(startMs / HOUR_MS, (startMs + intervalMs) / HOUR_MS);
}

export function registerStatsRoutes(router: Router, app: SentryApp) {
  const { store } = app;

  // GET /organizations/{org}/stats_v2/ - event outcomes over time
  router.get(
    "/api/0/organizations/:org/stats_v2/",
    orgRoute(store, (req, org) => {
      const field = req.query.get("field");
      if (!field) return detail(400, 'Request is missing a "field"');
      if (!STATS_FIELDS.has(field)) return detail(400, `Invalid field: "${field}"`);
      const groupBy = req.query.getAll("groupBy");
      for (const g of groupBy) if (!STATS_GROUPS.has(g)) return detail(400, `Invalid groupBy: "${g}"`);
      const category = req.query.get("category");
      if (category && !CATEGORIES.has(category)) return detail(400, `Invalid category: "${category}"`);
      const outcome = req.query.get("outcome");
      if (outcome && !OUTCOMES.has(outcome)) return detail(400, `Invalid outcome: "${outcome}"`);
      const reason = req.query.get("reason");
      const range = resolveRange(req.query, store.now(), "14d");
      const intervalMs = parseInterval(req.query.get("interval"), "1h", DAY_MS);
      const starts = buckets(range, intervalMs);
      if (starts.length > 10_000)
        throw new BadRequest(
          "Your interval and date range would create too many results. Use a larger interval, or a smaller date range.",
        );
      const projects = projectFilter(store, org, req.query.getAll("project"));

      const groups = new Map<string, { by: Record<string, unknown>; series: number[] }>();
      for (const source of outcomeSources(org, projects)) {
        if (
          (category && source.category !== category) ||
          (outcome && source.outcome !== outcome) ||
          (reason && source.reason !== reason)
        )
          continue;
        const by: Record<string, unknown> = {};
        for (const g of groupBy)
          by[g] = g === "project" ? Number(source.project) : source[g as "outcome" | "reason" | "category"];
        const key = JSON.stringify(by);
        const group = groups.get(key) ?? { by, series: starts.map(() => 0) };
        starts.forEach((start, i) => {
          group.series[i] = (group.series[i] as number) + bucketSum(source.series, start, intervalMs);
        });
        groups.set(key, group);
      }
      const body = {
        start: isoSeconds(starts[0] ?? range.startMs),
        end: isoSeconds((starts[starts.length - 1] ?? range.startMs) + intervalMs),
        intervals: starts.map(isoSeconds),
        groups: [...groups.values()]
          .map((g) => ({
            by: g.by,
            totals: { [field]: g.series.reduce((a, b) => a + b, 0) },
            series: { [field]: g.series },
          }))
          .filter((g) => (g.totals[field] as number) > 0),
      };
      return { status: 200, body };
    }),
  );

  // GET /organizations/{org}/events-stats/ - count() per interval (frontend endpoint, not in the public spec)
  router.get(
    "/api/0/organizations/:org/events-stats/",
    orgRoute(store, (req, org) => {
      const yAxes = req.query.getAll("yAxis");
      const axes = yAxes.length > 0 ? yAxes : ["count()"];
      for (const axis of axes)
        if (axis !== "count()") return detail(400, `Invalid yAxis: "${axis}" (only count() is available)`);
      if (req.query.has("topEvents")) return detail(400, "topEvents is not supported for this dataset");
      const dataset = req.query.get("dataset");
      if (dataset && !["errors", "discover", "events"].includes(dataset))
        return detail(400, `Invalid dataset: "${dataset}"`);
      const nowMs = store.now();
      const range = resolveRange(req.query, nowMs, "14d");
      const intervalMs = parseInterval(
        req.query.get("interval"),
        range.endMs - range.startMs > 7 * DAY_MS ? "1d" : "1h",
      );
      const starts = buckets(range, intervalMs);
      const projects = projectFilter(store, org, req.query.getAll("project"));
      const environments = req.query.getAll("environment").filter((e) => e !== "");
      let series: HourSeries[] = outcomeSources(org, projects)
        .filter((s) => s.outcome === "accepted")
        .map((s) => s.series);
      for (const token of (req.query.get("query") ?? "").match(/\S+/g) ?? []) {
        const m = /^(!?)([\w.]+):(.+)$/.exec(token);
        if (!m) throw new BadRequest(`Invalid query: free text is not supported here ("${token}")`);
        const [, bang, key, value] = m;
        if (key === "event.type") {
          if ((value === "error") === (bang === "!")) series = [];
        } else if (key === "issue.id" || key === "issue") {
          const issue = store.findIssue(org, value as string);
          series = issue && (!projects || projects.has(issue.projectId)) ? [issue.series] : [];
        } else if (key === "level") {
          series = org.data.issues
            .filter(
              (i) =>
                i.category !== "feedback" &&
                (i.level === value) !== (bang === "!") &&
                (!projects || projects.has(i.projectId)),
            )
            .map((i) => i.series);
        } else {
          throw new BadRequest(`Invalid query: the key "${key}" is not supported.`);
        }
      }
      if (environments.length > 0 && !environments.includes("production")) series = [];
      const data = starts.map((start) => [
        start / 1000,
        [{ count: series.reduce((n, s) => n + bucketSum(s, start, intervalMs), 0) }],
      ]);
      const result = {
        data,
        start: (starts[0] ?? range.startMs) / 1000,
        end: ((starts[starts.length - 1] ?? range.startMs) + intervalMs) / 1000,
        isMetricsData: false,
        meta: {
          fields: { "count()": "integer" },
          units: { "count()": null },
          isMetricsData: false,
          isMetricsExtractedData: false,
          tips: {},
          datasetReason: "unchanged",
          dataset: "errors",
        },
      };
      if (yAxes.length > 1) return { status: 200, body: Object.fromEntries(axes.map((axis) => [axis, result])) };
      return { status: 200, body: result };
    }),
  );
}
