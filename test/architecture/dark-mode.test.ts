import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "./import-graph";

// The accessibility walk checks each page in full in light mode and only the colour rules in dark mode
// (e2e/fixtures/axe.ts). That holds while dark mode changes colours and nothing else: every `dark:` utility sets a
// text, background, border, ring, divide, fill or stroke colour, whatever its state variants.
const ROOT = path.resolve(import.meta.dirname, "../..");
const DARK_UTILITY = /dark:[^\s"'`]+/g;
const COLOUR_ONLY =
  /^dark:(?:[^:\s]+:)*(?:text|bg|border|ring|divide|fill|stroke)-(?!xs$|sm$|base$|lg$|\d?xl$|\d+$|[xytrbl]-\d|[xytrbl]$|\d)/;

describe("dark mode", () => {
  it("tells a colour utility from one that would change layout or visibility", () => {
    for (const ok of [
      "dark:text-slate-300",
      "dark:hover:bg-slate-800",
      "dark:aria-[current]:text-slate-900",
      "dark:[&_a]:text-brand-300",
      "dark:border-slate-600",
    ])
      expect(ok, ok).toMatch(COLOUR_ONLY);
    for (const bad of [
      "dark:hidden",
      "dark:block",
      "dark:text-sm",
      "dark:border-2",
      "dark:border-x",
      "dark:p-4",
      "dark:sr-only",
    ])
      expect(bad, bad).not.toMatch(COLOUR_ONLY);
  });

  it("changes colours only, anywhere in the app", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(ROOT).filter((f) => /^(app|components|lib)\//.test(path.relative(ROOT, f)))) {
      for (const utility of readFileSync(file, "utf8").match(DARK_UTILITY) ?? [])
        if (!COLOUR_ONLY.test(utility)) offenders.push(`${path.relative(ROOT, file)}: ${utility}`);
    }
    expect(offenders).toEqual([]);
  });
});
