import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSentryEmulator } from "./index";
import { call, startTestEmulator } from "./test-support";

type Group = {
  by: Record<string, string | number>;
  totals: Record<string, number | null>;
  series: Record<string, (number | null)[]>;
};
type SessionsBody = { intervals: string[]; groups: Group[] };

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());

const sessions = async (params: string) =>
  (await call<SessionsBody>(em, "GET", `/api/0/organizations/acme/sessions/?${params}`)).body;

describe("sessions", () => {
  it("adds up: releases sum to the total and crash-free rates match the status split", async () => {
    const total = await sessions("field=sum(session)&field=crash_free_rate(session)&statsPeriod=14d&interval=1d");
    const byRelease = await sessions("field=sum(session)&groupBy=release&statsPeriod=14d&interval=1d");
    const byStatus = await sessions("field=sum(session)&groupBy=session.status&statsPeriod=14d&interval=1d");
    const sessionsTotal = total.groups[0]?.totals["sum(session)"] as number;
    expect(sessionsTotal).toBeGreaterThan(100_000);
    expect(byRelease.groups.reduce((n, g) => n + (g.totals["sum(session)"] as number), 0)).toBe(sessionsTotal);
    const status = Object.fromEntries(
      byStatus.groups.map((g) => [g.by["session.status"], g.totals["sum(session)"] as number]),
    );
    expect(Object.keys(status).sort()).toEqual(["abnormal", "crashed", "errored", "healthy"]);
    expect(status.healthy! + status.errored! + status.crashed! + status.abnormal!).toBe(sessionsTotal);
    expect(total.groups[0]?.totals["crash_free_rate(session)"]).toBeCloseTo(1 - status.crashed! / sessionsTotal, 10);
    const series = total.groups[0]?.series["sum(session)"] as number[];
    expect(series).toHaveLength(total.intervals.length);
    expect(series.reduce((a, b) => a + b, 0)).toBe(sessionsTotal);
  });

  it("filters by release query, project and environment", async () => {
    const one = await sessions("field=sum(session)&query=release:2.14.0&groupBy=release&statsPeriod=30d&interval=1d");
    expect(one.groups.map((g) => g.by.release)).toEqual(["2.14.0"]);
    const web = await sessions("field=sum(session)&project=4500000&groupBy=project&statsPeriod=24h");
    expect(web.groups.map((g) => g.by.project)).toEqual([4500000]);
    const staging = await sessions("field=sum(session)&environment=staging&statsPeriod=24h");
    expect(staging.groups[0]?.totals["sum(session)"]).toBe(0);
    expect(staging.groups[0]?.totals).toBeDefined();
  });

  it("orders and limits groups, and rejects what Sentry rejects", async () => {
    const top = await sessions(
      "field=sum(session)&groupBy=release&orderBy=-sum(session)&per_page=3&statsPeriod=14d&interval=1d&includeSeries=0",
    );
    const values = top.groups.map((g) => g.totals["sum(session)"] as number);
    expect(values).toHaveLength(3);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(top.intervals).toEqual([]);
    for (const params of [
      "groupBy=release",
      "field=sum(bogus)",
      "field=sum(session)&groupBy=os",
      "field=crash_free_rate(session)&groupBy=session.status",
      "field=sum(session)&interval=5m",
      "field=sum(session)&query=device:iphone",
    ]) {
      const res = await call(em, "GET", `/api/0/organizations/acme/sessions/?${params}`);
      expect(res.status, params).toBe(400);
      expect(res.body.detail).toEqual(expect.any(String));
    }
  });
});

