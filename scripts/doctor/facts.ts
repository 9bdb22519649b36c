import { existsSync, readFileSync, statfsSync } from "node:fs";
import path from "node:path";
import { DEMO_HOST, DEMO_PORTS, demoServiceUrl } from "../../lib/platform/config/demo";
import { EnvValidationError, parseEnv } from "../../lib/platform/env/schema";
import { canConnect, embeddedUrl, nativeDirectory } from "../db/embedded-postgres";
import { canReach, canReachFolder, postgresUser } from "../db/postgres-as-root";
import { redactUrl } from "../db/resolve-database";
import { ROOT } from "../db/schema-engine";
import {
  checkChromium,
  checkDatabase,
  checkDisk,
  checkEnvironment,
  checkNode,
  checkPort,
  checkPrivateFolder,
  type Finding,
  type PortState,
} from "./checks";
import { describeHolder, findPortHolder, isPortFree } from "./ports";

/** Gathers the machine's facts for the checks in checks.ts. */

export type CheckName = "environment" | "node" | "chromium" | "disk" | "ports" | "private-folder" | "database";

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function enginesNode(): string | undefined {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines?: { node?: string } };
  return pkg.engines?.node;
}

function environment(): { mode: "demo" | "live"; error: string | null } {
  try {
    return { mode: parseEnv(process.env).mode, error: null };
  } catch (error) {
    const mode =
      process.env.BOSUN_MODE === "live" || (!process.env.BOSUN_MODE && process.env.WORKOS_API_KEY) ? "live" : "demo";
    return { mode, error: error instanceof EnvValidationError ? error.message : String(error) };
  }
}

async function emulatorAnswers(url: string) {
  try {
    return (await fetch(`${url}/__emulator/health`, { signal: AbortSignal.timeout(500) })).ok;
  } catch {
    return false;
  }
}

async function portState(
  port: number,
  purpose: string,
  fix: string,
  isBosuns: () => Promise<boolean>,
): Promise<PortState> {
  if (await isPortFree(port)) return { port, purpose, fix, state: "free" };
  if (await isBosuns()) return { port, purpose, fix, state: "bosun" };
  return { port, purpose, fix, state: "taken", holder: describeHolder(findPortHolder(port)) };
}

/** The ports `npm run dev` binds in this configuration. */
async function portFindings(mode: "demo" | "live", embedded: boolean): Promise<Finding[]> {
  const app = Number(process.env.PORT ?? DEMO_PORTS.app);
  const states = [
    portState(
      app,
      "Bosun's web server",
      "stop it, or start Bosun on another port with PORT (e.g. `PORT=3001 npm run dev`)",
      async () => false,
    ),
  ];
  if (embedded) {
    states.push(
      portState(
        DEMO_PORTS.postgres,
        "embedded PostgreSQL",
        "stop it, or set DATABASE_URL to a PostgreSQL server of your own",
        () => canConnect(embeddedUrl("postgres"), 500),
      ),
    );
  }
  if (mode === "demo") {
    for (const service of ["workos", "jira", "sentry"] as const) {
      const name = { workos: "WorkOS", jira: "Jira", sentry: "Sentry" }[service];
      states.push(
        portState(
          DEMO_PORTS[service],
          `${name} emulator`,
          "stop it; demo mode's emulators always use ports 4101–4105",
          () => emulatorAnswers(demoServiceUrl(service)),
        ),
      );
    }
    const mailUrl = `http://${DEMO_HOST}:${DEMO_PORTS.mailHttp}`;
    states.push(
      portState(
        DEMO_PORTS.mailHttp,
        "mail catcher (web)",
        "stop it; demo mode's emulators always use ports 4101–4105",
        () => emulatorAnswers(mailUrl),
      ),
      portState(
        DEMO_PORTS.mail,
        "mail catcher (SMTP)",
        "stop it; demo mode's emulators always use ports 4101–4105",
        () => emulatorAnswers(mailUrl),
      ),
    );
  }
  return (await Promise.all(states)).map(checkPort);
}

async function privateFolderFinding(embedded: boolean): Promise<Finding> {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !embedded || process.platform !== "linux")
    return checkPrivateFolder({ isRoot, embedded, postgresCanReach: true });
  const user = postgresUser();
  const postgresCanReach =
    canReach(user, path.join(await nativeDirectory(), "bin")) && canReachFolder(user, path.join(ROOT, ".data"));
  return checkPrivateFolder({ isRoot, embedded, postgresCanReach });
}

export async function runChecks(names: CheckName[], { chromiumNeeded = false } = {}): Promise<Finding[]> {
  const env = environment();
  const databaseUrl = process.env.DATABASE_URL?.trim();
  const findings: Finding[] = [];
  const wanted = new Set(names);
  if (wanted.has("environment")) findings.push(checkEnvironment(env.error));
  if (wanted.has("node")) findings.push(checkNode(process.version, enginesNode()));
  if (wanted.has("chromium")) findings.push(checkChromium(chromiumPath(), existsSync(chromiumPath()), chromiumNeeded));
  if (wanted.has("disk")) {
    const stats = statfsSync(ROOT);
    findings.push(checkDisk(ROOT, stats.bavail * stats.bsize));
  }
  if (wanted.has("ports")) findings.push(...(await portFindings(env.mode, !databaseUrl)));
  if (wanted.has("private-folder")) findings.push(await privateFolderFinding(!databaseUrl));
  if (wanted.has("database") && databaseUrl)
    findings.push(checkDatabase(redactUrl(databaseUrl), await canConnect(databaseUrl, 3_000)));
  return findings;
}
