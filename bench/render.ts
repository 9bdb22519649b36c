/** Figure 3: warm server render time of the dashboard pages over plain HTTP with the signed-in cookies. */
import pg from "pg";
import { waitForIdleJobs } from "./acme-cache";
import { processCpuMs, waitUntilQuiet } from "./cpu";
import { getOk } from "./http-get";
import { fillHistory } from "./insights";
import { percentile, round } from "./stats";
import type { Figure } from "./types";

async function timed(
  url: string,
  cookieHeader: string,
  total: number,
  concurrency: number,
): Promise<{ times: number[]; bytes: number; kept: number }> {
  const times: number[] = [];
  let bytes = 0;
  let kept = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const load = await getOk(url, cookieHeader);
        times.push(load.ms);
        bytes = load.bytes;
        if (load.renderCache === "hit") kept++;
      }
    }),
  );
  return { times, bytes, kept };
}

/**
 * What wrote to the database while a row was measured: the org-data changes every web process hears (each one ends
 * the org's kept renders) and the rows written per table (pg_stat_user_tables, which PostgreSQL updates within
 * about a second, so a table's count can include the moments just before or after).
 */
async function watchWrites(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "bosun-bench-writes" });
  await client.connect();
  let changes = 0;
  client.on("notification", () => changes++);
  await client.query("LISTEN bosun_org_data");
  const tableWrites = async () =>
    new Map(
      (
        await client.query<{ table: string; writes: string }>(
          `SELECT relname AS table, n_tup_ins + n_tup_upd + n_tup_del AS writes FROM pg_stat_user_tables`,
        )
      ).rows.map((row) => [row.table, Number(row.writes)]),
    );
  return {
    async during<T>(
      measure: () => Promise<T>,
    ): Promise<{ result: T; orgDataChanges: number; rowsWritten: Record<string, number> }> {
      const before = await tableWrites();
      const changesBefore = changes;
      const result = await measure();
      const orgDataChanges = changes - changesBefore;
      const after = await tableWrites();
      const rowsWritten = Object.fromEntries(
        [...after].map(([table, n]) => [table, n - (before.get(table) ?? 0)]).filter(([, n]) => Number(n) > 0),
      );
      return { result, orgDataChanges, rowsWritten };
    },
    close: () => client.end(),
  };
}

export async function measureWarmRenders({
  baseUrl,
  cookieHeader,
  paths,
  iterations,
  serverPid,
  pids,
  databaseUrl,
}: {
  baseUrl: string;
  cookieHeader: string;
  paths: string[];
  iterations: number;
  serverPid?: number;
  /** The web process and the worker: measuring starts once both are quiet. */
  pids: (number | undefined)[];
  databaseUrl: string;
}): Promise<Figure> {
  const rows: {
    path: string;
    concurrency: number;
    n: number;
    p50: number;
    p95: number;
    max: number;
    htmlBytes: number;
    serverCpuMsPerRequest: number | null;
    keptAnswers: number;
    orgDataChanges: number;
    rowsWritten: Record<string, number>;
  }[] = [];
  // Warm means settled too: the Insights history fill and the jobs queued at start write the org's data for a
  // while after a start, and every such write ends its kept renders, as it should.
  const settle = new pg.Client({ connectionString: databaseUrl });
  await settle.connect();
  try {
    await fillHistory(baseUrl, cookieHeader, settle);
    await waitForIdleJobs(settle);
  } finally {
    await settle.end();
  }
  const quiet = await waitUntilQuiet(pids);
  const writes = await watchWrites(databaseUrl);
  try {
    for (const path of paths) {
      // Warm-up: fills the read cache (freshness window) and the server's code paths.
      for (let i = 0; i < 3; i++) await getOk(`${baseUrl}${path}`, cookieHeader);
      for (const concurrency of [1, 10]) {
        const n = concurrency === 1 ? iterations : iterations * 2;
        const cpuBefore = processCpuMs(serverPid);
        const { result, orgDataChanges, rowsWritten } = await writes.during(() =>
          timed(`${baseUrl}${path}`, cookieHeader, n, concurrency),
        );
        const cpuAfter = processCpuMs(serverPid);
        const serverCpuMsPerRequest =
          cpuBefore !== null && cpuAfter !== null ? round((cpuAfter - cpuBefore) / n) : null;
        rows.push({
          serverCpuMsPerRequest,
          path,
          concurrency,
          n,
          p50: round(percentile(result.times, 50)),
          p95: round(percentile(result.times, 95)),
          max: round(percentile(result.times, 100)),
          htmlBytes: result.bytes,
          keptAnswers: result.kept,
          orgDataChanges,
          rowsWritten,
        });
      }
    }
  } finally {
    await writes.close();
  }
  const worst = Math.max(...rows.map((r) => r.p95));
  const cpu = rows.map((r) => r.serverCpuMsPerRequest);
  const worstCpu = cpu.every((ms) => ms !== null) ? Math.max(...(cpu as number[])) : null;
  return {
    figure: 3,
    name: "Warm server render (full HTML) p50/p95",
    value: rows
      .map(
        (r) =>
          `${r.path} c${r.concurrency} ${r.p50}/${r.p95} ms (${r.keptAnswers}/${r.n} kept, ${r.serverCpuMsPerRequest} ms CPU)`,
      )
      .join("; "),
    goal: "p95 ≤ 100 ms, ≤ 10 ms of server CPU per warm render",
    pass: worst <= 100 && worstCpu !== null && worstCpu <= 10,
    method: `GET with grace@acme.test's session cookies until the last byte; after the Insights history fill, an idle job queue and a quiet web process and worker; 3 warm-up loads per page, then ${iterations} sequential (c1) and ${iterations * 2} at concurrency 10; read cache inside its freshness window; "kept": answered from a kept render (x-render-cache: hit); Bosun's CPU time per request from /proc/<pid>/stat; per row, the org-data changes heard and rows written per table while it ran`,
    data: { quietBeforeMs: quiet.waitedMs, rows },
  };
}
