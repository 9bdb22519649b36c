import "server-only";
import { z } from "zod";
import { createSentryClient } from "./client";
import type { SentryClientConfig } from "./types";

/** Error events per interval, one series per project, for the error-rate chart. */
export type ErrorSeries = { intervals: string[]; projects: { projectId: string; values: number[] }[] };

const statsSchema = z.object({
  intervals: z.array(z.string()),
  groups: z.array(
    z.object({
      by: z.object({ project: z.union([z.string(), z.number()]) }),
      series: z.record(z.string(), z.array(z.number())),
    }),
  ),
});

const eventsStatsSchema = z.object({ data: z.array(z.tuple([z.number(), z.array(z.object({ count: z.number() }))])) });

const INTERVAL: Record<string, string> = { "24h": "1h", "7d": "6h", "30d": "1d" };

/**
 * Without an environment filter, one stats_v2 request covers every project.
 * Stats do not break down by environment, so with a filter it takes one
 * events-stats request per project instead.
 */
export async function errorSeries(
  config: SentryClientConfig,
  {
    statsPeriod,
    environment,
    projectIds,
  }: { statsPeriod: "24h" | "7d" | "30d"; environment?: string; projectIds: string[] },
): Promise<ErrorSeries> {
  const client = createSentryClient(config);
  const interval = INTERVAL[statsPeriod] ?? "1d";
  if (!environment) {
    const answer = await client.get<unknown>(`/organizations/${config.organizationSlug}/stats_v2/`, {
      field: "sum(quantity)",
      groupBy: "project",
      category: "error",
      outcome: "accepted",
      statsPeriod,
      interval,
    });
    const parsed = statsSchema.parse(answer.data);
    return {
      intervals: parsed.intervals,
      projects: parsed.groups.map((g) => ({
        projectId: String(g.by.project),
        values: g.series["sum(quantity)"] ?? [],
      })),
    };
  }
  const perProject = await Promise.all(
    projectIds.map(async (projectId) => {
      const answer = await client.get<unknown>(`/organizations/${config.organizationSlug}/events-stats/`, {
        yAxis: "count()",
        interval,
        statsPeriod,
        project: projectId,
        environment,
        query: "event.type:error",
      });
      const parsed = eventsStatsSchema.parse(answer.data);
      return { projectId, points: parsed.data };
    }),
  );
  const intervals = (perProject[0]?.points ?? []).map(([ts]) => new Date(ts * 1000).toISOString());
  return {
    intervals,
    projects: perProject.map(({ projectId, points }) => ({
      projectId,
      values: points.map(([, counts]) => counts.reduce((t, c) => t + c.count, 0)),
    })),
  };
}
