import type { EmulatorRequest, EmulatorResponse } from "../../common/http";
import { HOUR_MS, hourOf } from "../../seed/sentry-series";
import type { SentryIssue } from "../../seed/sentry-types";
import { BadRequest } from "../errors";
import { projectFilter } from "../issue-list";
import { paginate, parseLimit } from "../paging";
import type { OrgState, SentryStore } from "../store";
import { resolveRange } from "../time-range";
import { compareValues, parseSort } from "./columns";
import { tableResponse } from "./table-response";

/**
 * `GET /organizations/{org}/events/` on the `errors` dataset, for counts of
 * error events grouped by release, project or issue. Each hour of an issue's
 * events is split over the issue's releases in proportion to those releases'
 * sessions in that hour (integers that add up to the hour's count), so the
 * numbers agree with the issue counts and with release adoption.
 */

type ErrorRow = { issue: SentryIssue; release: string; count: number };
type Key = { name: string; type: string; read: (row: ErrorRow, org: OrgState) => string | number };

const KEYS: Key[] = [
  { name: "release", type: "string", read: (r) => r.release },
  { name: "project", type: "string", read: (r, org) => org.projectById.get(r.issue.projectId)?.slug ?? "" },
  { name: "project.id", type: "integer", read: (r) => Number(r.issue.projectId) },
  { name: "issue", type: "string", read: (r) => r.issue.shortId },
  { name: "issue.id", type: "integer", read: (r) => Number(r.issue.id) },
  { name: "level", type: "string", read: (r) => r.issue.level },
  { name: "title", type: "string", read: (r) => r.issue.title },
];
const FUNCTIONS = new Set(["count()", "count_unique(issue)", "epm()"]);
const FILTERS = new Set(["event.type", "release", "project", "level", "issue.id", "issue", "environment", "has"]);

type Filter = (row: ErrorRow, org: OrgState) => boolean;

function parseFilters(query: string): { filters: Filter[]; none: boolean } {
  const filters: Filter[] = [];
  let none = false;
  for (const token of query.match(/\S+/g) ?? []) {
    if (token === "AND") continue;
    const m = /^(!?)([\w.]+):(.+)$/.exec(token);
    if (!m || !FILTERS.has(m[2] as string))
      throw new BadRequest(`Invalid query on the errors dataset: ${JSON.stringify(token)} is not supported here.`);
    const [, bang, key, raw] = m as unknown as [string, string, string, string];
    const values = raw.startsWith("[")
      ? raw
          .slice(1, -1)
          .split(",")
          .map((v) => v.trim())
      : [raw];
    if (key === "event.type") {
      if (values.includes("error") === (bang === "!")) none = true;
      continue;
    }
    const read = key === "environment" ? null : KEYS.find((k) => k.name === (key === "has" ? values[0] : key))?.read;
    if (key === "has" && !read && values[0] !== "environment")
      throw new BadRequest(`Invalid query on the errors dataset: has:${values[0]} names no field here.`);
    const matches: Filter =
      key === "has"
        ? (row, org) => read === undefined || read === null || String(read(row, org)) !== ""
        : read
          ? (row, org) => values.includes(String(read(row, org)))
          : (row) => values.some((env) => row.issue.environments.has(env));
    filters.push(bang ? (row, org) => !matches(row, org) : matches);
  }
  return { filters, none };
}

type Live = { release: number; sessions: number }[];

/**
 * Per project and hour, the releases (as indexes into `versions`) that had sessions then: a handful at any
 * time, as adoption moves on.
 */
function liveReleases(org: OrgState, versions: Map<string, number>, startHour: number, endHour: number) {
  const out = new Map<string, Live[]>();
  for (const series of org.data.sessions) {
    const release = versions.get(series.release);
    if (series.environment !== "production" || release === undefined) continue;
    let hours = out.get(series.projectId);
    if (!hours) out.set(series.projectId, (hours = Array.from({ length: endHour - startHour }, () => [])));
    const from = Math.max(startHour, series.total.startHour);
    const to = Math.min(endHour, series.total.endHour);
    for (let hour = from; hour < to; hour++) {
      const sessions = series.total.value(hour);
      if (sessions > 0) (hours[hour - startHour] as Live).push({ release, sessions });
    }
  }
  return out;
}

