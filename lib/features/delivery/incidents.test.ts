import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ReleaseScorecard } from "@/lib/domain/performance";
import { useSeededDatabase } from "@/test/fixtures/database";
import { recordCriticalIssue, recordReleaseRegressions, recordRollbackGate, resolveCriticalIssue } from "./incidents";

/** Incidents as the release check, the Sentry webhooks and rollback gates record them: once each, and resolved. */
const HOUR = 3_600_000;
const now = new Date("2026-12-03T12:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

const scorecard = (version: string, crash: boolean, performance = false): ReleaseScorecard => ({
  version,
  dateReleased: ago(500).toISOString(),
  comparedTo: null,
  metrics: [],
  crashRegression: { isRegression: crash, reason: crash ? "crash-free sessions 97% vs 99.8%" : null },
  performanceRegressions: performance
    ? [
        {
          metric: "lcpP75",
          version,
          comparedTo: "2.13.0",
          value: 2800,
          previous: 2300,
          changePercent: 21.7,
          samples: 82_000,
          previousSamples: 80_000,
          reason: "p75 LCP 2.8 s vs 2.3 s",
        },
      ]
    : [],
  isRegression: crash || performance,
  reasons: [crash ? "crash-free sessions 97% vs 99.8%" : "", performance ? "p75 LCP 2.8 s vs 2.3 s" : ""].filter(
    Boolean,
  ),
});

describe("delivery incidents", () => {
  useSeededDatabase({
    label: "delivery-incidents",
    seed: () => ({ urls: { sentry: "http://127.0.0.1:1", jira: "http://127.0.0.1:1" } }),
  });
  let orgId: string;
  let otherOrgId: string;

  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    otherOrgId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
    const deploy = (sentryId: string, version: string, hours: number, environment = "production") => ({
      orgId,
      sentryId,
      version,
      environment,
      projects: ["web"],
      dateFinished: ago(hours),
    });
    await db.deploy.createMany({
      data: [deploy("1", "2.14.0", 100), deploy("2", "2.14.0", 110, "staging"), deploy("3", "2.15.0", 40)],
    });
  });

  it("records a regression from the release's first production deploy, once however often the check runs", async () => {
    const scorecards = [scorecard("2.14.0", true, true), scorecard("2.13.0", false)];
    await recordReleaseRegressions({ orgId, scorecards, now });
    await recordReleaseRegressions({ orgId, scorecards, now });
    const rows = await db.deliveryIncident.findMany({ where: { orgId }, orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.kind, r.version, r.environment, r.startedAt.toISOString(), r.resolvedAt])).toEqual([
      ["crash_regression", "2.14.0", "production", ago(100).toISOString(), null],
      ["performance_regression", "2.14.0", "production", ago(100).toISOString(), null],
    ]);
  });

  it("resolves a regression when a later release deployed to production is not one", async () => {
    await recordReleaseRegressions({
      orgId,
      scorecards: [scorecard("2.15.0", false), scorecard("2.14.0", true, true)],
      now,
    });
    const rows = await db.deliveryIncident.findMany({ where: { orgId, version: "2.14.0" } });
    expect(rows.map((r) => r.resolvedAt?.toISOString())).toEqual([ago(40).toISOString(), ago(40).toISOString()]);
  });

  it("records a critical issue once and resolves it when Sentry does, in its own org only", async () => {
    const issue = {
      id: "4242",
      shortId: "WEB-9",
      title: "TypeError",
      firstSeen: ago(90).toISOString(),
      projectSlug: "web",
      release: "2.14.0",
    };
    await recordCriticalIssue({ orgId, issue });
    await recordCriticalIssue({ orgId, issue });
    await resolveCriticalIssue({ orgId: otherOrgId, issueId: "4242", resolvedAt: ago(1) });
    let row = await db.deliveryIncident.findFirstOrThrow({ where: { orgId, kind: "critical_issue" } });
    expect(row.resolvedAt).toBeNull();
    await resolveCriticalIssue({ orgId, issueId: "4242", resolvedAt: ago(80) });
    await resolveCriticalIssue({ orgId, issueId: "4242", resolvedAt: ago(2) });
    row = await db.deliveryIncident.findFirstOrThrow({ where: { orgId, kind: "critical_issue" } });
    expect(row).toMatchObject({ project: "web", sourceKey: "sentry-issue:4242", resolvedAt: ago(80) });
    expect(await db.deliveryIncident.count({ where: { orgId, kind: "critical_issue" } })).toBe(1);
  });

  it("records a raised rollback gate once per release and environment", async () => {
    const gate = {
      orgId,
      release: "2.15.0",
      environment: "production",
      raisedAt: ago(39),
      summary: "Rollback recommended",
    };
    await recordRollbackGate(gate);
    await recordRollbackGate({ ...gate, raisedAt: ago(10) });
    const rows = await db.deliveryIncident.findMany({ where: { orgId, kind: "rollback" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.startedAt).toEqual(ago(39));
  });
});
