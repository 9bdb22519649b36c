/**
 * Figures 1 and 2: the cold sprint-capacity dashboard (/acme/sprints, large
 * org) against the critical path of the minimal upstream (Jira) requests it
 * needs, and the upstream request counts of cold and warm loads. Bosun reaches
 * Jira only through the recording proxy, so every request it makes is seen.
 */
import { withAcmeCache } from "./acme-cache";
import { getCold, getOk } from "./http-get";
import type { ProxyEntry } from "./servers";
import { median, min, round } from "./stats";
import type { Figure } from "./types";

type Replayable = {
  key: string;
  level: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
};

function jqlOf(entry: ProxyEntry): string {
  const url = new URL(entry.url, "http://x");
  const fromQuery = url.searchParams.get("jql");
  if (fromQuery) return fromQuery;
  if (!entry.body) return "";
  try {
    const body = JSON.parse(entry.body) as { jql?: unknown };
    return typeof body.jql === "string" ? body.jql : "";
  } catch {
    return "";
  }
}

function hasPageToken(entry: ProxyEntry): boolean {
  const url = new URL(entry.url, "http://x");
  if (url.searchParams.get("nextPageToken") || Number(url.searchParams.get("startAt") ?? 0) > 0) return true;
  try {
    const body = JSON.parse(entry.body || "{}") as { nextPageToken?: unknown; startAt?: unknown };
    return Boolean(body.nextPageToken) || Number(body.startAt ?? 0) > 0;
  } catch {
    return false;
  }
}

/**
 * The dependency level of a read: 1 board list (and reads needing no id),
 * 2 board configuration and sprint list (need the board id), 3 searches by
 * sprint (need the sprint id), 4 issues by key (need the keys the sprint's
 * issues link to, so they come after the last page of those). Each further
 * page of a paged read (nextPageToken) is one level deeper.
 */
function baseLevel(entry: ProxyEntry): number {
  const path = new URL(entry.url, "http://x").pathname;
  const jql = jqlOf(entry).toLowerCase();
  if (/\/rest\/agile\/1\.0\/board$/.test(path)) return 1;
  if (/\/rest\/agile\/1\.0\/board\/\d+\/(configuration|sprint)$/.test(path)) return 2;
  if (jql.includes("key in")) return 4;
  if (jql.includes("sprint") || /\/sprint\/\d+\/issue$/.test(path)) return 3;
  return 1;
}

/** The distinct reads of a load: the same path and JQL (ORDER BY aside) and page are one read. */
export function minimalSet(entries: ProxyEntry[]): Replayable[] {
  const seen = new Map<string, Replayable>();
  const pagesSoFar = new Map<string, number>();
  for (const entry of entries) {
    if (entry.method !== "GET" && !(entry.method === "POST" && /search/.test(entry.url))) continue;
    const url = new URL(entry.url, "http://x");
    const jql = jqlOf(entry)
      .replace(/\s+order\s+by\s+.*$/i, "")
      .trim();
    const readKey = `${url.pathname} ${jql}`;
    const page = hasPageToken(entry) ? (pagesSoFar.get(readKey) ?? 0) + 1 : 0;
    pagesSoFar.set(readKey, page);
    const key = `${readKey} #${page}`;
    if (!seen.has(key))
      seen.set(key, {
        key,
        level: baseLevel(entry) + page,
        method: entry.method,
        url: entry.url,
        headers: entry.headers,
        body: entry.body,
      });
  }
  // Issues by key need the keys that every page of the sprint's issues links to: after the deepest sprint page.
  const reads = [...seen.values()];
  const deepestSprintPage = Math.max(
    0,
    ...reads.filter((r) => r.level >= 3 && !r.key.toLowerCase().includes("key in")).map((r) => r.level),
  );
  for (const read of reads)
    if (read.key.toLowerCase().includes("key in")) read.level = Math.max(read.level, deepestSprintPage + 1);
  return reads;
}

