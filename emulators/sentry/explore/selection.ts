import { BadRequest } from "../errors";
import { projectFilter } from "../issue-list";
import type { OrgState, SentryStore } from "../store";
import { type TimeRange, resolveRange } from "../time-range";
import type { RowContext } from "./fields";
import { parseSpanQuery } from "./query";

/**
 * What both Explore endpoints share: the dataset check and the rows a request
 * covers (period, `project`, `environment`, `query`), as a list of row indexes.
 */

const DATASETS = new Set(["errors", "logs", "profile_functions", "spans", "tracemetrics", "uptime_results"]);
const LEGACY_DATASETS = new Set(["discover", "transactions", "metrics", "metricsEnhanced", "issuePlatform"]);

export type Selection = { ctx: RowContext; rows: Int32Array; range: TimeRange };

export function requireSpansDataset(params: URLSearchParams) {
  const dataset = params.get("dataset") ?? "discover";
  if (dataset === "spans") return;
  if (DATASETS.has(dataset) || LEGACY_DATASETS.has(dataset))
    throw new BadRequest(`The ${dataset} dataset has no data in this emulator; use dataset=spans.`);
  throw new BadRequest(`dataset: "${dataset}" is not a valid choice.`);
}

export function rejectBracketParams(params: URLSearchParams) {
  for (const key of ["project[]", "environment[]", "field[]", "yAxis[]", "groupBy[]"])
    if (params.has(key))
      throw new BadRequest(
        `${key} is not a Sentry parameter; repeat ${key.slice(0, -2)} instead (${key.slice(0, -2)}=a&${key.slice(0, -2)}=b).`,
      );
}

export function selectRows(store: SentryStore, org: OrgState, params: URLSearchParams): Selection {
  const range = resolveRange(params, store.now(), "14d");
  const projects = projectFilter(store, org, params.getAll("project"));
  const environments = params.getAll("environment").filter((e) => e !== "");
  const predicate = parseSpanQuery(params.get("query") ?? "");
  const table = store.spans(org);
  const ctx: RowContext = {
    table,
    projectSlugs: table.projectIds.map((id) => org.projectById.get(id)?.slug ?? id),
  };
  if (environments.length > 0 && !environments.includes("production")) return { ctx, rows: new Int32Array(0), range };
  const wantedProjects = projects ? table.projectIds.map((id) => projects.has(id)) : null;
  const startS = range.startMs / 1000;
  const endS = range.endMs / 1000;
  const rows: number[] = [];
  for (let i = 0; i < table.size; i++) {
    const t = table.timestampS[i] as number;
    if (t < startS || t >= endS) continue;
    if (wantedProjects && !wantedProjects[table.project[i] as number]) continue;
    if (!predicate(ctx, i)) continue;
    rows.push(i);
  }
  return { ctx, rows: Int32Array.from(rows), range };
}
