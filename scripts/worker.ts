// npm run worker: Bosun's background work in a process of its own — the job queue (webhook deliveries,
// automation retries, periodic checks) and the outbox (outbound Jira/Sentry writes). Run it next to web
// processes started with BOSUN_WORKER=separate, as many as you like: SKIP LOCKED keeps them from taking the
// same job, and NOTIFY wakes them the moment a job is queued. Stops gracefully on SIGTERM/SIGINT.
//
// Runs under the react-server export condition (see package.json), so the app's `server-only` modules load.
import { existsSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import path from "node:path";

const envFile = path.join(import.meta.dirname, "..", ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

// Imported only now: lib/platform/env reads process.env when it loads.
const { env } = await import("../lib/platform/env");
const { startBackgroundWork, stopBackgroundWork } = await import("../lib/features/background");
const { pool } = await import("../lib/db/client");
const { logger } = await import("../lib/platform/observability/logger");
const { checkCredentialKeysAtStartup } = await import("../lib/platform/crypto/startup-check");

if (!(await checkCredentialKeysAtStartup("worker"))) {
  await pool.end();
  process.exit(1);
}
// A storm's processing waits a little instead of delaying the web processes' acknowledgements (BOSUN_WORKER_NICE).
try {
  if (env.worker.nice > 0) setPriority(env.worker.nice);
} catch (error) {
  logger.warn(
    { err: error, nice: env.worker.nice },
    "could not lower the worker's CPU priority; running at the default",
  );
}
startBackgroundWork();
logger.info({ concurrency: env.worker.concurrency, nice: getPriority(), pid: process.pid }, "worker started");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker stopping after the work under way");
  await stopBackgroundWork();
  await pool.end();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));
// The workers' timers are unref'd so web processes can exit; here they are the whole point.
setInterval(() => {}, 1 << 30);
