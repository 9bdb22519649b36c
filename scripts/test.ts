// npm test: every suite, in order, stopping at the first failure.
//   typecheck → format (Prettier) → lint → unit + integration (Vitest, real PostgreSQL) → production build → e2e (Playwright, Chromium)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/schema-engine";
import { blocks, formatFindings } from "./doctor/checks";
import { runChecks } from "./doctor/facts";

const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
// Not under test-results/: Playwright empties that folder when it starts.
const VITEST_REPORT = path.join(ROOT, ".test-reports/vitest.json");
const PLAYWRIGHT_REPORT = path.join(ROOT, ".test-reports/playwright.json");

/** Passed and failed test counts from the runners' JSON reports (absent when a step did not run). */
function countResults() {
  let passed = 0;
  let failed = 0;
  if (existsSync(VITEST_REPORT)) {
    const report = JSON.parse(readFileSync(VITEST_REPORT, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (existsSync(PLAYWRIGHT_REPORT)) {
    const report = JSON.parse(readFileSync(PLAYWRIGHT_REPORT, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number };
    };
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
  }
  return { passed, failed };
}
const steps: { name: string; command: string; args: string[]; env?: Record<string, string> }[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "format", command: bin("prettier"), args: ["--check", "."] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings=0", "."] },
  {
    name: "unit and integration tests",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`],
  },
  // The e2e build gets its own folder, so it never replaces the build `npm start` serves.
  { name: "production build", command: bin("next"), args: ["build"], env: { NEXT_DIST_DIR: ".next-e2e" } },
  {
    name: "end-to-end tests",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    env: { NEXT_DIST_DIR: ".next-e2e", PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT },
  },
];

// `npm test -- unit end-to-end` runs only the steps whose first word is given.
const only = process.argv.slice(2);
const selected = steps.filter((s) => only.length === 0 || only.includes(s.name.split(" ")[0] as string));

// What `npm run doctor` would flag that stops the run before its first step; Chromium only when the browser tests are selected.
const e2e = selected.some((step) => step.name === "end-to-end tests");
const findings = await runChecks(e2e ? ["node", "disk", "chromium"] : ["node", "disk"], { chromiumNeeded: e2e });
if (blocks(findings)) {
  console.error(formatFindings(findings.filter((finding) => finding.blocking)));
  process.exit(1);
}

const started = Date.now();
rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
for (const step of selected) {
  const stepStarted = Date.now();
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command, step.args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env },
  });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  // A runner's own report has the last word: a zero exit code with failed tests is still a failure.
  if (result.status !== 0 || countResults().failed > 0) {
    const { passed, failed } = countResults();
    console.error(`\n✖ ${step.name} failed after ${seconds} s`);
    console.error(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${step.name} (${seconds} s)`);
}
const { passed, failed } = countResults();
console.log(`\nAll suites passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
