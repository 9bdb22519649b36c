/**
 * What a newcomer's machine needs, as pure judgements over gathered facts
 * (facts.ts gathers them). Each finding is one line: what is wrong and what
 * to do. A blocking finding stops `npm run dev` / `npm test` before they start.
 */
export type Finding = { check: string; ok: boolean; blocking: boolean; message: string };

const ok = (check: string, message: string): Finding => ({ check, ok: true, blocking: false, message });
const problem = (check: string, message: string, blocking = true): Finding => ({ check, ok: false, blocking, message });

export const RECOMMENDED_NODE_MAJOR = 24;
export const MIN_FREE_DISK_BYTES = 2 * 1024 ** 3;

/** The minimum version in package.json's `engines.node` (">=20.19", ">=24.0.0"), or null when it says something else. */
export function minimumNodeVersion(engines: string | undefined): [number, number, number] | null {
  const match = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(engines ?? "");
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : null;
}

function compareVersions(a: number[], b: number[]) {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

export function checkNode(version: string, engines: string | undefined): Finding {
  const current = version.replace(/^v/, "").split(".").map(Number);
  const minimum = minimumNodeVersion(engines);
  if (minimum && compareVersions(current, minimum) < 0) {
    return problem(
      "node",
      `Node ${version} is older than package.json's engines.node (${engines}): install Node ${RECOMMENDED_NODE_MAJOR} (\`nvm install ${RECOMMENDED_NODE_MAJOR}\`, or on Linux \`source scripts/node24.sh\` for this shell) and run \`npm install\` again.`,
    );
  }
  const advice = (current[0] ?? 0) < RECOMMENDED_NODE_MAJOR ? `; Node ${RECOMMENDED_NODE_MAJOR} is recommended` : "";
  return ok("node", `Node ${version} meets engines.node ${engines ?? "(none)"}${advice}.`);
}

export function checkChromium(path: string, exists: boolean, neededNow: boolean): Finding {
  if (exists) return ok("chromium", `Chromium for the browser tests: ${path}.`);
  return problem(
    "chromium",
    `No Chromium at ${path} for the browser tests (\`npm test\`'s end-to-end step): install it with \`apt-get install chromium\`, or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    neededNow,
  );
}

export function checkDisk(path: string, freeBytes: number, minimum = MIN_FREE_DISK_BYTES): Finding {
  const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (freeBytes >= minimum) return ok("disk", `${gb(freeBytes)} free in ${path}.`);
  return problem(
    "disk",
    `Only ${gb(freeBytes)} free in ${path} (builds, the database and test runs need about ${gb(minimum)}): free some space, e.g. delete .next, .next-e2e and old node_modules folders.`,
  );
}

/** A local port Bosun starts something on, and who has it now. */
export type PortState =
  | { port: number; purpose: string; fix: string; state: "free" }
  | { port: number; purpose: string; fix: string; state: "bosun" }
  | { port: number; purpose: string; fix: string; state: "taken"; holder: string };

export function checkPort(port: PortState): Finding {
  const check = `port ${port.port}`;
  if (port.state === "free") return ok(check, `Port ${port.port} (${port.purpose}) is free.`);
  if (port.state === "bosun")
    return ok(
      check,
      `Port ${port.port} (${port.purpose}) is already served by Bosun's own, which \`npm run dev\` reuses.`,
    );
  return problem(check, `Port ${port.port} (${port.purpose}) is already in use by ${port.holder}: ${port.fix}.`);
}

export function checkPrivateFolder(facts: { isRoot: boolean; postgresCanReach: boolean; embedded: boolean }): Finding {
  if (!facts.isRoot || !facts.embedded) return ok("private folder", "The embedded PostgreSQL runs as you.");
  if (facts.postgresCanReach)
    return ok(
      "private folder",
      "Running as root: the embedded PostgreSQL runs as the postgres user, who can reach this folder.",
    );
  return ok(
    "private folder",
    "Running as root in a folder the postgres user cannot enter: the embedded PostgreSQL runs from a copy of its binaries under /var/tmp/bosun-pg-* and keeps its data in /var/tmp/bosun-pg-data-* (postgres only); `npm run db:reset` empties it.",
  );
}

export function checkDatabase(redactedUrl: string, reachable: boolean): Finding {
  if (reachable) return ok("database", `DATABASE_URL ${redactedUrl} answers.`);
  return problem(
    "database",
    `DATABASE_URL ${redactedUrl} does not answer: start that PostgreSQL server or correct the URL (in .env or your shell), or unset DATABASE_URL in demo mode to use the embedded PostgreSQL.`,
  );
}

export function checkEnvironment(error: string | null): Finding {
  if (!error) return ok("environment", "The environment variables are valid.");
  return problem(
    "environment",
    `${error.replace(/\s*\n\s*/g, "; ")}: fix them in .env or your shell (see README, Configuration).`,
  );
}

/** The lines to print: problems first, with the advice; then what is fine. */
export function formatFindings(findings: Finding[]): string {
  const line = (f: Finding) => `${f.ok ? "✔" : f.blocking ? "✖" : "!"} ${f.message}`;
  return [...findings.filter((f) => !f.ok), ...findings.filter((f) => f.ok)].map(line).join("\n");
}

export const blocks = (findings: Finding[]) => findings.some((f) => f.blocking);