describe("release health", () => {
  it("shows the seeded regression: 2.14.0 crashes far more than 2.13.0", async () => {
    const health = async (version: string) =>
      (
        await call(
          em,
          "GET",
          `/api/0/organizations/acme/releases/${version}/?health=1&summaryStatsPeriod=30d&project=web`,
        )
      ).body.projects[0].healthData;
    const regressed = await health("2.14.0");
    const previous = await health("2.13.0");
    expect(regressed.totalSessions).toBeGreaterThan(10_000);
    expect(regressed.crashFreeSessions).toBeLessThan(previous.crashFreeSessions - 1.5);
    expect(previous.crashFreeSessions).toBeGreaterThan(99);
    expect(regressed.crashFreeUsers).toBeLessThan(100);
    expect(
      (await call(em, "GET", "/api/0/organizations/globex/releases/5.13.0/?health=1&summaryStatsPeriod=30d")).body
        .projects[0].healthData.crashFreeSessions,
    ).toBeLessThan(99);
  });

  it("reports adoption that declines with release age", async () => {
    const releases = (await call(em, "GET", "/api/0/organizations/acme/releases/?health=1&project=4500000&per_page=5"))
      .body;
    expect(releases.map((r: { version: string }) => r.version)).toEqual([
      "2.15.0",
      "2.14.1",
      "2.14.0",
      "2.13.0",
      "2.12.0",
    ]);
    const adoption = releases
      .slice(1)
      .map((r: { projects: { healthData: { adoption: number } }[] }) => r.projects[0]?.healthData.adoption);
    expect(adoption).toEqual([...adoption].sort((a, b) => b - a));
    const web = releases[0].projects[0].healthData;
    expect(web.adoption).toBeCloseTo((100 * web.totalUsers24h) / web.totalProjectUsers24h, 3);
    expect(web.stats["24h"]).toHaveLength(24);
    // The regressed release introduced issues; its hotfix none.
    expect(releases[2].newGroups).toBeGreaterThan(0);
    expect(releases[1].newGroups).toBe(0);
  });

  it("filters releases by query and pages project releases", async () => {
    const found = (await call(em, "GET", "/api/0/organizations/acme/releases/?query=2.1")).body.map(
      (r: { version: string }) => r.version,
    );
    expect(found.every((v: string) => v.includes("2.1"))).toBe(true);
    const page = await call(em, "GET", "/api/0/projects/acme/bosun/releases/?per_page=5");
    expect(page.body).toHaveLength(5);
    expect(page.headers.get("link")).toContain('rel="next"; results="true"; cursor="0:5:0"');
    expect((await call(em, "GET", "/api/0/organizations/acme/releases/9.9.9/")).status).toBe(404);
  });
});

describe("event stats", () => {
  it("stats_v2 accepted errors equal events-stats counts and the issues' own counts", async () => {
    const stats = (
      await call(
        em,
        "GET",
        "/api/0/organizations/acme/stats_v2/?field=sum(quantity)&groupBy=outcome&groupBy=project&category=error&statsPeriod=30d&interval=1d",
      )
    ).body;
    const accepted = stats.groups.filter((g: Group) => g.by.outcome === "accepted");
    expect(accepted).toHaveLength(4);
    const acceptedTotal = accepted.reduce((n: number, g: Group) => n + (g.totals["sum(quantity)"] as number), 0);
    const eventsStats = (
      await call(em, "GET", "/api/0/organizations/acme/events-stats/?statsPeriod=30d&interval=1d&yAxis=count()")
    ).body;
    expect(
      eventsStats.data.reduce((n: number, [, [point]]: [number, { count: number }[]]) => n + (point?.count ?? 0), 0),
    ).toBe(acceptedTotal);
    const issues = (await call(em, "GET", "/api/0/organizations/acme/issues/?query=&statsPeriod=30d&limit=100")).body;
    const issueTotal = issues.reduce((n: number, i: { count: string }) => n + Number(i.count), 0);
    expect(Math.abs(issueTotal - acceptedTotal) / acceptedTotal).toBeLessThan(0.02);
  });

  it("filters events-stats by project and issue", async () => {
    const [issue] = (await call(em, "GET", "/api/0/organizations/acme/issues/?statsPeriod=24h&sort=freq&limit=1")).body;
    const one = (
      await call(
        em,
        "GET",
        `/api/0/organizations/acme/events-stats/?statsPeriod=24h&interval=1h&query=issue.id:${issue.id}`,
      )
    ).body;
    expect(one.data.reduce((n: number, [, [p]]: [number, { count: number }[]]) => n + (p?.count ?? 0), 0)).toBe(
      Number(issue.count),
    );
    const multi = (
      await call(
        em,
        "GET",
        "/api/0/organizations/acme/events-stats/?statsPeriod=24h&interval=1h&project=4500001&yAxis=count()&yAxis=count()",
      )
    ).body;
    expect(multi["count()"].data.length).toBeGreaterThanOrEqual(24);
    expect(
      (await call(em, "GET", "/api/0/organizations/acme/events-stats/?yAxis=p95(transaction.duration)")).status,
    ).toBe(400);
  });
});
