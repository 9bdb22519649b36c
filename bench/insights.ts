/**
 * Figures 12 and 13: the Insights pages. Their history is filled once in the background (Sentry deploys and commits,
 * up to 26 closed sprints per board); after that a page view reads PostgreSQL (and, for Forecasts and Quality, one
 * cached Jira search). Figure 12 is the warm server render of each page; figure 13 counts the upstream requests a
 * page view makes, cold (the org's read cache emptied) and warm.
 */
import pg from "pg";
import { withAcmeCache } from "./acme-cache";
import { getOk } from "./http-get";
import type { ProxyEntry } from "./servers";
import { percentile, round } from "./stats";
import type { Figure } from "./types";

/** The pages, and the upstream reads a cold view may make (what their loaders read from Jira when the cache is empty). */
const PAGES: { path: string; coldMinimum: number; reads: string }[] = [
  { path: "/acme/insights?days=90", coldMinimum: 0, reads: "none: stored deploys, commits and incidents" },
  { path: "/acme/insights/sprints", coldMinimum: 0, reads: "none: stored snapshots and scope changes" },
];

const FILL_TIMEOUT_MS = 600_000;

/** Opens the pages once (which asks for the history fill) and waits until both fills have finished. */
async function fillHistory(baseUrl: string, cookieHeader: string, databaseUrl: string): Promise<number> {
  const started = performance.now();
  for (const { path } of PAGES) await getOk(`${baseUrl}${path}`, cookieHeader);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const deadline = Date.now() + FILL_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const { rows } = await db.query<{ done: string }>(
        `SELECT count(*) AS done FROM "HistoryBackfill" b JOIN "Organization" o ON o.id = b."orgId"
          WHERE o.slug = 'acme' AND b."completedAt" IS NOT NULL`,
      );
      if (Number(rows[0]?.done) >= 2) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error("the Insights history fill did not finish in time");
  } finally {
    await db.end();
  }
}

export async function measureInsights({
  baseUrl,
  cookieHeader,
  databaseUrl,
  proxies,
  iterations,
}: {
  baseUrl: string;
  cookieHeader: string;
  databaseUrl: string;
  /** The recording proxies in front of Jira and Sentry. */
  proxies: { take(): ProxyEntry[] }[];
  iterations: number;
}): Promise<Figure[]> {
  const fillMs = await fillHistory(baseUrl, cookieHeader, databaseUrl);
  const upstream = () => proxies.flatMap((p) => p.take());
  return withAcmeCache(databaseUrl, async ({ emptyCache }) => {
    const rows = [];
    for (const { path, coldMinimum, reads } of PAGES) {
      const url = `${baseUrl}${path}`;
      const cold: number[] = [];
      const coldLog: string[] = [];
      for (let i = 0; i < 3; i++) {
        await emptyCache();
        upstream();
        await getOk(url, cookieHeader);
        const log = upstream();
        cold.push(log.length);
        if (i === 0) coldLog.push(...log.map((e) => `${e.method} ${decodeURIComponent(e.url).slice(0, 200)}`));
      }
      const warm: number[] = [];
      const times: number[] = [];
      for (let i = 0; i < 3; i++) await getOk(url, cookieHeader);
      upstream();
      for (let i = 0; i < iterations; i++) {
        const load = await getOk(url, cookieHeader);
        times.push(load.ms);
        warm.push(upstream().length);
      }
      rows.push({
        path,
        coldMinimum,
        reads,
        coldRequests: cold,
        coldLog,
        warmRequests: warm,
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
      });
    }
    return [
      {
        figure: 12,
        name: "Insights pages: warm server render (full HTML) p50/p95",
        value: rows.map((r) => `${r.path} ${r.p50}/${r.p95} ms`).join("; "),
        goal: "p95 ≤ 100 ms",
        pass: rows.every((r) => r.p95 <= 100),
        method: `GET with grace@acme.test's session cookies until the last byte, after the history fill (${round(fillMs / 1000)} s for the large dataset) and 3 warm-up loads; ${iterations} sequential loads per page`,
        data: { fillMs: round(fillMs), rows: rows.map(({ path, p50, p95 }) => ({ path, p50, p95 })) },
      },
      {
        figure: 13,
        name: "Insights pages: upstream (Jira + Sentry) requests per load",
        value: rows
          .map(
            (r) =>
              `${r.path} cold ${r.coldRequests.join("/")} (minimum ${r.coldMinimum}), warm max ${Math.max(...r.warmRequests)}`,
          )
          .join("; "),
        goal: "cold = minimum, warm 0",
        pass: rows.every((r) => Math.max(...r.coldRequests) <= r.coldMinimum && r.warmRequests.every((n) => n === 0)),
        method:
          "recording proxies between Bosun and the Jira and Sentry emulators; cold = the org's CacheEntry rows deleted before the load (3 loads), warm = the measured loads of figure 12; the minimum is what the page's loaders read upstream when nothing is cached",
        data: {
          rows: rows.map(({ path, reads, coldRequests, coldLog, warmRequests }) => ({
            path,
            reads,
            coldRequests,
            coldLog,
            warmRequests,
          })),
        },
      },
    ];
  });
}
