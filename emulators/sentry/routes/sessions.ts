import type { Router } from "../../common/http";
import { HOUR_MS } from "../../seed/sentry-series";
import type { SessionSeries } from "../../seed/sentry-types";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { BadRequest, detail } from "../errors";
import { projectFilter } from "../issue-list";
import { buckets, isoSeconds, parseInterval, resolveRange } from "../time-range";

/**
 * Release-health sessions: sums, unique users and crash-free rates (0–1
 * floats) grouped by project/release/environment/session.status.
 */

const DAY_MS = 24 * HOUR_MS;
const FIELDS = new Set([
  "sum(session)",
  "count_unique(user)",
  "crash_free_rate(session)",
  "crash_free_rate(user)",
  "crash_rate(session)",
  "crash_rate(user)",
]);
const GROUPS = new Set(["project", "release", "environment", "session.status"]);
const STATUSES = ["healthy", "errored", "crashed", "abnormal"] as const;
const MAX_POINTS = 10_000;

type Totals = {
  total: number;
  errored: number;
  crashed: number;
  abnormal: number;
  users: number;
  erroredUsers: number;
  crashedUsers: number;
};
const METRICS = ["total", "errored", "crashed", "abnormal", "users", "erroredUsers", "crashedUsers"] as const;

function emptyTotals(): Totals {
  return { total: 0, errored: 0, crashed: 0, abnormal: 0, users: 0, erroredUsers: 0, crashedUsers: 0 };
}

function sumInto(target: Totals, series: SessionSeries, fromHour: number, toHour: number) {
  for (const metric of METRICS) target[metric] += series[metric].sum(fromHour, toHour);
}

function fieldValue(field: string, t: Totals, status: string | null): number | null {
  if (status !== null) {
    const sessions = {
      healthy: t.total - t.errored - t.crashed - t.abnormal,
      errored: t.errored,
      crashed: t.crashed,
      abnormal: t.abnormal,
    };
    const users = {
      healthy: Math.max(0, t.users - t.erroredUsers - t.crashedUsers),
      errored: t.erroredUsers,
      crashed: t.crashedUsers,
      abnormal: 0,
    };
    return field === "sum(session)" ? sessions[status as keyof typeof sessions] : users[status as keyof typeof users];
  }
  switch (field) {
    case "sum(session)":
      return t.total;
    case "count_unique(user)":
      return t.users;
    case "crash_free_rate(session)":
      return t.total > 0 ? 1 - t.crashed / t.total : null;
    case "crash_free_rate(user)":
      return t.users > 0 ? 1 - t.crashedUsers / t.users : null;
    case "crash_rate(session)":
      return t.total > 0 ? t.crashed / t.total : null;
    default:
      return t.users > 0 ? t.crashedUsers / t.users : null;
  }
}

type SessionFilter = (s: SessionSeries) => boolean;