/** Replays the reads against `upstream`: each level's reads at once, levels one after another. Returns the wall time. */
export async function replay(upstream: string, reads: Replayable[]): Promise<number> {
  const levels = [...new Set(reads.map((r) => r.level))].sort((a, b) => a - b);
  const started = performance.now();
  for (const level of levels) {
    await Promise.all(
      reads
        .filter((r) => r.level === level)
        .map(async (r) => {
          const response = await fetch(`${upstream}${r.url}`, {
            method: r.method,
            headers: r.headers,
            body: r.method === "GET" ? undefined : r.body,
          });
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`replay ${r.method} ${r.url}: ${response.status}`);
        }),
    );
  }
  return performance.now() - started;
}

/**
 * The cold half of a page measurement: `samples` loads, each after emptying the org's cache, with the
 * upstream requests each made and when it started and ended (for the split of where its time went).
 */
export async function coldLoads({
  url,
  cookieHeader,
  proxy,
  samples,
  emptyCache,
}: {
  url: string;
  cookieHeader: string;
  proxy: { take(): ProxyEntry[] };
  samples: number;
  emptyCache: () => Promise<unknown>;
}): Promise<{ ms: number; log: ProxyEntry[]; started: number; ended: number }[]> {
  const loads: { ms: number; log: ProxyEntry[]; started: number; ended: number }[] = [];
  for (let i = 0; i < samples; i++) {
    await emptyCache();
    proxy.take();
    const started = performance.now();
    const load = await getCold(url, cookieHeader);
    const ended = performance.now();
    loads.push({ ms: load.ms, log: proxy.take(), started, ended });
  }
  return loads;
}

/**
 * The warm half of a page measurement: `samples` loads with the cache filled (time and upstream requests
 * each), then the minimal reads replayed `samples` times straight to the upstream (the critical path).
 */
export async function warmLoadsAndReplays({
  url,
  cookieHeader,
  proxy,
  samples,
  minimal,
}: {
  url: string;
  cookieHeader: string;
  proxy: { url: string; take(): ProxyEntry[] };
  samples: number;
  minimal: Replayable[];
}): Promise<{ warm: { ms: number; requests: number; bytes: number }[]; replayMs: number[] }> {
  const warm: { ms: number; requests: number; bytes: number }[] = [];
  for (let i = 0; i < samples; i++) {
    proxy.take();
    const load = await getOk(url, cookieHeader);
    warm.push({ ms: load.ms, requests: proxy.take().length, bytes: load.bytes });
  }
  await replay(proxy.url, minimal); // warm the connection path once, not counted
  const replayMs: number[] = [];
  for (let i = 0; i < samples; i++) replayMs.push(await replay(proxy.url, minimal));
  proxy.take();
  return { warm, replayMs };
}

/** Longest chain of requests in the log where each starts after the previous one ended: Bosun's own sequential depth. */
function observedDepth(entries: ProxyEntry[]): number {
  const sorted = [...entries].sort((a, b) => a.startMs - b.startMs);
  const depth: number[] = [];
  sorted.forEach((entry, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.endMs <= entry.startMs) best = Math.max(best, depth[j]!);
    depth.push(best + 1);
  });
  return Math.max(0, ...depth);
}

/** Where a cold load's time goes: before its first Jira read, between the first read's start and the last one's end, and after. */
export type ColdSplit = { beforeFirstReadMs: number; readsMs: number; afterLastReadMs: number };

export function splitColdLoad(log: ProxyEntry[], started: number, ended: number): ColdSplit {
  if (log.length === 0) return { beforeFirstReadMs: round(ended - started), readsMs: 0, afterLastReadMs: 0 };
  const firstStart = Math.min(...log.map((e) => e.startMs));
  const lastEnd = Math.max(...log.map((e) => e.endMs));
  return {
    beforeFirstReadMs: round(firstStart - started),
    readsMs: round(lastEnd - firstStart),
    afterLastReadMs: round(ended - lastEnd),
  };
}

const describe = (entries: ProxyEntry[]) =>
  entries.map(
    (e) => `${e.method} ${decodeURIComponent(e.url).slice(0, 160)} → ${e.status} ${round(e.endMs - e.startMs)} ms`,
  );

/**
 * What measuring a page's cold and warm loads takes: the running Bosun and a signed-in session's cookies, the
 * database whose cache each cold load empties, the recording proxy in front of the upstream service, how many loads,
 * and the latency the emulators add (for the method line).
 */