/** Error events per issue and release in [startHour, endHour), cached until the next write. */
function errorRows(store: SentryStore, org: OrgState, startHour: number, endHour: number): ErrorRow[] {
  const key = `errors-by-release|${org.data.slug}|${startHour}|${endHour}`;
  const cached = store.caches.get(key) as ErrorRow[] | undefined;
  if (cached) return cached;
  const names = org.data.releases.map((r) => r.version);
  const versions = new Map(names.map((v, i) => [v, i]));
  const live = liveReleases(org, versions, startHour, endHour);
  const rows: ErrorRow[] = [];
  const totals = new Float64Array(names.length + 1);
  const mask = new Uint8Array(names.length);
  for (const issue of org.data.issues) {
    if (issue.category === "feedback") continue;
    const hours = live.get(issue.projectId);
    mask.fill(0);
    totals.fill(0);
    for (const version of issue.releases) {
      const i = versions.get(version);
      if (i !== undefined) mask[i] = 1;
    }
    const fallback = versions.get(issue.lastRelease ?? "") ?? names.length;
    const from = Math.max(startHour, hourOf(issue.firstSeenMs));
    const to = Math.min(endHour, hourOf(issue.lastSeenMs) + 1);
    for (let hour = from; hour < to; hour++) {
      const count = issue.series.value(hour);
      if (count <= 0) continue;
      // Split the hour over the issue's releases live then, by their sessions, rounding cumulatively
      // (as `distribute` does) so the parts are integers that add up to the hour's count.
      const list = hours?.[hour - startHour] ?? [];
      let weightSum = 0;
      for (const l of list) if (mask[l.release]) weightSum += l.sessions;
      if (weightSum === 0) {
        totals[fallback] = (totals[fallback] as number) + count;
        continue;
      }
      let running = 0;
      let assigned = 0;
      for (const l of list) {
        if (!mask[l.release]) continue;
        running += l.sessions;
        const target = Math.round((count * running) / weightSum);
        totals[l.release] = (totals[l.release] as number) + target - assigned;
        assigned = target;
      }
    }
    totals.forEach((count, i) => {
      if (count > 0) rows.push({ issue, release: names[i] ?? issue.lastRelease ?? "", count });
    });
  }
  store.caches.set(key, rows);
  return rows;
}

export function errorsTable(store: SentryStore, org: OrgState, req: EmulatorRequest): EmulatorResponse {
  const params = req.query;
  const names = params.getAll("field").filter((f) => f !== "");
  if (names.length === 0) throw new BadRequest("No columns selected");
  const keys = names
    .filter((n) => !FUNCTIONS.has(n))
    .map((name) => {
      const key = KEYS.find((k) => k.name === name);
      if (!key)
        throw new BadRequest(
          `${JSON.stringify(name)} is not supported on the errors dataset here; use ${[...KEYS.map((k) => k.name), ...FUNCTIONS].join(", ")}.`,
        );
      return key;
    });
  const functions = names.filter((n) => FUNCTIONS.has(n));
  if (functions.length === 0)
    throw new BadRequest("The errors dataset is answered only with count(), count_unique(issue) or epm().");
  const order = parseSort(params.get("sort"), names, { column: functions[0] as string, descending: true });
  const range = resolveRange(params, store.now(), "14d");
  const projects = projectFilter(store, org, params.getAll("project"));
  const environments = params.getAll("environment").filter((e) => e !== "");
  const { filters, none } = parseFilters(params.get("query") ?? "");
  const minutes = (range.endMs - range.startMs) / 60_000;

  const groups = new Map<string, { record: Record<string, string | number>; issues: Set<string>; count: number }>();
  const rows = none ? [] : errorRows(store, org, hourOf(range.startMs), Math.ceil(range.endMs / HOUR_MS));
  for (const row of rows) {
    if (projects && !projects.has(row.issue.projectId)) continue;
    if (environments.length > 0 && !environments.some((env) => row.issue.environments.has(env))) continue;
    if (!filters.every((f) => f(row, org))) continue;
    const values = keys.map((k) => k.read(row, org));
    const id = JSON.stringify(values);
    let group = groups.get(id);
    if (!group) {
      group = {
        record: Object.fromEntries(keys.map((k, i) => [k.name, values[i] as string | number])),
        issues: new Set(),
        count: 0,
      };
      groups.set(id, group);
    }
    group.count += row.count;
    group.issues.add(row.issue.id);
  }
  if (keys.length === 0 && groups.size === 0) groups.set("[]", { record: {}, issues: new Set(), count: 0 });
  const records = [...groups.values()].map((g) => {
    const record: Record<string, string | number> = { ...g.record };
    if (functions.includes("count()")) record["count()"] = g.count;
    if (functions.includes("count_unique(issue)")) record["count_unique(issue)"] = g.issues.size;
    if (functions.includes("epm()")) record["epm()"] = Math.round((g.count / minutes) * 100) / 100;
    return record;
  });
  const sign = order?.descending ? -1 : 1;
  if (order) records.sort((a, b) => sign * compareValues(a[order.column], b[order.column]));
  const page = paginate(req, records, parseLimit(params.get("per_page"), 100, 100));
  const fields: Record<string, string> = {};
  const units: Record<string, string | null> = {};
  for (const key of keys) [fields[key.name], units[key.name]] = [key.type, null];
  for (const fn of functions)
    [fields[fn], units[fn]] = [fn === "epm()" ? "rate" : "integer", fn === "epm()" ? "1/minute" : null];
  return tableResponse(page, "errors", { fields, units });
}
