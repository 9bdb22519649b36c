import "server-only";
import { z } from "zod";
import { createSentryClient } from "./client";
import type { SentryClientConfig } from "./types";

/** Sentry releases and per-release session series, for the releases pages. */
export type SentryRelease = {
  version: string;
  dateReleased: string | null;
  dateCreated: string;
  newIssues: number;
  projects: string[];
  /** Where and when the release last finished deploying (`sentry-cli releases deploys new`); null if never. */
  lastDeploy: { environment: string; finishedAt: string } | null;
};

const deploySchema = z.object({
  environment: z.string(),
  dateFinished: z.string().nullish(),
  dateStarted: z.string().nullish(),
});

const releaseSchema = z.object({
  version: z.string(),
  dateReleased: z.string().nullish(),
  dateCreated: z.string(),
  newGroups: z.number().nullish(),
  projects: z.array(z.object({ slug: z.string() })).nullish(),
  // A malformed deploy does not cost the release its place in the list.
  lastDeploy: deploySchema.nullish().catch(null),
});

export async function listReleases(
  config: SentryClientConfig,
  { maxPages = 3 }: { maxPages?: number } = {},
): Promise<SentryRelease[]> {
  const client = createSentryClient(config);
  const releases: SentryRelease[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await client.get<unknown[]>(`/organizations/${config.organizationSlug}/releases/`, {
      per_page: 100,
      cursor,
    });
    for (const item of answer.data) {
      const parsed = releaseSchema.safeParse(item);
      if (!parsed.success) continue;
      const deploy = parsed.data.lastDeploy;
      const finishedAt = deploy?.dateFinished ?? deploy?.dateStarted ?? null;
      releases.push({
        version: parsed.data.version,
        dateReleased: parsed.data.dateReleased ?? null,
        dateCreated: parsed.data.dateCreated,
        newIssues: parsed.data.newGroups ?? 0,
        projects: (parsed.data.projects ?? []).map((p) => p.slug),
        lastDeploy: deploy && finishedAt ? { environment: deploy.environment, finishedAt } : null,
      });
    }
    if (!answer.cursors.next) break;
    cursor = answer.cursors.next;
  }
  return releases;
}

const seriesSchema = z.object({
  intervals: z.array(z.string()),
  groups: z.array(
    z.object({ by: z.record(z.string(), z.string()), series: z.record(z.string(), z.array(z.number().nullable())) }),
  ),
});

/** Daily sessions and crashed sessions of one release. */
export async function releaseSessionSeries(
  config: SentryClientConfig,
  version: string,
  statsPeriod = "30d",
): Promise<{ ts: string; sessions: number; crashed: number }[]> {
  const client = createSentryClient(config);
  const answer = await client.get<unknown>(`/organizations/${config.organizationSlug}/sessions/`, {
    field: "sum(session)",
    groupBy: "session.status",
    query: `release:${version}`,
    statsPeriod,
    interval: "1d",
    includeSeries: 1,
    includeTotals: 0,
  });
  const parsed = seriesSchema.parse(answer.data);
  const sumFor = (status: string | null) => (i: number) =>
    parsed.groups
      .filter((g) => status === null || g.by["session.status"] === status)
      .reduce((t, g) => t + (g.series["sum(session)"]?.[i] ?? 0), 0);
  const all = sumFor(null);
  const crashed = sumFor("crashed");
  return parsed.intervals.map((ts, i) => ({ ts, sessions: all(i), crashed: crashed(i) }));
}