export type PageMeasurement = {
  baseUrl: string;
  cookieHeader: string;
  databaseUrl: string;
  proxy: { url: string; take(): ProxyEntry[] };
  samples: number;
  latencyMs: number;
};

export async function measureDashboard(measurement: PageMeasurement): Promise<Figure[]> {
  const { baseUrl, cookieHeader, databaseUrl, proxy, samples, latencyMs } = measurement;
  const url = `${baseUrl}/acme/sprints`;
  return withAcmeCache(databaseUrl, async ({ emptyCache }) => {
    // The very first load also backfills closed sprints' snapshots (once per board, ever).
    await emptyCache();
    proxy.take();
    const first = await getCold(url, cookieHeader);
    const firstLog = proxy.take();

    const loads = await coldLoads({ url, cookieHeader, proxy, samples, emptyCache });
    const cold = loads.map(({ ms, log, started, ended }) => ({
      ms,
      requests: log.length,
      depth: observedDepth(log),
      split: splitColdLoad(log, started, ended),
    }));
    const coldLog = loads.at(-1)?.log ?? [];
    const minimal = minimalSet(coldLog);
    const { warm, replayMs } = await warmLoadsAndReplays({ url, cookieHeader, proxy, samples, minimal });

    const coldMs = cold.map((c) => c.ms);
    const ratio = median(coldMs) / median(replayMs);
    const minRatio = min(coldMs) / min(replayMs);
    const coldCounts = cold.map((c) => c.requests);
    const maxCold = Math.max(...coldCounts);
    const levels = Math.max(0, ...minimal.map((r) => r.level));
    const warmCounts = warm.map((w) => w.requests);

    const figure1: Figure = {
      figure: 1,
      name: "Cold sprint dashboard render vs critical path of minimal upstream requests",
      value: `render min ${round(min(coldMs))} / median ${round(median(coldMs))} ms; critical path min ${round(min(replayMs))} / median ${round(median(replayMs))} ms (${levels} levels); ratio median ${ratio.toFixed(2)} (min/min ${minRatio.toFixed(2)})`,
      goal: "ratio ≤ 1.25",
      pass: ratio <= 1.25,
      method: `GET /acme/sprints (full HTML) after deleting the org's CacheEntry rows, ${samples}×; minimal reads replayed through the same proxy to the Jira emulator (+${latencyMs} ms), levels sequential and reads within a level concurrent, ${samples}×; ratio of medians`,
      data: {
        coldRenderMs: coldMs.map((v) => round(v)),
        replayMs: replayMs.map((v) => round(v)),
        ratioOfMedians: ratio,
        ratioOfMins: minRatio,
        minimalReads: minimal.map((r) => ({
          level: r.level,
          request: `${r.method} ${decodeURIComponent(r.url).slice(0, 200)}`,
        })),
        observedSequentialDepth: cold.map((c) => c.depth),
        coldLoadSplit: cold.map((c) => c.split),
        firstLoadMs: round(first.ms),
      },
    };
    const figure2: Figure = {
      figure: 2,
      name: "Upstream (Jira) requests per sprint dashboard load",
      value: `cold ${coldCounts.join("/")} vs minimum ${minimal.length} (${(maxCold / minimal.length).toFixed(2)}×); warm ${warmCounts.join("/")}; first-ever load ${firstLog.length}`,
      goal: "cold ≤ 1.1× minimum, warm 0",
      pass: maxCold <= 1.1 * minimal.length && warmCounts.every((c) => c === 0),
      method: `recording proxy between Bosun and the Jira emulator; cold = org's CacheEntry rows deleted before the load, warm = next load inside the freshness window; minimum = distinct reads (same path, JQL without ORDER BY, page) of the cold load; first-ever load includes the one-time closed-sprint backfill; ${samples} loads each`,
      data: {
        coldRequests: coldCounts,
        warmRequests: warmCounts,
        minimum: minimal.length,
        firstEverLoadRequests: firstLog.length,
        coldLoadLog: describe(coldLog),
        firstLoadLog: describe(firstLog),
        warmRenderMs: warm.map((w) => round(w.ms)),
      },
    };
    return [figure1, figure2];
  });
}
