import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importGraph, runtimeImports } from "./import-graph";

// `npm run worker` loads the features' jobs under the react-server condition, outside Next's renderer. Next's
// navigation module builds React contexts when it loads, which that React does not have, so one import of it
// anywhere the worker reaches stops the worker at start (as a feature once did through org-action.ts).
const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.join(ROOT, "scripts/worker.ts");
const RENDERER_ONLY = ["next/navigation"];

/** Every repository file `entry` loads at run time, itself included. */
function reachableFrom(graph: Map<string, string[]>, entry: string): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift())
    for (const next of graph.get(file) ?? []) if (!seen.has(next) && seen.add(next)) queue.push(next);
  return seen;
}

describe("what the worker loads", () => {
  it("reaches the features' jobs but none of Next's renderer-only modules", () => {
    const reached = reachableFrom(importGraph(ROOT), WORKER);
    // The walk got past the entry point (a broken resolver would reach nothing and find nothing).
    expect([...reached].some((file) => file.includes(`${path.sep}lib${path.sep}features${path.sep}`))).toBe(true);
    const offenders = [...reached]
      .filter((file) => runtimeImports(file, readFileSync(file, "utf8")).some((spec) => RENDERER_ONLY.includes(spec)))
      .map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
