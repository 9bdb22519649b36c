// npm test: every suite, in order, stopping at the first failure.
//   typecheck + format (Prettier) + lint, side by side → unit + integration (Vitest, real PostgreSQL) → production build
//   → e2e (Playwright, Chromium)
import { spawn } from "node:child_process";
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
type Step = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /**
   * Steps with the same stage run side by side: the static checks are single-threaded, so on two cores the lint
   * runs alongside the typecheck and the format check instead of after them. Their output is printed per step.
   */
  stage?: string;
};
const steps: Step[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"], stage: "static" },
  { name: "format", command: bin("prettier"), args: ["--check", "."], stage: "static" },
  // One lint thread: beside the typecheck it has the other core to itself (import cycles are a test, not a lint rule).
  { name: "lint", command: bin("eslint"), args: ["--max-warnings=0", "."], stage: "static" },
  {
    name: "unit and integration tests",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`],
  },
  // The e2e build gets its own folder, so it never replaces the build `npm start` serves.
  // The typecheck above has passed for this tree, so the build skips repeating it (next.config.ts).
  {
    name: "production build",
    command: bin("next"),
    args: ["build"],
    env: { NEXT_DIST_DIR: ".next-e2e", BOSUN_BUILD_TYPECHECKED: "1" },
  },
  {
    name: "end-to-end tests",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    // No traces: recording one for every test is about a fifth of the suite's time (playwright.config.ts).
    env: { NEXT_DIST_DIR: ".next-e2e", PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT, BOSUN_E2E_TRACES: "0" },
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

/** Runs one step; a step of a shared stage has its output kept and printed when it ends, so logs do not interleave. */
function run(step: Step, shared: boolean): Promise<{ step: Step; status: number; seconds: string; output: string }> {
  const stepStarted = Date.now();
  if (!shared) console.log(`\n▶ ${step.name}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: ROOT,
      stdio: shared ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env },
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const done = (status: number) =>
      resolve({ step, status, seconds: ((Date.now() - stepStarted) / 1000).toFixed(1), output });
    child.on("error", (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.on("close", (code) => done(code ?? 1));
  });
}

// Consecutive steps of one stage form a group that runs side by side; every other step is a group of its own.
const groups: Step[][] = [];
for (const step of selected) {
  const last = groups.at(-1);
  if (step.stage && last?.[0]?.stage === step.stage) last.push(step);
  else groups.push([step]);
}

const started = Date.now();
rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
for (const group of groups) {
  const shared = group.length > 1;
  if (shared) console.log(`\n▶ ${group.map((step) => step.name).join(", ")} (side by side)`);
  const results = await Promise.all(group.map((step) => run(step, shared)));
  for (const { step, status, seconds, output } of results) {
    if (shared) process.stdout.write(`\n── ${step.name}\n${output}`);
    // A runner's own report has the last word: a zero exit code with failed tests is still a failure.
    if (status !== 0 || countResults().failed > 0) {
      const { passed, failed } = countResults();
      console.error(`\n✖ ${step.name} failed after ${seconds} s`);
      console.error(`${passed} passed, ${Math.max(failed, 1)} failed`);
      process.exit(status || 1);
    }
    console.log(`✔ ${step.name} (${seconds} s)`);
  }
}
const { passed, failed } = countResults();
console.log(`\nAll suites passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
