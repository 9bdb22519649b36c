/**
 * The benchmark's services: the WorkOS/Jira/Sentry emulators (large dataset,
 * fixed added latency) in a child process, a PostgreSQL database of its own,
 * a recording proxy between Bosun and Jira, and the production server
 * (scripts/server.ts: Next.js behind the webhook front) on the production build
 * in .next-bench. Everything started here is stopped by `stopAll`.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type ChildProcess, spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { DEMO_HOST, DEMO_PORTS } from "@/lib/platform/config/demo";
import { launchVariables, parseEnv } from "@/lib/platform/env/schema";
import { seedDatabase } from "@/prisma/seed-data";
import { canConnect, databaseUrlFor, recreateDatabase, startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { applyMigrations, ROOT } from "@/scripts/db/schema-engine";
import { npmScriptNodeArgs } from "@/scripts/npm-script";

export { ROOT };
export const BENCH_DIST_DIR = ".next-bench";
export const EMULATOR_URLS = {
  workos: `http://${DEMO_HOST}:${DEMO_PORTS.workos}`,
  jira: `http://${DEMO_HOST}:${DEMO_PORTS.jira}`,
  sentry: `http://${DEMO_HOST}:${DEMO_PORTS.sentry}`,
};
const BENCH_DATABASE = "bosun_bench";
const BENCH_PG_PORT = 54331;

const cleanups: (() => Promise<void>)[] = [];
export async function stopAll() {
  while (cleanups.length > 0) await cleanups.pop()!().catch((error: unknown) => console.error("cleanup:", error));
}

/** Listening ports among `ports` (via `ss`), so the bench never fights another run for them. */
export function busyPorts(ports: number[]): number[] {
  const out = execFileSync("ss", ["-ltnH"], { encoding: "utf8" });
  const listening = new Set(out.split("\n").map((line) => Number(line.trim().split(/\s+/)[3]?.split(":").pop())));
  return ports.filter((port) => listening.has(port));
}

export async function waitForFreePorts(ports: number[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = busyPorts(ports);
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`ports still in use after ${timeoutMs / 1000} s: ${busy.join(", ")}`);
    console.log(`  waiting for ports ${busy.join(", ")} to be free…`);
    await sleep(10_000);
  }
}

function track(child: ChildProcess, name: string) {
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          if (child.pid) process.kill(child.pid, "SIGKILL");
        }, 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        if (child.pid) process.kill(child.pid, "SIGTERM");
        console.log(`  stopped ${name} (pid ${child.pid})`);
      }),
  );
}

async function waitForUrl(url: string, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${url} answered`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

export async function startEmulators({ bosunUrl, latencyMs }: { bosunUrl: string; latencyMs: number }) {
  const child = spawn(process.execPath, [TSX_CLI, "emulators/run.ts", "--size", "large", "--bosun-url", bosunUrl], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  track(child, "emulators");
  for (const url of Object.values(EMULATOR_URLS)) await waitForUrl(`${url}/__emulator/health`, 120_000, child);
  await setLatency(latencyMs);
  return child;
}

export async function setLatency(latencyMs: number) {
  for (const url of Object.values(EMULATOR_URLS)) {
    const response = await fetch(`${url}/__emulator/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ latencyMs }),
    });
    if (!response.ok) throw new Error(`PUT ${url}/__emulator/faults: ${response.status} ${await response.text()}`);
  }
}

/** A fresh database: on DATABASE_URL's server when given, else an embedded PostgreSQL under .data/bench-postgres. */
export async function startDatabase(): Promise<string> {
  const configured = process.env.DATABASE_URL?.trim();
  let serverUrl: string;
  if (configured) {
    serverUrl = databaseUrlFor(configured, "postgres");
  } else {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, ".data/bench-postgres"),
      port: BENCH_PG_PORT,
      database: "postgres",
      log: () => {},
    });
    if (!embedded.reused) cleanups.push(() => embedded.stop());
    serverUrl = embedded.urlFor("postgres");
  }
  if (!(await canConnect(serverUrl))) throw new Error(`cannot connect to ${serverUrl.replace(/:[^:@/]*@/, ":***@")}`);
  const url = await recreateDatabase(serverUrl, BENCH_DATABASE);
  await applyMigrations(url);
  return url;
}

