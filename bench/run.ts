/**
 * npm run bench — Bosun's performance figures, measured side by
 * side in one run. See bench/README.md for options and what each figure means.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PORTS, JIRA_DEMO_API_TOKEN } from "@/lib/platform/config/demo";
import { launchBrowser, measureLcp, signIn } from "./browser";
import { measureDashboard } from "./dashboard";
import { measureFirstLoadJs } from "./first-load-js";
import { measureInsights } from "./insights";
import { closeAgent } from "./http-get";
import { measurePlanning } from "./planning";
import { measureWarmRenders } from "./render";
import { releasesPageLevel } from "./releases-levels";
import { measureSentryPage } from "./sentry-page";
import {
  BENCH_DIST_DIR,
  buildBosun,
  EMULATOR_URLS,
  ROOT,
  seed,
  startBosun,
  startDatabase,
  startEmulators,
  startRecordingProxy,
  startWorker,
  stopAll,
  waitForFreePorts,
} from "./servers";
import type { Figure, FigureError } from "./types";
import { measureWebhooks } from "./webhooks";
import { measureIntakeThroughput } from "./intake-throughput";
import { measureScaleOut } from "./scale-out";

const { values } = parseArgs({
  options: {
    latency: { type: "string", default: "80" },
    only: { type: "string" },
    skip: { type: "string", default: "" },
    port: { type: "string", default: "3200" },
    samples: { type: "string", default: "7" },
    iterations: { type: "string", default: "50" },
    "lcp-samples": { type: "string", default: "5" },
    "webhook-rate": { type: "string", default: "500" },
    "webhook-seconds": { type: "string", default: "30" },
    "webhook-incidents": { type: "string", default: "500" },
    "drain-timeout": { type: "string", default: "180" },
    "job-concurrency": { type: "string", default: "4" },
    "worker-nice": { type: "string", default: "10" },
    "port-wait": { type: "string", default: "900" },
    profile: { type: "string" },
  },
});

const ALL = [5, 4, 6, 2, 1, 9, 8, 11, 10, 13, 12, 3, 7, 14, 15];
const only = values.only ? values.only.split(",").map(Number) : ALL;
const wants = (figure: number) => only.includes(figure);
const skip = new Set(values.skip.split(",").filter(Boolean));
const latencyMs = Number(values.latency);
const samples = Number(values.samples);
const port = Number(values.port);

const figures: Figure[] = [];
const errors: FigureError[] = [];
const notes: string[] = [];
const startedAt = new Date();
const clock = performance.now();
const elapsed = () => `${((performance.now() - clock) / 1000).toFixed(0)} s`;

async function attempt(figure: number, name: string, fn: () => Promise<Figure | Figure[]> | Figure | Figure[]) {
  if (!wants(figure)) return;
  console.log(`[${elapsed()}] figure ${figure}: ${name}…`);
  try {
    const result = await fn();
    figures.push(...(Array.isArray(result) ? result : [result]));
  } catch (error) {
    console.error(`  figure ${figure} failed:`, error);
    errors.push({ figure, name, error: error instanceof Error ? error.message : String(error) });
  }
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping everything this run started…`);
    void stopAll().then(() => process.exit(130));
  });

try {
  await attempt(5, "sprint planning", () => measurePlanning({ runs: Math.max(samples, 7), smallInstances: 300 }));

  const needsBuild = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].some(wants);
  if (needsBuild) {
    if (skip.has("build")) {
      if (!existsSync(path.join(ROOT, BENCH_DIST_DIR, "BUILD_ID")))
        throw new Error(`--skip build, but there is no ${BENCH_DIST_DIR} build to reuse`);
      notes.push(`reused the existing ${BENCH_DIST_DIR} build (--skip build)`);
    } else {
      console.log(`[${elapsed()}] next build → ${BENCH_DIST_DIR}…`);
      const buildMs = await buildBosun();
      notes.push(`built ${BENCH_DIST_DIR} in ${Math.round(buildMs / 1000)} s`);
    }
  }
  await attempt(4, "first-load JS", () => measureFirstLoadJs(path.join(ROOT, BENCH_DIST_DIR)));

  if ([1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].some(wants) && !interrupted) {
    // The mail catcher starts with the emulators too (SMTP and its web port).
    const ports = [
      port,
      ...(wants(15) ? [port + 1] : []),
      ...Object.values(EMULATOR_URLS).map((u) => Number(new URL(u).port)),
      DEMO_PORTS.mail,
      DEMO_PORTS.mailHttp,
    ];
    await waitForFreePorts(ports, Number(values["port-wait"]) * 1000);
    const bosunUrl = `http://localhost:${port}`;
    console.log(`[${elapsed()}] starting emulators (large, +${latencyMs} ms), database, proxy, Bosun on ${bosunUrl}…`);
    await startEmulators({ bosunUrl, latencyMs });
    // Long-lived access tokens, so plain-HTTP requests with the browser's cookies never need a refresh.
    await fetch(`${EMULATOR_URLS.workos}/__emulator/tokens`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ accessTokenTtlSeconds: 86_400 }),
    });
    const databaseUrl = await startDatabase();
    const proxy = await startRecordingProxy(EMULATOR_URLS.jira);
    // Sentry through a proxy of its own, so the Performance page's figures see every Sentry request.
    const sentryProxy = await startRecordingProxy(EMULATOR_URLS.sentry);
    console.log(`  seeded: ${await seed(databaseUrl, proxy.url, sentryProxy.url)}`);
    const bosun = await startBosun({ port, databaseUrl, profileDir: values.profile });
    const startBenchWorker = (publicUrl: string) =>
      startWorker({
        databaseUrl,
        publicUrl,
        concurrency: Number(values["job-concurrency"]),
        nice: Number(values["worker-nice"]),
      });
    const worker = startBenchWorker(bosun.url);
    console.log(`[${elapsed()}] Bosun is up; signing in as grace@acme.test…`);
    const browser = await launchBrowser();
    try {
      const session = await signIn(browser, bosun.url, "grace@acme.test");
      // One measurement gives figures 1 and 2; it runs under figure 1's name only when figure 2 is not wanted.
      const dashboard = {
        baseUrl: bosun.url,
        cookieHeader: session.cookieHeader,
        databaseUrl,
        proxy,
        samples,
        latencyMs,
      };
      await attempt(2, "upstream requests (with figure 1)", () => measureDashboard(dashboard));
      if (wants(1) && !wants(2)) await attempt(1, "cold dashboard vs critical path", () => measureDashboard(dashboard));
      const performancePage = {
        label: "Performance page",
        path: "/acme/performance",
        baseUrl: bosun.url,
        cookieHeader: session.cookieHeader,
        databaseUrl,
        proxy: sentryProxy,
        samples,
        latencyMs,
        figures: [8, 9] as [number, number],
        minimumMeans: "one per panel: web vitals, transactions, two time series, and the project list",
      };
      // Like figures 1 and 2: one measurement gives both, under figure 8's name only when figure 9 is not wanted.
      await attempt(9, "Performance page upstream requests (with figure 8)", () => measureSentryPage(performancePage));
      if (wants(8) && !wants(9))
        await attempt(8, "cold Performance page vs critical path", () => measureSentryPage(performancePage));
      const releasesPage = {
        ...performancePage,
        label: "releases list (with scorecards)",
        path: "/acme/releases",
        figures: [10, 11] as [number, number],
        levelOf: releasesPageLevel,
        minimumMeans:
          "the release list's pages, release sessions, per-release performance and error events, and one feedback search per newest release",
      };
      // The same pairing for the releases list: figure 11 measures figure 10 too.
      await attempt(11, "releases list upstream requests (with figure 10)", () => measureSentryPage(releasesPage));
      if (wants(10) && !wants(11))
        await attempt(10, "cold releases list vs critical path", () => measureSentryPage(releasesPage));
      // Like figures 8 and 9: one pass over the Insights pages gives figures 12 and 13.
      const insights = {
        baseUrl: bosun.url,
        cookieHeader: session.cookieHeader,
        databaseUrl,
        proxies: [proxy, sentryProxy],
        iterations: Number(values.iterations),
      };
      await attempt(13, "Insights pages upstream requests (with figure 12)", () => measureInsights(insights));
      if (wants(12) && !wants(13)) await attempt(12, "Insights pages warm render", () => measureInsights(insights));
      await attempt(3, "warm renders", () =>
        measureWarmRenders({
          baseUrl: bosun.url,
          cookieHeader: session.cookieHeader,
          paths: ["/acme/sprints", "/acme/errors", "/acme/releases"],
          iterations: Number(values.iterations),
          serverPid: bosun.child.pid,
          pids: [bosun.child.pid, worker.pid],
          databaseUrl,
        }),
      );
      await attempt(7, "LCP", () =>
        measureLcp(
          browser,
          bosun.url,
          session,
          ["/acme/sprints", "/acme/errors", "/acme/releases"],
          Number(values["lcp-samples"]),
        ),
      );
    } finally {
      await browser.close();
    }
    // Last: it leaves a queue behind that would disturb the other figures.
    // Figure 6's alert storm; figure 15 sends the same over two processes.
    const storm = {
      databaseUrl,
      jiraUrl: EMULATOR_URLS.jira,
      jiraAuth: `Bearer ${JIRA_DEMO_API_TOKEN}`,
      rate: Number(values["webhook-rate"]),
      seconds: Number(values["webhook-seconds"]),
      incidents: Number(values["webhook-incidents"]),
      drainTimeoutSeconds: Number(values["drain-timeout"]),
    };
    await attempt(6, "webhook acknowledgement", () =>
      measureWebhooks({ ...storm, baseUrl: bosun.url, serverPid: bosun.child.pid, workerPid: worker.pid }),
    );
    // After figure 6 has drained its queue; what this one queues is left to the worker as the run ends.
    await attempt(14, "webhook intake throughput vs a bare reference (6b)", () =>
      measureIntakeThroughput({
        bosunUrl: bosun.url,
        databaseUrl,
        serverPid: bosun.child.pid,
        seconds: Number(values["webhook-seconds"]),
      }),
    );
    // Last of all: a second web process and worker join the first pair for the rest of the run.
    await attempt(15, "scale-out: two web processes, two workers", () =>
      measureScaleOut({
        first: { url: bosun.url, pid: bosun.child.pid },
        startSecond: async () => {
          const second = await startBosun({ port: port + 1, databaseUrl });
          startBenchWorker(second.url);
          return { url: second.url, pid: second.child.pid };
        },
        storm: {
          ...storm,
          // Figure 14 leaves its queue to the workers; the storm's count waits for that too.
          drainTimeoutSeconds: storm.drainTimeoutSeconds + 600,
        },
      }),
    );
  }
} catch (error) {
  console.error("bench setup failed:", error);
  errors.push({ figure: 0, name: "setup", error: error instanceof Error ? error.message : String(error) });
} finally {
  closeAgent();
  await stopAll();
}

// Figures asked for that produced no number are listed, never filled in.
const measured = new Set(figures.map((f) => f.figure));
const notMeasured = only.filter((n) => !measured.has(n));
const report = {
  startedAt: startedAt.toISOString(),
  durationSeconds: Math.round((performance.now() - clock) / 1000),
  options: { ...values, figures: only },
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    loadAverageAtEnd: os.loadavg(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  },
  notes,
  figures: [...figures].sort((a, b) => a.figure - b.figure),
  errors,
  notMeasured,
};
const dir = path.join(ROOT, "bench/results");
mkdirSync(dir, { recursive: true });
const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
writeFileSync(path.join(dir, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(dir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);

console.log(
  `\nBosun bench — ${report.startedAt}, ${report.durationSeconds} s, upstream latency +${latencyMs} ms, ${report.machine.cpus} CPUs`,
);
for (const note of notes) console.log(`  note: ${note}`);
console.log("");
for (const f of report.figures) {
  console.log(`(${f.figure}) ${f.name} — ${f.pass ? "PASS" : "FAIL"}`);
  console.log(`    value:  ${f.value}`);
  console.log(`    goal:   ${f.goal}`);
  console.log(`    method: ${f.method}`);
}
for (const e of errors) console.log(`(${e.figure}) ${e.name} — ERROR: ${e.error}`);
if (notMeasured.length > 0) console.log(`\nNot measured in this run: ${notMeasured.join(", ")}`);
console.log(`\nWrote bench/results/${stamp}.json and bench/results/latest.json`);
process.exit(errors.length > 0 ? 1 : 0);
