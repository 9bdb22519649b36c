import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCycles, importGraph, runtimeImports } from "./import-graph";

// Cycles make module initialisation order-dependent (an import is undefined while its module is still loading) and
// blur the layers ARCHITECTURE.md draws. One pass over the parsed tree finds them all.
const ROOT = path.resolve(import.meta.dirname, "../..");

describe("import cycles", () => {
  it("reads run-time imports, re-exports and dynamic imports, and leaves type-only ones out", () => {
    const text = [
      'import a from "./a";',
      'import type { B } from "./b";',
      'import { type C } from "./c";',
      'import { type D, d } from "./d";',
      'import "./e";',
      'export { f } from "./f";',
      'export type { G } from "./g";',
      'export * from "./h";',
      'const i = () => import("./i");',
    ].join("\n");
    expect(runtimeImports("x.ts", text)).toEqual(["./a", "./d", "./e", "./f", "./h", "./i"]);
  });

  it("finds a loop of any length and a file importing itself, and nothing in a tree", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
      ["f", ["d"]],
    ]);
    expect(findCycles(graph).map((cycle) => [...cycle].sort())).toEqual([["a", "b", "c"], ["e"]]);
  });

  it("has none in the repository", () => {
    const graph = importGraph(ROOT);
    // The walk reached the tree (a wrong root or a broken resolver would find no cycles in an empty graph).
    expect(graph.size).toBeGreaterThan(500);
    const edges = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
    expect(edges).toBeGreaterThan(graph.size);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(ROOT, file)).sort());
    expect(cycles).toEqual([]);
  });
});
