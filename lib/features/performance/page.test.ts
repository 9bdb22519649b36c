import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy } from "@/test/counting-proxy";
import { clearFaults, setFaults } from "@/test/integrations";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { cacheWritesSettled } from "@/lib/platform/cache/read-through";
import { deleteCacheEntries } from "@/lib/db/queries/cache";
import { setOrgSetting } from "@/lib/db/queries/organizations";
import { apdex, bandShares, WEB_VITALS } from "@/lib/domain/performance";
import { getSentryConfig } from "@/lib/integrations/connections";
import {
  API_TRANSACTIONS_QUERY,
  PAGE_AND_API_TRANSACTIONS_QUERY,
  transactionFields,
  VITAL_SERIES_AXES,
  WEB_VITAL_FIELDS,
  WEB_VITALS_QUERY,
  goodCountField,
  p75Field,
  poorCountField,
  samplesField,
  withinField,
} from "@/lib/integrations/sentry/performance-queries";
import { loadPerformancePage, type PanelRead, type PerformancePage } from "./page";
import { listUserFeedback } from "./feedback";
import { loadReleaseScorecards } from "./scorecards";

/**
 * The Performance page's loader against the Sentry emulator through a counting proxy: its numbers are the
 * emulator's own Discover answers for the same queries, asked directly, and it makes one request per panel.
 */
