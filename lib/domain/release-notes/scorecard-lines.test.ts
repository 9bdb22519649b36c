import { describe, expect, it } from "vitest";
import type { ReleaseScorecard, ScorecardMetric } from "@/lib/domain/performance";
import { generateReleaseNotes } from "./generate";
import { formatScorecardChange, formatScorecardValue } from "./scorecard-format";
import type { ReleaseNotesInput } from "./types";

const metric = (
  overrides: Partial<ScorecardMetric> & Pick<ScorecardMetric, "key" | "label" | "unit">,
): ScorecardMetric => ({
  value: null,
  previous: null,
  change: null,
  changePercent: null,
  trend: null,
  ...overrides,
});

const SCORECARD: ReleaseScorecard = {
  version: "2.14.0",
  dateReleased: "2026-11-18T10:00:00Z",
  comparedTo: "2.13.0",
  metrics: [
    metric({
      key: "crashFreeSessions",
      label: "Crash-free sessions",
      unit: "percent",
      value: 97.1,
      previous: 99.4,
      change: -2.3,
      changePercent: -2.3,
      trend: "worse",
    }),
    metric({
      key: "lcpP75",
      label: "p75 LCP",
      unit: "ms",
      value: 2900,
      previous: 2300,
      change: 600,
      changePercent: 26.1,
      trend: "worse",
    }),
    metric({ key: "inpP75", label: "p75 INP", unit: "ms" }),
    metric({
      key: "feedbackCount",
      label: "User feedback",
      unit: "count",
      value: 12,
      previous: 3,
      change: 9,
      changePercent: 300,
      trend: "worse",
    }),
    metric({ key: "errorEventsPerSession", label: "Error events per session", unit: "ratio", value: 0.0123 }),
  ],
  crashRegression: { isRegression: true, reason: "crash-free sessions 97.10% vs 99.40% in 2.13.0" },
  performanceRegressions: [],
  isRegression: true,
  reasons: ["crash-free sessions 97.10% vs 99.40% in 2.13.0", "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads"],
};

const input = (scorecard: ReleaseScorecard | null): ReleaseNotesInput => ({
  version: "2.14.0",
  releaseDate: "2026-11-18",
  released: true,
  jiraBrowseUrl: "https://acme.atlassian.net/browse",
  issues: [],
  health: { crashFreeSessions: 97.1, crashFreeUsers: 98.2, adoption: 40.5, sessions: 41_000, scorecard },
  knownIssues: [],
});

const healthLines = (markdown: string) => {
  const lines = markdown.split("\n");
  const start = lines.indexOf("## Release health");
  return lines.slice(start + 2, lines.findIndex((l, i) => i > start && l.startsWith("## ")) >>> 0);
};

describe("the release notes' scorecard", () => {
  it("lists each measured metric against the previous release and the regressions with their reasons", () => {
    const { markdown } = generateReleaseNotes(input(SCORECARD));
    expect(healthLines(markdown)).toEqual([
      "- Crash-free sessions: 97.10% (99.40% in 2.13.0, −2.30 pts, worse)",
      "- Crash-free users: 98.20%",
      "- Adoption: 40.5% of sessions",
      "- Sessions: 41,000",
      "",
      "### Scorecard",
      "",
      "- p75 LCP: 2.9 s (2.3 s in 2.13.0, +26%, worse)",
      "- User feedback: 12 (3 in 2.13.0, +9, worse)",
      "- Error events per session: 0.012",
      "",
      "**Regressions:**",
      "",
      "- crash-free sessions 97.10% vs 99.40% in 2.13.0",
      "- p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads",
      "",
    ]);
  });

  it("is internal: customer notes keep only the rates", () => {
    const { markdown } = generateReleaseNotes(input(SCORECARD), { variant: "customer" });
    expect(markdown).toContain("- Sessions: 41,000");
    expect(markdown).toContain("- Crash-free sessions: 97.10%\n");
    expect(markdown).not.toContain("Scorecard");
    expect(markdown).not.toContain("Regressions");
  });

  it("is left out when the scorecard could not be read", () => {
    const { markdown } = generateReleaseNotes(input(null));
    expect(markdown).toContain("- Crash-free sessions: 97.10%\n");
    expect(markdown).not.toContain("Scorecard");
  });
});

describe("scorecard figures", () => {
  it("formats each unit and change the same way everywhere", () => {
    expect(formatScorecardValue("percent", 99.4)).toBe("99.40%");
    expect(formatScorecardValue("ms", 640)).toBe("640 ms");
    expect(formatScorecardValue("ratio", 0.01234)).toBe("0.012");
    expect(formatScorecardValue("count", 1234)).toBe("1,234");
    expect(formatScorecardValue("ms", null)).toBe("—");
    expect(formatScorecardChange(SCORECARD.metrics[0]!)).toBe("−2.30 pts");
    expect(formatScorecardChange(SCORECARD.metrics[1]!)).toBe("+26%");
    expect(formatScorecardChange(SCORECARD.metrics[2]!)).toBeNull();
  });
});
