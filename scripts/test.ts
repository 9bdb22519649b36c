// npm test: every suite, in order, stopping at the first failure.
//   typecheck → lint → unit + integration (Vitest, real PostgreSQL) → production build → e2e (Playwright, Chromium)
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./db/schema-engine";

const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const steps: { name: string; command: string; args: string[]; env?: Record<string, string> }[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings=0", "."] },
  { name: "unit and integration tests", command: bin("vitest"), args: ["run"] },
  // The e2e build gets its own folder, so it never replaces the build `npm start` serves.
  { name: "production build", command: bin("next"), args: ["build"], env: { NEXT_DIST_DIR: ".next-e2e" } },
  { name: "end-to-end tests", command: bin("playwright"), args: ["test"], env: { NEXT_DIST_DIR: ".next-e2e" } },
];

const only = process.argv.slice(2);
const started = Date.now();
for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name.split(" ")[0] as string))) {
  const stepStarted = Date.now();
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command, step.args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env } });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${step.name} (${seconds} s)`);
}
console.log(`\nAll suites passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
