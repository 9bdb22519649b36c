import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PanelFreshness, SprintRow } from "@/lib/domain/overview";
import type {
  BreakingIssue,
  OverviewAttention,
  OverviewIssues,
  OverviewReleases,
  OverviewSprints,
} from "@/lib/features/overview";
import { AttentionPanel } from "./attention-panel";
import { IssuesPanel } from "./issues-panel";
import { ReleasesPanel } from "./releases-panel";
import { SprintsPanel } from "./sprints-panel";

/** The Overview's panels as the page streams them, from each loader's answer. */

const now = new Date("2026-12-03T12:00:00Z");
const fresh: PanelFreshness = { fetchedAt: new Date("2026-12-03T11:57:00Z"), stale: false, error: null };
const base = { orgSlug: "acme", now, canManageIntegrations: false };

const render = async (element: Promise<React.ReactElement>) => renderToStaticMarkup(await element);
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;|&apos;/g, "'");

const row = (fields: Partial<SprintRow>): SprintRow => ({
  boardId: 1,
  boardName: "ACME board",
  sprintName: "ACME Sprint 13",
  capacityPoints: 40,
  committedPoints: 46,
  completedPoints: 10,
  remainingPoints: 36,
  endDate: "2026-12-10T12:00:00Z",
  conflictCount: 2,
  burndown: [
    { day: "2026-11-30", remaining: 46, ideal: 46 },
    { day: "2026-12-01", remaining: 44, ideal: 37 },
    { day: "2026-12-02", remaining: 36, ideal: 28 },
  ],
  daysLeft: 7,
  isAtRisk: true,
  overBy: 6,
  loadPercent: 115,
  ...fields,
});

describe("SprintsPanel", () => {
  const sprints = (data: OverviewSprints) => SprintsPanel({ ...base, sprints: Promise.resolve(data) });

  it("shows each board's commitment against capacity, days left, conflicts and a described burndown", async () => {
    const html = await render(
      sprints({
        status: "ok",
        rows: [
          row({}),
          row({
            boardId: 2,
            boardName: "PORT board",
            committedPoints: 20,
            isAtRisk: false,
            overBy: 0,
            loadPercent: 50,
            conflictCount: 1,
            daysLeft: 1,
          }),
        ],
        idle: [{ boardId: 3, boardName: "HULL board", reason: "no-active-sprint" }],
        freshness: fresh,
      }),
    );
    expect(html).toContain('href="/acme/sprints?board=1"');
    expect(html).toContain('href="/acme/sprints?board=2"');
    expect(text(html)).toContain("46 / 40 pts");
    expect(text(html)).toContain("At risk: 6 over");
    expect(text(html)).toContain("50% of capacity");
    expect(text(html)).toContain("7 days left");
    expect(text(html)).toContain("1 day left");
    expect(text(html)).toContain("2 conflicts");
    expect(text(html)).toContain("1 conflict");
    expect(html).toContain(
      'aria-label="Burndown of ACME Sprint 13 over 3 days: 46 points at the start, 36 left now; the guideline is at 28."',
    );
    expect(html).toMatch(/<svg role="img"[^>]*><polyline points="[\d., ]+"[^>]*stroke-dasharray/);
    expect(text(html)).toContain("No active sprint on HULL board — start one in Jira.");
    expect(text(html)).toContain("Updated 3 min ago");
  });

  it("tells an admin to connect Jira, and anyone else to ask an admin", async () => {
    const admin = await render(
      SprintsPanel({ ...base, canManageIntegrations: true, sprints: Promise.resolve({ status: "not-connected" }) }),
    );
    expect(text(admin)).toContain("Connect Jira in Settings → Integrations");
    expect(admin).toContain('href="/acme/settings/integrations"');
    const member = await render(sprints({ status: "not-connected" }));
    expect(text(member)).toContain("ask an admin to connect it in Settings → Integrations");
    expect(member).not.toContain("/settings/integrations");
  });

  it("says Jira is not answering as a status when nothing is cached", async () => {
    const html = await render(sprints({ status: "unavailable", message: "Jira answered 503" }));
    expect(html).toContain('role="status"');
    expect(text(html)).toContain("Jira is not answering right now (Jira answered 503)");
  });
});

