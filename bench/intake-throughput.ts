/**
 * Figure 14 (6b): how many webhook acknowledgements per second Bosun's intake sustains, against a bare reference
 * intake (reference-intake.ts: node:http, the HMAC check, one INSERT) measured in the same run on the same
 * PostgreSQL. Both take the same closed-loop load of signed Sentry metric-alert deliveries, every body distinct;
 * the reference first, in a process of its own that is stopped before Bosun is measured. The same run answers the
 * storm goal: ≥ 2,000 acknowledgements/s sustained for the whole run with none slower than one second.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { DEMO_SENTRY_WEBHOOK_SECRETS } from "@/lib/platform/config/demo";
import { ROOT } from "@/scripts/db/schema-engine";
import { type ClosedLoopResult, measureClosedLoop } from "./closed-loop";
import { round } from "./stats";
import type { Figure } from "./types";
import { resolvedAlerts } from "./webhooks";

const REFERENCE_PORT = 3290;
const GOAL_RATIO = 0.8;
const GOAL_RATE = 2_000;

async function startReference(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "bench/reference-intake.ts",
      String(REFERENCE_PORT),
      databaseUrl,
      DEMO_SENTRY_WEBHOOK_SECRETS.acme,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`the reference intake exited (${code}) before it was ready`)));
  });
  return child;
}

const describe = (r: ClosedLoopResult) =>
  `${r.acknowledgedPerSecond}/s (p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms, ${r.overOneSecond} over 1 s)`;

export async function measureIntakeThroughput({
  bosunUrl,
  databaseUrl,
  serverPid,
  connections = 64,
  seconds = 30,
}: {
  bosunUrl: string;
  databaseUrl: string;
  serverPid?: number;
  connections?: number;
  seconds?: number;
}): Promise<Figure> {
  const run = `t${Date.now().toString(36)}`;
  const reference = await startReference(databaseUrl);
  let bare: Awaited<ReturnType<typeof measureClosedLoop>>;
  try {
    bare = await measureClosedLoop({
      targets: [{ url: `http://127.0.0.1:${REFERENCE_PORT}/`, pid: reference.pid }],
      connections,
      seconds,
      build: resolvedAlerts(`${run}r`, "throughput"),
    });
  } finally {
    reference.kill("SIGTERM");
  }
  const bosun = await measureClosedLoop({
    targets: [{ url: `${bosunUrl}/api/webhooks/sentry/acme`, pid: serverPid }],
    connections,
    seconds,
    build: resolvedAlerts(`${run}b`, "throughput"),
  });
  const ratio = round(bosun.acknowledgedPerSecond / Math.max(1, bare.acknowledgedPerSecond), 2);
  const sustained = bosun.acknowledgedPerSecond >= GOAL_RATE && bosun.overOneSecond === 0 && bosun.errors === 0;
  return {
    figure: 14,
    name: "(6b) Webhook intake throughput vs a bare reference intake",
    value: `Bosun ${describe(bosun)} vs reference ${describe(bare)}: ${ratio}×`,
    goal: `≥ ${GOAL_RATIO}× the reference; ≥ ${GOAL_RATE}/s for ${seconds} s with none over 1 s`,
    pass: ratio >= GOAL_RATIO && sustained,
    method: `closed loop, ${connections} keep-alive connections for ${seconds} s each (after a 1 s warm-up), signed Sentry metric_alert deliveries with distinct bodies; the reference (bench/reference-intake.ts: node:http, HMAC check, one INSERT … ON CONFLICT DO NOTHING per delivery) first in its own process, then Bosun's /api/webhooks/sentry/acme (the web process; the worker process works off the queued jobs meanwhile); CPU per request from /proc`,
    data: { connections, seconds, ratio, sustained, bosun, reference: bare },
  };
}
