import { describe, expect, it } from "vitest";
import type { PaletteEntry } from "./entry";
import { matchScore, rankEntries } from "./rank";

const entry = (kind: PaletteEntry["kind"], label: string, extra: Partial<PaletteEntry> = {}): PaletteEntry => ({
  kind,
  label,
  href: `/acme/${label}`,
  ...extra,
});

describe("matchScore", () => {
  it("orders exact, prefix, word start, inside and scattered matches", () => {
    const scores = [
      matchScore("sprints", "sprints"),
      matchScore("sprints", "spr"),
      matchScore("sprint reports", "rep"),
      matchScore("sprints", "rin"),
      matchScore("sprint reports", "sprrp"),
    ];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(5);
    expect(scores.at(-1)).toBeGreaterThan(0);
  });

  it("scores no match as 0", () => {
    expect(matchScore("errors", "xyz")).toBe(0);
    expect(matchScore("errors", "sre")).toBe(0);
  });
});

describe("rankEntries", () => {
  const entries = [
    entry("page", "Releases"),
    entry("page", "Errors"),
    entry("release", "1.4.0"),
    entry("release", "1.4.1"),
    entry("board", "ACME board", { keywords: ["ACME"] }),
    entry("error", "ACME-WEB-1A", { detail: "TypeError: cannot read release of undefined" }),
  ];

  it("keeps the given order for an empty query, up to the limit", () => {
    expect(rankEntries(entries, "  ", 3).map((e) => e.label)).toEqual(["Releases", "Errors", "1.4.0"]);
  });

  it("puts an exact match first", () => {
    expect(rankEntries(entries, "1.4.1")[0]?.label).toBe("1.4.1");
    expect(rankEntries(entries, "acme-web-1a")[0]?.label).toBe("ACME-WEB-1A");
  });

  it("ranks a label match above a match in the detail", () => {
    expect(rankEntries(entries, "release").map((e) => e.label)).toEqual(["Releases", "ACME-WEB-1A"]);
  });

  it("never matches scattered letters in the detail", () => {
    expect(rankEntries(entries, "tyerr").map((e) => e.label)).toEqual([]);
  });

  it("breaks ties by kind, then shorter label, then alphabetically", () => {
    const tied = [
      entry("board", "Web"),
      entry("release", "web-2"),
      entry("release", "web-1"),
      entry("page", "Webhooks"),
    ];
    expect(rankEntries(tied, "we").map((e) => e.label)).toEqual(["Webhooks", "web-1", "web-2", "Web"]);
  });

  it("returns at most the limit", () => {
    expect(rankEntries(entries, "1", 1)).toHaveLength(1);
  });
});