const issue = (fields: Partial<BreakingIssue>): BreakingIssue => ({
  id: "4711",
  shortId: "WEB-1A",
  title: "TypeError: cannot read properties of undefined",
  culprit: "app/checkout",
  projectSlug: "web",
  severity: "critical",
  isRegressed: false,
  userCount: 1200,
  eventCount: 5400,
  lastSeen: "2026-12-03T11:50:00Z",
  trend: null,
  ...fields,
});

describe("IssuesPanel", () => {
  const issues = (data: OverviewIssues) => IssuesPanel({ ...base, issues: Promise.resolve(data) });

  it("links each issue to its investigation, marks regressions and draws a trend only when one is cached", async () => {
    const html = await render(
      issues({
        status: "ok",
        issues: [
          issue({ trend: [0, 2, 5, 9] }),
          issue({
            id: "4712",
            shortId: "API-3",
            projectSlug: "api",
            severity: "high",
            isRegressed: true,
            userCount: 1,
            eventCount: 1,
          }),
        ],
        total: 7,
        freshness: fresh,
      }),
    );
    expect(html).toContain('href="/acme/errors/4711/investigation"');
    expect(html).toContain('href="/acme/errors/4712/investigation"');
    expect(text(html)).toContain("Regressed");
    expect(text(html)).toContain("web · 1,200 users · 5,400 events");
    expect(text(html)).toContain("api · 1 user · 1 event");
    expect(html).toContain(
      'aria-label="Events per hour of WEB-1A over the last 24 hours: 16 in all, at most 9 in an hour, 9 in the latest hour (rising)."',
    );
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(text(html)).toContain("See all errors (5 more Critical or regressed)");
  });

  it("says nothing is breaking, and what to do to hear of new issues", async () => {
    const html = await render(issues({ status: "ok", issues: [], total: 0, freshness: fresh }));
    expect(text(html)).toContain("Nothing is breaking");
    expect(text(html)).toContain("See all errors");
  });

  it("shows a stale read with its reason", async () => {
    const html = await render(
      issues({
        status: "ok",
        issues: [issue({})],
        total: 1,
        freshness: { ...fresh, stale: true, error: "429 Too Many Requests" },
      }),
    );
    expect(text(html)).toContain("Stale: the service did not answer (429 Too Many Requests)");
  });
});

describe("ReleasesPanel", () => {
  const releases = (data: OverviewReleases) => ReleasesPanel({ ...base, releases: Promise.resolve(data) });
  const figure = (value: number, change: number, trend: "better" | "worse") => ({
    value,
    previous: value - change,
    change,
    trend,
  });

  it("shows each release's crash-free figures with their change and flags a regression with its reasons", async () => {
    const html = await render(
      releases({
        status: "ok",
        releases: [
          {
            version: "2.14.0",
            dateReleased: "2026-11-26T10:00:00Z",
            comparedTo: "2.13.0",
            crashFreeSessions: figure(97.1, -2.3, "worse"),
            crashFreeUsers: figure(98.4, -1.1, "worse"),
            isRegression: true,
            reasons: ["crash-free sessions 97.10% vs 99.40% in 2.13.0"],
          },
          {
            version: "2.13.0",
            dateReleased: "2026-11-12T10:00:00Z",
            comparedTo: null,
            crashFreeSessions: { value: 99.4, previous: null, change: null, trend: null },
            crashFreeUsers: { value: null, previous: null, change: null, trend: null },
            isRegression: false,
            reasons: [],
          },
        ],
        freshness: fresh,
        partialError: null,
      }),
    );
    expect(html).toContain('href="/acme/releases/2.14.0"');
    expect(text(html)).toContain("97.10%−2.30 pts (worse)");
    expect(text(html)).toContain("Regression");
    expect(text(html)).toContain("crash-free sessions 97.10% vs 99.40% in 2.13.0");
    expect(text(html)).toContain("Healthy");
    expect(text(html)).toContain("Crash-free users—");
  });

  it("explains how to get release health when Sentry has no releases, and how to connect it", async () => {
    const empty = await render(releases({ status: "ok", releases: [], freshness: fresh, partialError: null }));
    expect(text(empty)).toContain("Sentry has no releases yet");
    const admin = await render(
      ReleasesPanel({ ...base, canManageIntegrations: true, releases: Promise.resolve({ status: "not-connected" }) }),
    );
    expect(text(admin)).toContain("Connect Sentry in Settings → Integrations to see release health.");
  });
});

