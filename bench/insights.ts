/**
 * Figures 12 and 13: the Insights pages. Their history is filled once in the background (Sentry deploys and commits,
 * up to 26 closed sprints per board); after that a page view reads PostgreSQL only. Figure 12 is the warm server
 * render of each page; figure 13 counts the upstream requests a page view makes, cold (the org's read cache
 * emptied) and warm.
 */
import pg from "pg";
import { withAcmeCache } from "./acme-cache";
import { getOk } from "./http-get";
import type { ProxyEntry } from "./servers";
import { percentile, round } from "./stats";
import type { Figure } from "./types";

/** The pages, and the upstream reads a cold view may make (their loaders read none once history is stored). */
const PAGES: { path: string; coldMinimum: number; reads: string }[] = [
  { path: "/acme/insights?days=90", coldMinimum: 0, reads: "none: stored deploys, commits and incidents" },
  { path: "/acme/insights/sprints", coldMinimum: 0, reads: "none: stored snapshots and scope changes" },
];

const FILL_TIMEOUT_MS = 600_000;

/** Opens the pages once (which asks for the history fill) and waits until both fills have finished. */
export async function fillHistory(baseUrl: string, cookieHeader: string, db: pg.Client): Promise<number> {
  const started = performance.now();
  for (const { path } of PAGES) await getOk(`${baseUrl}${path}`, cookieHeader);
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
}

/**
 * One page load and the upstream requests made meanwhile. The worker's periodic passes (sprint reconciliation,
 * history catch-up) read through the same proxies, so a load during which a job ran is marked and not counted.
 */
type ObservedLoad = { ms: number; log: ProxyEntry[]; duringJob: boolean; kept: boolean };

async function observedLoad(
  url: string,
  cookieHeader: string,
  db: pg.Client,
  take: () => ProxyEntry[],
): Promise<ObservedLoad> {
  const clock = async () => (await db.query<{ now: Date }>("SELECT clock_timestamp() AS now")).rows[0]!.now;
  take();
  const from = await clock();
  const load = await getOk(url, cookieHeader);
  const to = await clock();
  const log = take();
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Job"
      WHERE "lockedAt" IS NOT NULL AND "lockedAt" <= $2 AND ("finishedAt" IS NULL OR "finishedAt" >= $1)`,
    [from, to],
  );
  return { ms: load.ms, log, duringJob: rows[0]?.n !== "0", kept: load.renderCache === "hit" };
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
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const fillMs = await fillHistory(baseUrl, cookieHeader, db);
    const take = () => proxies.flatMap((p) => p.take());
    const rows = await withAcmeCache(databaseUrl, async ({ emptyCache }) => {
      const measured = [];
      for (const { path, coldMinimum, reads } of PAGES) {
        const url = `${baseUrl}${path}`;
        const loads: ObservedLoad[] = [];
        for (let i = 0; i < 3; i++) {
          await emptyCache();
          loads.push(await observedLoad(url, cookieHeader, db, take));
        }
        for (let i = 0; i < 3; i++) await getOk(url, cookieHeader);
        const warm: ObservedLoad[] = [];
        for (let i = 0; i < iterations; i++) warm.push(await observedLoad(url, cookieHeader, db, take));
        const counted = (list: ObservedLoad[]) => list.filter((l) => !l.duringJob).map((l) => l.log.length);
        measured.push({
          path,
          coldMinimum,
          reads,
          coldRequests: counted(loads),
          coldLog: loads[0]!.log.map((e) => `${e.method} ${decodeURIComponent(e.url).slice(0, 200)}`),
          warmRequests: counted(warm),
          loadsDuringJobs: [...loads, ...warm].filter((l) => l.duringJob).length,
          keptAnswers: warm.filter((l) => l.kept).length,
          n: warm.length,
          p50: round(
            percentile(
              warm.map((l) => l.ms),
              50,
            ),
          ),
          p95: round(
            percentile(
              warm.map((l) => l.ms),
              95,
            ),
          ),
        });
      }
      return measured;
    });
    return [
      {
        figure: 12,
        name: "Insights pages: warm server render (full HTML) p50/p95",
        value: rows.map((r) => `${r.path} ${r.p50}/${r.p95} ms (${r.keptAnswers}/${r.n} kept)`).join("; "),
        goal: "p95 ≤ 100 ms",
        pass: rows.every((r) => r.p95 <= 100),
        method: `GET with grace@acme.test's session cookies until the last byte, after the history fill (${round(fillMs / 1000)} s for the large dataset) and 3 warm-up loads; ${iterations} sequential loads per page; "kept": answered from a kept render (x-render-cache: hit)`,
        data: {
          fillMs: round(fillMs),
          rows: rows.map(({ path, p50, p95, keptAnswers, n }) => ({ path, p50, p95, keptAnswers, n })),
        },
      },
      {
        figure: 13,
        name: "Insights pages: upstream (Jira + Sentry) requests per load",
        value: rows
          .map(
            (r) =>
              `${r.path} cold ${r.coldRequests.join("/")} (minimum ${r.coldMinimum}), warm max ${Math.max(0, ...r.warmRequests)} over ${r.warmRequests.length} loads`,
          )
          .join("; "),
        goal: "cold = minimum, warm 0",
        pass: rows.every(
          (r) => r.coldRequests.every((n) => n <= r.coldMinimum) && r.warmRequests.every((n) => n === 0),
        ),
        method:
          "recording proxies between Bosun and the Jira and Sentry emulators; cold = the org's CacheEntry rows deleted before the load (3 loads), warm = the measured loads of figure 12; a load during which a background job ran is not counted (the job's reads go through the same proxies); the minimum is what the page's loaders read upstream when nothing is cached",
        data: {
          rows: rows.map(({ path, reads, coldRequests, coldLog, warmRequests, loadsDuringJobs }) => ({
            path,
            reads,
            coldRequests,
            coldLog,
            warmRequests,
            loadsDuringJobs,
          })),
        },
      },
    ];
  } finally {
    await db.end();
  }
}
