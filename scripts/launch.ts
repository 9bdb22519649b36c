// npm run dev / npm start: everything Bosun needs, then Next.js.
//  - loads .env if there is one (none is needed for demo mode);
//  - with no DATABASE_URL, starts the embedded PostgreSQL under .data/;
//  - applies pending migrations; in demo mode seeds the demo orgs and starts the emulators;
//  - runs `next dev`, or for `start` the production server (scripts/server.ts), with AuthKit's variables filled in.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { launchVariables, parseEnv, EnvValidationError } from "../lib/platform/env/schema";
import { applyMigrations, ROOT } from "./db/schema-engine";
import { resolveDatabase, redactUrl } from "./db/resolve-database";
import { DatabaseStartError } from "./db/embedded-postgres";
import { seedDatabase } from "../prisma/seed-data";
import { startDemoServices } from "./demo-services";
import { blocks, formatFindings } from "./doctor/checks";
import { runChecks } from "./doctor/facts";

const command = process.argv[2];
if (command !== "dev" && command !== "start") {
  console.error("Usage: node --import tsx scripts/launch.ts <dev|start>");
  process.exit(2);
}

const envFile = path.join(ROOT, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  console.error(error instanceof EnvValidationError ? error.message : error);
  process.exit(1);
}

/** Start-up failures end in their message alone (a held port, a server that does not answer), never a stack trace. */
function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// What `npm run doctor` would flag that stops this start: an old Node, a full disk, a taken port, an unreachable DATABASE_URL.
const findings = await runChecks(["node", "disk", "ports", "database"]).catch(fail);
if (blocks(findings)) {
  console.error(formatFindings(findings.filter((finding) => finding.blocking)));
  process.exit(1);
}

const started = Date.now();
// A database that cannot start explains itself in one sentence (no embedded PostgreSQL here, a held port, …).
const { url: databaseUrl, embedded } = await resolveDatabase().catch((error: unknown) => {
  console.error(error instanceof DatabaseStartError ? error.message : error);
  process.exit(1);
});
let stopDemoServices = async () => {};
try {
  const applied = await applyMigrations(databaseUrl);
  console.log(`Database ${redactUrl(databaseUrl)}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  if (env.mode === "demo") {
    stopDemoServices = await startDemoServices(env.publicUrl);
    console.log(`Demo data: ${await seedDatabase(databaseUrl, { automationHistory: true })}`);
  }
} catch (error) {
  await stopDemoServices();
  await embedded?.stop();
  fail(error);
}

const port = process.env.PORT ?? "3000";
const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
// `start` serves through scripts/server.ts: Next.js behind a front that takes webhook deliveries on a lean path.
// It loads TypeScript through tsx's loader in its own process: tsx's CLI would put a wrapper in between that
// SIGKILLs a server too busy to acknowledge SIGTERM within 30 ms, cutting off the requests under way.
const serverArgs =
  command === "dev" ? [nextBin, "dev", "--port", port] : ["--import", "tsx", path.join(ROOT, "scripts/server.ts")];
const child = spawn(process.execPath, serverArgs, {
  cwd: ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    ...launchVariables(env),
    DATABASE_URL: databaseUrl,
    NODE_ENV: command === "dev" ? "development" : "production",
  },
});
console.log(
  `Bosun (${env.mode} mode) is starting on http://localhost:${port} — ready steps took ${Date.now() - started} ms`,
);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await stopDemoServices();
  await embedded?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));
