/**
 * Figures for a page that reads Sentry (the Performance page, figures 8 and 9; the releases list with its
 * scorecards, figures 10 and 11): its cold render against the
 * critical path of the minimal Sentry requests it needs, and its Sentry requests per cold and warm load — the same
 * method as the sprint dashboard's figures 1 and 2, with Bosun reaching Sentry only through a recording proxy.
 */
import { withAcmeCache } from "./acme-cache";
import { coldLoads, splitColdLoad, warmLoadsAndReplays, type PageMeasurement } from "./dashboard";
import { getCold } from "./http-get";
import type { ProxyEntry } from "./servers";
import { median, min, round } from "./stats";
import type { Figure } from "./types";

/** Cold loads made and thrown away before the measured ones (see measureSentryPage). */
const WARM_UP_LOADS = 5;

/** A read's dependency level, given the whole load it belongs to (e.g. a next page waits for the one before). */
export type LevelOf = (entry: ProxyEntry, load: ProxyEntry[]) => number;

/**
 * The distinct reads of a load (same path and the same parameters in any order), each at its dependency level: a
 * read is level 1 unless `levelOf` says it waits for another (the Performance page's reads are independent).
 */
export function minimalSentryReads(entries: ProxyEntry[], levelOf: LevelOf = () => 1) {
  const seen = new Map<string, ProxyEntry & { key: string; level: number }>();
  for (const entry of entries) {
    if (entry.method !== "GET") continue;
    const url = new URL(entry.url, "http://x");
    const params = [...url.searchParams.entries()].map(([k, v]) => `${k}=${v}`).sort();
    const key = `${url.pathname}?${params.join("&")}`;
    if (!seen.has(key)) seen.set(key, { ...entry, key, level: levelOf(entry, entries) });
  }
  return [...seen.values()];
}

export async function measureSentryPage({
  figures: [renderFigure, requestsFigure],
  label,
  path,
  levelOf,
  minimumMeans,
  ...measurement
}: PageMeasurement & {
  figures: [number, number];
  /** e.g. "Performance page". */
  label: string;
  /** e.g. "/acme/performance". */
  path: string;
  levelOf?: LevelOf;
  /** What the minimal reads are, for the method line, e.g. "one per panel: …". */
  minimumMeans: string;
}): Promise<Figure[]> {
  const { baseUrl, cookieHeader, databaseUrl, proxy, samples, latencyMs } = measurement;
  const url = `${baseUrl}${path}`;
  return withAcmeCache(databaseUrl, async ({ emptyCache }) => {
    // The first loads after a start are not counted: the first makes the emulator build its span sample, and the
    // next ones still run Bosun's page code cold in V8 (a freshly started server's cold loads got faster load by
    // load for about five loads), which a long-running server has long since compiled.
    let first: { ms: number } | undefined;
    for (let i = 0; i < WARM_UP_LOADS; i++) {
      await emptyCache();
      proxy.take();
      const load = await getCold(url, cookieHeader);
      first ??= load;
      proxy.take();
    }

    const loads = await coldLoads({ url, cookieHeader, proxy, samples, emptyCache });
    const cold = loads.map(({ ms, log, started, ended }) => ({
      ms,
      requests: log.length,
      split: splitColdLoad(log, started, ended),
      // When each read started, from the load's start: reads started late show as a spread here.
      readStartsMs: log.map((e) => round(e.startMs - started)),
    }));
    const coldLog = loads.at(-1)?.log ?? [];
    const minimal = minimalSentryReads(coldLog, levelOf);
    const { warm, replayMs } = await warmLoadsAndReplays({ url, cookieHeader, proxy, samples, minimal });

    const coldMs = cold.map((c) => c.ms);
    const ratio = median(coldMs) / median(replayMs);
    const coldCounts = cold.map((c) => c.requests);
    const warmCounts = warm.map((w) => w.requests);
    const maxCold = Math.max(...coldCounts);
    const levels = Math.max(0, ...minimal.map((r) => r.level));
    const reads = minimal.map((r) => ({
      level: r.level,
      request: `${r.method} ${decodeURIComponent(r.url).slice(0, 240)}`,
    }));
    return [
      {
        figure: renderFigure,
        name: `Cold ${label} render vs critical path of minimal Sentry requests`,
        value: `render min ${round(min(coldMs))} / median ${round(median(coldMs))} ms; critical path min ${round(min(replayMs))} / median ${round(median(replayMs))} ms (${levels} level${levels === 1 ? "" : "s"}); ratio median ${ratio.toFixed(2)}`,
        goal: "ratio ≤ 1.25",
        pass: ratio <= 1.25,
        method: `GET ${path} (full HTML, streamed panels included) after deleting the org's CacheEntry rows, ${samples}× (after ${WARM_UP_LOADS} such loads not counted); the distinct Sentry reads of the cold load replayed through the same proxy to the Sentry emulator (+${latencyMs} ms), levels sequential and reads within a level concurrent, ${samples}×; ratio of medians`,
        data: {
          coldRenderMs: coldMs.map((v) => round(v)),
          replayMs: replayMs.map((v) => round(v)),
          ratio,
          minimalReads: reads,
          coldLoadSplit: cold.map((c) => c.split),
          readStartsMs: cold.map((c) => c.readStartsMs),
          firstLoadMs: round(first?.ms ?? 0),
          warmUpLoads: WARM_UP_LOADS,
        },
      },
      {
        figure: requestsFigure,
        name: `Upstream (Sentry) requests per ${label} load`,
        value: `cold ${coldCounts.join("/")} vs minimum ${minimal.length}; warm ${warmCounts.join("/")}`,
        goal: "cold = minimum, warm 0",
        pass: maxCold <= minimal.length && warmCounts.every((c) => c === 0),
        method: `recording proxy between Bosun and the Sentry emulator; cold = org's CacheEntry rows deleted before the load, warm = next load inside the freshness window; minimum = distinct reads of the cold load (${minimumMeans}); ${samples} loads each`,
        data: {
          coldRequests: coldCounts,
          warmRequests: warmCounts,
          minimum: minimal.length,
          coldLoadLog: coldLog.map(
            (e) =>
              `${e.method} ${decodeURIComponent(e.url).slice(0, 240)} → ${e.status} ${round(e.endMs - e.startMs)} ms`,
          ),
          warmRenderMs: warm.map((w) => round(w.ms)),
          htmlBytes: warm.map((w) => w.bytes),
        },
      },
    ];
  });
}
