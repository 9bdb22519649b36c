import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * The reliability figures the fault suite proves (R2: no write doubled, R3: no
 * write lost, events in order). Each test records what it measured; the run
 * prints them all at the end, so `npm test` shows the figures, not only a pass.
 */
export type Figure = {
  /** R2 or R3. */
  id: "R2" | "R3";
  /** What was done to the system, e.g. "Jira drops the answer to the first 3 creates". */
  scenario: string;
  /** What was counted, e.g. "Jira issues per Sentry issue". */
  measure: string;
  value: number | string;
  goal: number | string;
  met: boolean;
};

const FIGURES_FILE = path.join(import.meta.dirname, "../../.test-reports/fault-figures.jsonl");

/** Called from a test after its assertions hold (or with met: false just before one that will not). */
export function recordFigure(figure: Figure) {
  mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(FIGURES_FILE, `${JSON.stringify(figure)}\n`);
}

export function clearFigures() {
  rmSync(FIGURES_FILE, { force: true });
}

export function readFigures(): Figure[] {
  if (!existsSync(FIGURES_FILE)) return [];
  return readFileSync(FIGURES_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Figure);
}

/** The figures as a table for the end of the run. */
export function formatFigures(figures: Figure[]): string {
  if (figures.length === 0) return "";
  const sorted = [...figures].sort((a, b) => a.id.localeCompare(b.id) || a.scenario.localeCompare(b.scenario));
  const lines = sorted.map(
    (f) => `  ${f.met ? "✔" : "✖"} ${f.id}  ${f.scenario} — ${f.measure}: ${f.value} (goal ${f.goal})`,
  );
  return ["", "Reliability figures under injected faults:", ...lines, ""].join("\n");
}