function parseSessionQuery(query: string): SessionFilter {
  const filters: SessionFilter[] = [];
  for (const m of query.matchAll(/(!?)([\w.]+):("[^"]*"|\[[^\]]*\]|\S+)|(\S+)/g)) {
    const [, bang, key, raw, word] = m;
    if (word !== undefined) throw new BadRequest(`Invalid query: free text ("${word}") is not supported for sessions.`);
    const value = raw as string;
    const values = value.startsWith("[")
      ? value
          .slice(1, -1)
          .split(",")
          .map((v) => v.trim().replace(/^"|"$/g, ""))
      : [value.replace(/^"|"$/g, "")];
    let match: SessionFilter;
    if (key === "release") match = (s) => values.includes(s.release);
    else if (key === "environment") match = (s) => values.includes(s.environment);
    else throw new BadRequest(`Invalid query: the key "${key}" is not supported for sessions.`);
    filters.push(bang ? (s) => !match(s) : match);
  }
  return (s) => filters.every((f) => f(s));
}

export function registerSessionRoutes(router: Router, app: SentryApp) {
  const { store } = app;

  // GET /organizations/{org}/sessions/ - release health time series
  router.get(
    "/api/0/organizations/:org/sessions/",
    orgRoute(store, (req, org) => {
      const fields = req.query.getAll("field");
      if (fields.length === 0) return detail(400, 'Request is missing a "field"');
      for (const f of fields) if (!FIELDS.has(f)) return detail(400, `Invalid field: "${f}"`);
      const groupBy = req.query.getAll("groupBy");
      for (const g of groupBy) if (!GROUPS.has(g)) return detail(400, `Invalid groupBy: "${g}"`);
      const byStatus = groupBy.includes("session.status");
      if (byStatus)
        for (const f of fields)
          if (f.includes("rate(")) return detail(400, `Cannot group field ${f} by session.status`);
      const orderBy = req.query.get("orderBy");
      if (orderBy && !fields.includes(orderBy.replace(/^-/, "")))
        return detail(400, "'orderBy' must be one of the provided 'fields'");
      if (orderBy && groupBy.length === 0) return detail(400, "'orderBy' requires a 'groupBy'");
      const includeSeries = req.query.get("includeSeries") !== "0";
      const includeTotals = req.query.get("includeTotals") !== "0";
      const range = resolveRange(req.query, store.now(), "24h");
      const intervalMs = parseInterval(req.query.get("interval"), "1h", DAY_MS);
      const starts = buckets(range, intervalMs);
      const projects: Set<string> | null = projectFilter(store, org, req.query.getAll("project"));
      const environments = req.query.getAll("environment").filter((e) => e !== "");
      const query = req.query.get("query") ?? "";
      const matches = parseSessionQuery(query);
      const fromHour = (starts[0] ?? range.startMs) / HOUR_MS;
      const toHour = ((starts[starts.length - 1] ?? range.startMs) + intervalMs) / HOUR_MS;

      const groups = new Map<string, { by: Record<string, unknown>; totals: Totals; series: Totals[] }>();
      for (const s of org.data.sessions) {
        if (
          (projects && !projects.has(s.projectId)) ||
          (environments.length > 0 && !environments.includes(s.environment)) ||
          !matches(s)
        )
          continue;
        if (s.total.sum(fromHour, toHour) === 0) continue;
        const by: Record<string, unknown> = {};
        for (const g of groupBy)
          if (g !== "session.status")
            by[g] = g === "project" ? Number(s.projectId) : g === "release" ? s.release : s.environment;
        const key = JSON.stringify(by);
        const group = groups.get(key) ?? { by, totals: emptyTotals(), series: starts.map(emptyTotals) };
        sumInto(group.totals, s, fromHour, toHour);
        if (includeSeries)
          starts.forEach((start, i) =>
            sumInto(group.series[i] as Totals, s, start / HOUR_MS, (start + intervalMs) / HOUR_MS),
          );
        groups.set(key, group);
      }
      if (groupBy.length === 0 && groups.size === 0)
        groups.set("{}", { by: {}, totals: emptyTotals(), series: starts.map(emptyTotals) });

      const statuses: (string | null)[] = byStatus ? [...STATUSES] : [null];
      let out = [...groups.values()].flatMap((g) =>
        statuses.map((status) => ({
          by: status === null ? g.by : { ...g.by, "session.status": status },
          totals: includeTotals ? Object.fromEntries(fields.map((f) => [f, fieldValue(f, g.totals, status)])) : {},
          series: includeSeries
            ? Object.fromEntries(fields.map((f) => [f, g.series.map((t) => fieldValue(f, t, status))]))
            : {},
          sortValue: orderBy ? (fieldValue(orderBy.replace(/^-/, ""), g.totals, status) ?? -1) : 0,
        })),
      );
      if (out.length * (includeSeries ? starts.length : 1) > MAX_POINTS) {
        return detail(
          400,
          "Your interval and date range would create too many results. Use a larger interval, or a smaller date range.",
        );
      }
      if (orderBy)
        out.sort((a, b) => (orderBy.startsWith("-") ? b.sortValue - a.sortValue : a.sortValue - b.sortValue));
      const perPage = Number(req.query.get("per_page") ?? 0);
      if (groupBy.length > 0 && Number.isInteger(perPage) && perPage > 0) out = out.slice(0, perPage);
      return {
        status: 200,
        body: {
          start: isoSeconds(starts[0] ?? range.startMs),
          end: isoSeconds((starts[starts.length - 1] ?? range.startMs) + intervalMs),
          intervals: includeSeries ? starts.map(isoSeconds) : [],
          groups: out.map(({ by, totals, series }) => ({ by, totals, series })),
          query,
        },
      };
    }),
  );
}