describe("AttentionPanel", () => {
  const attention = (data: OverviewAttention) =>
    AttentionPanel({ orgSlug: "acme", now, attention: Promise.resolve(data) });
  const quiet: OverviewAttention = {
    counts: { unreadNotifications: 0, pendingWrites: 0, failedWrites: 0, rollbacksAwaiting: 0 },
    notifications: [],
    failedWrites: [],
    pendingWrites: [],
    writesScope: "org",
    rollbacks: [],
    canDecideRollbacks: true,
    freshness: { fetchedAt: now, stale: false, error: null },
  };

  it("lists unread notifications, failed writes before waiting ones, and rollbacks to decide", async () => {
    const html = await render(
      attention({
        ...quiet,
        counts: { unreadNotifications: 4, pendingWrites: 1, failedWrites: 1, rollbacksAwaiting: 1 },
        notifications: [
          {
            id: "n1",
            event: "critical_issue",
            title: "Critical: WEB-1A",
            body: "1,200 users",
            link: "/acme/errors/4711/investigation",
            readAt: null,
            emailStatus: null,
            createdAt: new Date("2026-12-03T11:00:00Z"),
          },
        ],
        pendingWrites: [
          { id: "w2", operation: "jira.transition", payload: {}, status: "pending", lastError: null, createdAt: now },
        ],
        failedWrites: [
          {
            id: "w1",
            operation: "jira.createIssue",
            payload: { meta: { summary: "Create bug ACME for WEB-1A" } },
            status: "dead",
            lastError: "Jira answered 400",
            createdAt: now,
          },
        ],
        rollbacks: [
          {
            id: "g1",
            release: "2.14.0",
            environment: "production",
            raisedAt: now,
            summary: "crash-free fell to 97.1%",
          },
        ],
      }),
    );
    const words = text(html);
    expect(words).toContain("4 unread notifications");
    expect(html).toContain('href="/acme/notifications/n1"');
    expect(words).toContain("1 failed write, 1 waiting");
    expect(words.indexOf("Failed: Create bug ACME for WEB-1A")).toBeLessThan(words.indexOf("Waiting: jira.transition"));
    expect(words).toContain("Jira answered 400");
    expect(html).toContain('href="/acme/automations"');
    expect(words).toContain("1 rollback awaiting your decision");
    expect(words).toContain("Roll back 2.14.0 in production?");
    expect(html).toContain('href="/acme/releases/2.14.0"');
  });

  it("explains a failed write's upstream error in plain words, keeping the service's own words", async () => {
    const html = await render(
      attention({
        ...quiet,
        counts: { unreadNotifications: 0, pendingWrites: 0, failedWrites: 1, rollbacksAwaiting: 0 },
        failedWrites: [
          {
            id: "w1",
            operation: "jira.createIssue",
            payload: { meta: { summary: "Create bug ACME for WEB-1A" } },
            status: "failed",
            lastError: "Jira answered 400: fixVersions: Version name '2.15.0' is not valid",
            createdAt: now,
          },
        ],
      }),
    );
    const words = text(html);
    expect(words).toContain("No Jira fixVersion named 2.15.0");
    expect(words).toContain("Version name '2.15.0' is not valid");
  });

  it("says nothing needs the viewer, in the terms of what they can see", async () => {
    expect(text(await render(attention(quiet)))).toContain(
      "Nothing needs you right now: no unread notifications, no write to Jira or Sentry waiting or failed, no rollback to decide.",
    );
    expect(text(await render(attention({ ...quiet, writesScope: "own", canDecideRollbacks: false })))).toContain(
      "no unread notifications, none of your writes waiting or failed. Choose",
    );
  });
});
