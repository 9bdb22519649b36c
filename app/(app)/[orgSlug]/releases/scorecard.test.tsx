import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ReleaseHealth } from "@/lib/domain/release-health";
import type { ReleaseScorecard, ReleaseScorecards, ScorecardMetric } from "@/lib/features/performance";
import type { ReleasesPage } from "@/lib/features/releases";
import { ReleasesPanel } from "./releases-panels";
import { ScorecardPanel } from "./scorecard-card";

/** The scorecard as the releases list and the release page render it, from the performance feature's answer. */

const CRASH_REASON = "crash-free sessions 97.10% vs 99.40% in 2.13.0";
const LCP_REASON = "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads";

const metric = (m: Partial<ScorecardMetric> & Pick<ScorecardMetric, "key" | "label" | "unit">): ScorecardMetric => ({
  value: null,
  previous: null,
  change: null,
  changePercent: null,
  trend: null,
  ...m,
});

const regressed: ReleaseScorecard = {
  version: "2.14.0",
  dateReleased: "2026-11-12T10:00:00Z",
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
    metric({
      key: "apiP95",
      label: "p95 API latency",
      unit: "ms",
      value: 410,
      previous: 420,
      change: -10,
      changePercent: -2.4,
      trend: "better",
    }),
    metric({
      key: "feedbackCount",
      label: "User feedback",
      unit: "count",
      value: 7,
      previous: 2,
      change: 5,
      changePercent: 250,
      trend: "worse",
    }),
  ],
  crashRegression: { isRegression: true, reason: CRASH_REASON },
  performanceRegressions: [
    {
      metric: "lcpP75",
      version: "2.14.0",
      comparedTo: "2.13.0",
      value: 2900,
      previous: 2300,
      changePercent: 26.1,
      samples: 41_000,
      previousSamples: 39_000,
      reason: LCP_REASON,
    },
  ],
  isRegression: true,
  reasons: [CRASH_REASON, LCP_REASON],
};
const healthy: ReleaseScorecard = {
  ...regressed,
  version: "2.13.0",
  comparedTo: "2.12.0",
  metrics: [metric({ key: "lcpP75", label: "p75 LCP", unit: "ms", value: 2300 })],
  crashRegression: { isRegression: false, reason: null },
  performanceRegressions: [],
  isRegression: false,
  reasons: [],
};
const read = (scorecards: ReleaseScorecard[], error: string | null = null): Promise<ReleaseScorecards> =>
  Promise.resolve({ scorecards, fetchedAt: new Date(), stale: false, error });

const health = (version: string, reason: string | null): ReleaseHealth => ({
  version,
  dateReleased: "2026-11-12T10:00:00Z",
  totalSessions: 41_000,
  crashedSessions: 10,
  totalUsers: 9_000,
  crashedUsers: 5,
  adoptionPercent: 40,
  newIssues: 3,
  crashFreeSessions: 97.1,
  crashFreeUsers: 99.2,
  regression: { isRegression: reason !== null, comparedTo: null, dropPoints: null, reason },
});
const releases: Promise<ReleasesPage> = Promise.resolve({
  status: "ok",
  releases: [health("2.14.0", CRASH_REASON), health("2.13.0", null)],
  fetchedAt: new Date(),
  stale: false,
  error: null,
});

const rowOf = (html: string, version: string) => {
  const start = html.indexOf(`>${version}</a>`);
  return html.slice(start, html.indexOf("</tr>", start));
};

describe("the releases list", () => {
  it("flags 2.14.0 once, with the crash-free and the performance reason, and leaves 2.13.0 unflagged", async () => {
    const html = renderToStaticMarkup(
      await ReleasesPanel({
        orgSlug: "acme",
        releases,
        scorecards: read([regressed, healthy]),
        order: { key: "newest", dir: "desc" },
        regressions: undefined,
      }),
    );
    const row = rowOf(html, "2.14.0");
    expect(row.match(/>Regression</g)).toHaveLength(1);
    expect(row).toContain(`Crash-free:</span> ${CRASH_REASON}`);
    expect(row).toContain(`Performance:</span> ${LCP_REASON}`);
    expect(row).toContain("2.9 s");
    expect(row).toContain("+26%");
    expect(rowOf(html, "2.13.0")).not.toContain(">Regression<");
  });

  it("keeps the crash-free flags and says why when the scorecards could not be read", async () => {
    const html = renderToStaticMarkup(
      await ReleasesPanel({
        orgSlug: "acme",
        releases,
        scorecards: read([], "Sentry answered 503"),
        order: { key: "newest", dir: "desc" },
        regressions: "1",
      }),
    );
    expect(html).toContain("Performance and feedback figures are unavailable. Sentry is having trouble (503)");
    // The service's own words stay beside the explanation.
    expect(html).toContain("(Sentry answered 503)");
    expect(rowOf(html, "2.14.0")).toContain(`Crash-free:</span> ${CRASH_REASON}`);
    expect(html).not.toContain(">2.13.0</a>");
  });
});

describe("a release's scorecard", () => {
  it("compares each metric with the previous release and lists the regressions", async () => {
    const html = renderToStaticMarkup(
      await ScorecardPanel({ version: "2.14.0", scorecards: read([regressed, healthy]) }),
    );
    expect(html).toContain("Scorecard vs 2.13.0");
    expect(html).toContain(`Performance:</span> ${LCP_REASON}`);
    expect(html).toContain(`Crash-free:</span> ${CRASH_REASON}`);
    expect(html).toMatch(
      /p75 LCP<\/th><td[^>]*>2.9 s<\/td><td[^>]*>2.3 s<\/td><td[^>]*>\+26%<span class="sr-only"> \(worse\)/,
    );
    expect(html).toMatch(/User feedback<\/th><td[^>]*>7<\/td><td[^>]*>2<\/td><td[^>]*>\+5/);
  });

  it("says which figures are unknown when part of Sentry could not be read", async () => {
    const html = renderToStaticMarkup(
      await ScorecardPanel({ version: "2.14.0", scorecards: read([regressed], "Sentry answered 503") }),
    );
    expect(html).toContain("Some figures are unknown: Sentry is having trouble (503) — Bosun tries again");
    expect(html).toContain("(Sentry answered 503)");
    expect(html).toContain("Scorecard vs 2.13.0");
  });

  it("says why a release has no scorecard", async () => {
    expect(renderToStaticMarkup(await ScorecardPanel({ version: "9.9.9", scorecards: read([regressed]) }))).toContain(
      "Sentry has no release 9.9.9 to score.",
    );
    expect(
      renderToStaticMarkup(await ScorecardPanel({ version: "2.14.0", scorecards: read([], "timeout") })),
    ).toContain("Sentry could not be read (timeout)");
  });
});