export async function seed(databaseUrl: string, jiraUrl: string, sentryUrl = EMULATOR_URLS.sentry) {
  return seedDatabase(databaseUrl, { urls: { jira: jiraUrl, sentry: sentryUrl } });
}

export type ProxyEntry = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  startMs: number;
  endMs: number;
  status: number;
};

/** A proxy between Bosun and the Jira emulator that records every request (method, URL, body, timing). */
export async function startRecordingProxy(upstream: string) {
  const log: ProxyEntry[] = [];
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const recorded: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string" && !["host", "content-length", "connection"].includes(name))
          recorded[name] = value;
      const entry: ProxyEntry = {
        method: req.method ?? "GET",
        url: req.url ?? "/",
        headers: recorded,
        body: body.toString("utf8"),
        startMs: performance.now(),
        endMs: 0,
        status: 0,
      };
      log.push(entry);
      const headers = { ...req.headers, host: target.host };
      const forward = http.request(
        { agent, hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers },
        (answer) => {
          entry.status = answer.statusCode ?? 0;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("end", () => {
            entry.endMs = performance.now();
          });
        },
      );
      forward.on("error", () => {
        entry.endMs = performance.now();
        res.writeHead(502).end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    take(): ProxyEntry[] {
      return log.splice(0, log.length);
    },
  };
}

export function buildBosun() {
  return new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    track(child, "next build");
    child.on("exit", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`next build exited with ${code}`)),
    );
  });
}

/** The environment of Bosun's processes in the bench: production, on the bench database, quiet logs. */
function bosunEnvironment({ publicUrl, databaseUrl }: { publicUrl: string; databaseUrl: string }): NodeJS.ProcessEnv {
  const base = { ...process.env, BOSUN_PUBLIC_URL: publicUrl, DATABASE_URL: databaseUrl };
  return {
    ...base,
    ...launchVariables(parseEnv(base)),
    NODE_ENV: "production",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
}

/** `profileDir`: run the server under V8's sampling profiler; the .cpuprofile is written there when it stops. */
export async function startBosun({
  port,
  databaseUrl,
  profileDir,
}: {
  port: number;
  databaseUrl: string;
  profileDir?: string;
}) {
  const publicUrl = `http://localhost:${port}`;
  // Through NODE_OPTIONS, as a user would profile `npm start`.
  const profile = profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}` } : {};
  // The production server `npm start` runs: Next.js behind the webhook front (scripts/server.ts).
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/server.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...bosunEnvironment({ publicUrl, databaseUrl }),
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      BOSUN_WORKER: "separate",
      PORT: String(port),
      ...profile,
    },
  });
  track(child, "bosun server");
  await waitForUrl(`${publicUrl}/api/health`, 120_000, child);
  return { url: publicUrl, child };
}

/**
 * `npm run worker`'s process (the web process above leaves background work to
 * it, as in production), at a lower CPU priority (`nice`): on a host shared
 * with web processes, a burst of jobs should use the CPU the requests leave
 * over, not delay the acknowledgements.
 */
export function startWorker({
  databaseUrl,
  publicUrl,
  concurrency,
  nice,
}: {
  databaseUrl: string;
  publicUrl: string;
  concurrency: number;
  nice: number;
}) {
  const child = spawn("nice", ["-n", String(nice), process.execPath, ...npmScriptNodeArgs("worker")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...bosunEnvironment({ publicUrl, databaseUrl }), BOSUN_JOB_CONCURRENCY: String(concurrency) },
  });
  track(child, "worker");
  return child;
}
