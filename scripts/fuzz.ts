// npm run fuzz [-- --runs N] [--seed S] [--path P] [--verbose] [vitest args…]
//   The R4 fuzz suite (test/fuzz) with more runs per property than `npm test` gives it,
//   a chosen seed, or one failing case replayed (--seed and --path from its report, with -t "<test title>").
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/schema-engine";

const REPORT = path.join(ROOT, ".test-reports/fuzz.jsonl");
const OPTIONS: Record<string, string> = { "--runs": "FUZZ_RUNS", "--seed": "FUZZ_SEED", "--path": "FUZZ_PATH" };

const env: Record<string, string> = {};
const passThrough: string[] = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const [name, inline] = arg.split("=", 2) as [string, string | undefined];
  if (name === "--verbose") env.FUZZ_VERBOSE = "1";
  else if (OPTIONS[name]) {
    const value = inline ?? args[++i];
    if (!value || (name !== "--path" && !/^\d+$/.test(value))) {
      console.error(`${name} needs a ${name === "--path" ? "path like 12:0:1" : "whole number"}`);
      process.exit(2);
    }
    env[OPTIONS[name]!] = value;
  } else passThrough.push(arg);
}

const started = new Date().toISOString();
const result = spawnSync(path.join(ROOT, "node_modules/.bin", "vitest"), ["run", "test/fuzz", ...passThrough], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, ...env },
});

// Each fuzz file appends its own figure; add up this run's.
type Figure = { label: string; inputs: number; serverErrors: number; unhandledRejections: number; at: string };
const figures = existsSync(REPORT)
  ? readFileSync(REPORT, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Figure)
      .filter((figure) => figure.at >= started)
  : [];
if (figures.length > 0) {
  const sum = (key: "inputs" | "serverErrors" | "unhandledRejections") =>
    figures.reduce((total, figure) => total + figure[key], 0);
  console.log(
    `\nR4 fuzz: ${sum("inputs").toLocaleString("en-US")} inputs, ${sum("serverErrors")} × 5xx, ${sum("unhandledRejections")} unhandled rejections (${figures.map((f) => f.label).join(" + ")})`,
  );
}
process.exit(result.status ?? 1);