describe("performance page", () => {
  let sentry: RunningSentryEmulator;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let orgId: string;
  let token: string;

  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
    // The emulator's clock runs in real time, so on a slow machine a sample can leave the 7-day window between
    // Bosun's read and the direct one it is compared with. Held still, both reads see the same window.
    const frozen = sentry.store.now();
    sentry.store.now = () => frozen;
    proxy = await startCountingProxy(sentry.url);
  });
  useSeededDatabase({
    label: "performance",
    seed: () => ({ urls: { sentry: proxy.url, jira: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    token = (await getSentryConfig({ orgId }))!.authToken;
  });
  afterAll(async () => {
    await proxy.close();
    await sentry.close();
  });

  /** Sentry's own answer, asked directly (not through Bosun's client or cache). */
  async function discover(path: string, params: [string, string][]): Promise<Record<string, unknown>> {
    const response = await fetch(`${sentry.url}/api/0/organizations/acme/${path}/?${new URLSearchParams(params)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }
  const fields = (names: string[]) => names.map((f): [string, string] => ["field", f]);
  /** Sentry's own transactions table for the last 7 days, counted with apdex threshold T. */
  const weekOfTransactions = (T: number) =>
    discover("events", [
      ["dataset", "spans"],
      ["statsPeriod", "7d"],
      ["query", PAGE_AND_API_TRANSACTIONS_QUERY],
      ["sort", "-p95(span.duration)"],
      ["per_page", "100"],
      ...fields(transactionFields(T)),
    ]);
  const ok = <T>(read: PanelRead<T>): T => {
    if (read.status !== "ok") throw new Error(read.message);
    return read.value;
  };
  const loaded = (page: PerformancePage) => {
    if (page.status !== "ok") throw new Error(page.status);
    return page;
  };
  const settle = async (page: PerformancePage) => {
    const p = loaded(page);
    await p.options;
    return Promise.all([p.vitals, p.transactions, p.vitalSeries, p.apiSeries]);
  };

  it("shows each vital's p75 and band shares exactly as Sentry's Discover answers them", async () => {
    const page = loaded(await loadPerformancePage({ orgId, filters: { period: "7d", sort: "p95" } }));
    const vitals = ok(await page.vitals);
    const answer = await discover("events", [
      ["dataset", "spans"],
      ["statsPeriod", "7d"],
      ["query", WEB_VITALS_QUERY],
      ...fields(WEB_VITAL_FIELDS),
    ]);
    const [row] = answer.data as Record<string, number>[];
    expect(vitals.map((v) => v.vital)).toEqual([...WEB_VITALS]);
    for (const summary of vitals) {
      const { vital } = summary;
      expect(summary.samples).toBeGreaterThan(0);
      expect(summary.p75).toBe(row![p75Field(vital)]);
      expect(summary.shares).toEqual(
        bandShares({
          total: row![samplesField(vital)]!,
          good: row![goodCountField(vital)]!,
          poor: row![poorCountField(vital)]!,
        }),
      );
    }
  });

  it("lists transactions slowest first with Sentry's p95 and failure rate and apdex from its counts", async () => {
    const page = loaded(await loadPerformancePage({ orgId, filters: { period: "7d", sort: "p95" } }));
    const rows = ok(await page.transactions);
    const T = page.settings.apdexThresholdMs;
    const answer = await weekOfTransactions(T);
    const expected = answer.data as Record<string, number | string>[];
    expect(rows.length).toBe(expected.length);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((r) => r.op)).toEqual(expect.arrayContaining(["pageload", "http.server"]));
    for (const [i, row] of rows.entries()) {
      const sentryRow = expected[i]!;
      expect(row.transaction).toBe(sentryRow.transaction);
      expect(row.p95).toBe(sentryRow["p95(span.duration)"]);
      expect(row.p50).toBe(sentryRow["p50(span.duration)"]);
      expect(row.failureRate).toBe(sentryRow["failure_rate()"]);
      expect(row.apdex).toBe(
        apdex({
          total: sentryRow["count()"] as number,
          withinT: sentryRow[withinField(T)] as number,
          within4T: sentryRow[withinField(4 * T)] as number,
        }),
      );
      if (i > 0) expect(row.p95!).toBeLessThanOrEqual(rows[i - 1]!.p95!);
    }
  });

  it("counts apdex with the org's T: rows cached under another T are read again, never shown", async () => {
    const filters = { period: "7d", sort: "p95" } as const;
    await settle(await loadPerformancePage({ orgId, filters }));
    await setOrgSetting({ orgId, key: "performance", value: { apdexThresholdMs: 800 } });
    try {
      proxy.reset();
      const page = loaded(await loadPerformancePage({ orgId, filters }));
      await settle(page);
      expect(page.settings.apdexThresholdMs).toBe(800);
      // Only the transactions were counted with T; the other panels stay cached.
      expect(proxy.count()).toBe(1);
      const answer = await weekOfTransactions(800);
      const [first] = answer.data as Record<string, number>[];
      const row = ok(await page.transactions).find((r) => r.transaction === (first!.transaction as unknown as string));
      expect(row?.apdex).toBe(
        apdex({ total: first!["count()"]!, withinT: first![withinField(800)]!, within4T: first![withinField(3200)]! }),
      );

      // Sentry down right after T changed: the rows under the old T would show the wrong apdex, so none are shown.
      await setOrgSetting({ orgId, key: "performance", value: { apdexThresholdMs: 400 } });
      await setFaults(sentry.url, { errorRate: 1, errorStatus: 503 });
      const down = loaded(await loadPerformancePage({ orgId, filters }));
      expect(await down.transactions).toMatchObject({ status: "unavailable", message: expect.stringContaining("503") });
    } finally {
      await clearFaults(sentry.url);
      await setOrgSetting({ orgId, key: "performance", value: {} });
    }
  });

  it("charts each vital and API latency from one time-series request each, with Sentry's values", async () => {
    const page = loaded(await loadPerformancePage({ orgId, filters: { period: "24h", sort: "p95" } }));
    const vitalSeries = ok(await page.vitalSeries);
    const apiSeries = ok(await page.apiSeries);
    const answer = (await discover("events-timeseries", [
      ["dataset", "spans"],
      ["statsPeriod", "24h"],
      ["interval", "1h"],
      ["query", WEB_VITALS_QUERY],
      ...VITAL_SERIES_AXES.map((a): [string, string] => ["yAxis", a]),
    ])) as { timeSeries: { yAxis: string; values: { timestamp: number; value: number; sampleCount: number }[] }[] };
    expect(vitalSeries.series.map((s) => s.yAxis)).toEqual(VITAL_SERIES_AXES);
    for (const series of answer.timeSeries) {
      const ours = vitalSeries.series.find((s) => s.yAxis === series.yAxis)!;
      expect(ours.points.map((p) => p.time)).toEqual(series.values.map((v) => v.timestamp));
      expect(ours.points.map((p) => p.value)).toEqual(series.values.map((v) => (v.sampleCount === 0 ? null : v.value)));
    }
    expect(apiSeries.series.find((s) => s.yAxis === "p95(span.duration)")?.points.some((p) => p.value! > 0)).toBe(true);
    expect(API_TRANSACTIONS_QUERY).toContain("http.server");
  });

  it("makes one request per panel plus the project list on a cold load, and none while fresh", async () => {
    const filters = { period: "30d", sort: "p95" } as const;
    await deleteCacheEntries({ orgId, prefix: "sentry:" });
    proxy.reset();
    await settle(await loadPerformancePage({ orgId, filters }));
    expect(proxy.count()).toBe(5);
    proxy.reset();
    await settle(await loadPerformancePage({ orgId, filters }));
    expect(proxy.count()).toBe(0);
    // Ranking by regression adds the earlier period's p95s: one more request.
    proxy.reset();
    const regressed = await loadPerformancePage({ orgId, filters: { ...filters, sort: "regressed" } });
    await settle(regressed);
    expect(proxy.count()).toBe(1);
  });

  it("filters by a project Sentry has, and ignores one it does not without asking Sentry about it", async () => {
    const web = loaded(await loadPerformancePage({ orgId, filters: { period: "7d", sort: "p95", project: "web" } }));
    expect(web.filters.project).toBe("web");
    const webRows = ok(await web.transactions);
    expect(webRows.length).toBeGreaterThan(0);
    expect(webRows.every((r) => r.op === "pageload")).toBe(true);

    await settle(web);
    const keys = async () => {
      // Rows are written after the values are handed out (read-through.ts).
      await cacheWritesSettled();
      return (await db.cacheEntry.findMany({ where: { orgId }, select: { key: true } })).map((e) => e.key).sort();
    };
    await settle(await loadPerformancePage({ orgId, filters: { period: "7d", sort: "p95" } }));
    const before = await keys();
    proxy.reset();
    const unknown = loaded(
      await loadPerformancePage({ orgId, filters: { period: "7d", sort: "p95", project: "nope", environment: "qa" } }),
    );
    await settle(unknown);
    expect(unknown.ignored).toEqual({ project: "nope", environment: "qa" });
    expect(unknown.filters).toMatchObject({ project: undefined, environment: undefined });
    // The unknown names reach neither Sentry nor the cache: the page shows the unfiltered, already cached reads.
    expect(proxy.count()).toBe(0);
    expect(await keys()).toEqual(before);
  });

  it("keeps the last good figures on screen, marked stale, while Sentry is down, and says so when nothing is cached", async () => {
    const filters = { period: "24h", sort: "p95" } as const;
    const fresh = await settle(await loadPerformancePage({ orgId, filters }));
    await setFaults(sentry.url, { errorRate: 1, errorStatus: 503 });
    try {
      const down = loaded(await loadPerformancePage({ orgId, filters, force: true }));
      const reads = await settle(down);
      for (const [i, read] of reads.entries()) {
        expect(read).toMatchObject({ status: "ok", stale: true, error: expect.stringContaining("503") });
        expect(ok(read as PanelRead<unknown>)).toEqual(ok(fresh[i] as PanelRead<unknown>));
      }
      await deleteCacheEntries({ orgId, prefix: "sentry:performance:vitals:" });
      const empty = loaded(await loadPerformancePage({ orgId, filters }));
      expect(await empty.vitals).toMatchObject({ status: "unavailable", message: expect.stringContaining("503") });
    } finally {
      await clearFaults(sentry.url);
    }
  });

  it("flags 2.14.0's slower page loads against 2.13.0 on its scorecard, with the reason in words", async () => {
    const { scorecards, error } = await loadReleaseScorecards({ orgId });
    const card = scorecards.find((s) => s.version === "2.14.0");
    expect(card, error ?? "no scorecard for 2.14.0").toBeDefined();
    expect(card?.comparedTo).toBe("2.13.0");
    const lcp = card?.performanceRegressions.find((r) => r.metric === "lcpP75");
    expect(lcp?.samples).toBeGreaterThanOrEqual(500);
    expect(lcp?.previousSamples).toBeGreaterThanOrEqual(500);
    expect(lcp?.changePercent).toBeGreaterThan(15);
    expect(lcp?.reason).toMatch(/^p75 LCP \d+(\.\d)? s vs \d+(\.\d)? s in 2\.13\.0, \+\d+%, [\d.]+k page loads$/);
    expect(card?.performanceRegressions.map((r) => r.metric)).not.toContain("apiP95");
    expect(card?.reasons).toContain(lcp?.reason);
    const metric = (key: string) => card?.metrics.find((m) => m.key === key);
    expect(metric("errorEventsPerSession")?.value).toBeGreaterThan(0);
    expect(metric("feedbackCount")?.value).toBeGreaterThan(0);
    expect(metric("apiP95")?.value).toBeGreaterThan(0);
  });

  it("keeps release health on the scorecards when Sentry's Explore reads fail with nothing cached, and says why", async () => {
    await loadReleaseScorecards({ orgId });
    await deleteCacheEntries({ orgId, prefix: "sentry:performance:releases:" });
    await setFaults(sentry.url, { errorRate: 1, errorStatus: 503, pathPrefix: "/api/0/organizations/acme/events/" });
    try {
      const { scorecards, error } = await loadReleaseScorecards({ orgId });
      const card = scorecards.find((s) => s.version === "2.14.0");
      expect(error).toContain("503");
      expect(card?.metrics.find((m) => m.key === "crashFreeSessions")?.value).toBeGreaterThan(0);
      expect(card?.metrics.find((m) => m.key === "lcpP75")?.value).toBeNull();
      expect(card?.performanceRegressions).toEqual([]);
    } finally {
      await clearFaults(sentry.url);
    }
  });

  it("lists user feedback newest first per release, per Sentry issue and by text", async () => {
    const forRelease = await listUserFeedback({ orgId, release: "2.14.0" });
    if (forRelease.status !== "ok") throw new Error(forRelease.status);
    expect(forRelease.items.length).toBeGreaterThan(0);
    expect(forRelease.items.every((f) => f.release === "2.14.0")).toBe(true);
    const dates = forRelease.items.map((f) => f.firstSeen);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(forRelease.items.some((f) => /slow/i.test(f.message))).toBe(true);

    const slow = await listUserFeedback({ orgId, query: "slow" });
    if (slow.status !== "ok") throw new Error(slow.status);
    expect(slow.items.length).toBeGreaterThan(0);
    expect(slow.items.every((f) => /slow/i.test(f.message))).toBe(true);

    const linked = forRelease.items.find((f) => f.associatedEventId) ?? slow.items.find((f) => f.associatedEventId);
    expect(linked, "a seeded feedback linked to an error event").toBeDefined();
    const { data: issues } = await fetch(
      `${sentry.url}/api/0/organizations/acme/issues/?query=${encodeURIComponent("is:unresolved")}&limit=100&statsPeriod=90d`,
      { headers: { authorization: `Bearer ${token}` } },
    ).then(async (r) => ({ data: (await r.json()) as { id: string }[] }));
    let found = false;
    for (const issue of issues) {
      const perIssue = await listUserFeedback({ orgId, sentryIssueId: issue.id });
      if (perIssue.status === "ok" && perIssue.items.some((f) => f.id === linked!.id)) {
        expect(perIssue.items.every((f) => f.associatedEventId !== null)).toBe(true);
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
  });
});
