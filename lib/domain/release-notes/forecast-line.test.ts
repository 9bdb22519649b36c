import { describe, expect, it } from "vitest";
import { generateReleaseNotes } from "./generate";
import type { ReleaseNotesInput } from "./types";

const input = (overrides: Partial<ReleaseNotesInput> = {}): ReleaseNotesInput => ({
  version: "2.15.0",
  releaseDate: null,
  released: false,
  jiraBrowseUrl: "https://acme.atlassian.net/browse",
  issues: [],
  health: null,
  knownIssues: [],
  forecast: { board: "ACME *board*", openIssues: 4, p50: "2026-12-14", p85: "2026-12-28" },
  ...overrides,
});

describe("generateReleaseNotes: forecast line", () => {
  it("tells the team when an unreleased version's open work is likely done, under the release line", () => {
    const lines = generateReleaseNotes(input(), { variant: "internal" }).markdown.split("\n\n");
    expect(lines[1]).toBe("_Not released yet_");
    expect(lines[2]).toBe(
      "_Forecast: the 4 open issue(s) are done by 2026-12-14 (P50) or 2026-12-28 (P85), from ACME \\*board\\*'s past sprints_",
    );
  });

  it("never shows customers a forecast, nor a released version's", () => {
    expect(generateReleaseNotes(input(), { variant: "customer" }).markdown).not.toContain("Forecast");
    expect(generateReleaseNotes(input({ released: true }), { variant: "internal" }).markdown).not.toContain("Forecast");
    expect(generateReleaseNotes(input({ forecast: null }), { variant: "internal" }).markdown).not.toContain("Forecast");
  });
});
