import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { getJiraConfig } from "@/lib/integrations/connections";
import { searchWorkItems } from "@/lib/integrations/jira";
import { loadBoardContext } from "@/lib/features/sprints";
import { loadQualityPage } from "./page";
import { qualityTables } from "./tables";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The quality figures against the Jira and Sentry emulators' demo data, with the history Bosun records (sprint
 * closes from the Sprints page, production deploys, and ticket links as Bosun files tickets for Sentry issues).
 */
describe("quality", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let acme: string;
  const now = new Date();

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
  });
  useSeededDatabase({ label: "quality", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    acme = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    const context = await loadBoardContext({ orgId: acme, now });
    if (context.status !== "ok") throw new Error(context.status);
    await db.deploy.createMany({
      data: [
        {
          orgId: acme,
          sentryId: "d1",
          version: "9.1.0",
          environment: "production",
          projects: [],
          dateFinished: new Date(now.getTime() - 20 * DAY),
        },
        {
          orgId: acme,
          sentryId: "d2",
          version: "9.2.0",
          environment: "production",
          projects: [],
          dateFinished: new Date(now.getTime() - 10 * DAY),
        },
        {
          orgId: acme,
          sentryId: "d3",
          version: "9.2.0",
          environment: "staging",
          projects: [],
          dateFinished: new Date(now.getTime() - 30 * DAY),
        },
      ],
    });
  });
  afterAll(async () => {
    await Promise.all([jira.close(), sentry.close()]);
  });

  const loaded = async (options: { boardId?: number; orgId?: string } = {}) => {
    const page = await loadQualityPage({ orgId: options.orgId ?? acme, boardId: options.boardId, now });
    if (page.status !== "ok") throw new Error(page.status);
    return page;
  };

  it("counts each closed sprint's bugs filed and resolved as Jira's own search does", async () => {
    const page = await loaded();
    expect(page.jira.status).toBe("ok");
    expect(page.sentry.status).toBe("ok");
    expect(page.quality.sprints.length).toBeGreaterThanOrEqual(6);
    const sprint = page.quality.sprints[0]!;
    const config = (await getJiraConfig({ orgId: acme }))!;
    const day = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");
    const filed = await searchWorkItems(
      config,
      `project = ${page.board!.projectKey} AND issuetype = Bug AND created >= "${day(sprint.start)}" AND created < "${day(sprint.end)}"`,
      null,
    );
    // Jira's JQL dates are to the minute; the sprint's bounds are too, in the demo data.
    expect(sprint.bugsCreated).toBe(filed.length);
    expect(page.quality.sprints.some((s) => s.bugsCreated > 0)).toBe(true);
  });

  it("gives each production release a window and counts the escaped defects Bosun linked in it", async () => {
    const before = await loaded();
    expect(before.quality.releases.map((r) => r.label)).toEqual(["9.2.0", "9.1.0"]);
    const open = await db.ticketLink.count({ where: { orgId: acme } });
    await db.ticketLink.createMany({
      data: [
        {
          orgId: acme,
          jiraIssueKey: "ACME-9001",
          jiraIssueId: "9001",
          sentryIssueId: "q-1",
          createdVia: "user",
          createdAt: new Date(now.getTime() - 5 * DAY),
        },
        {
          orgId: acme,
          jiraIssueKey: "ACME-9002",
          jiraIssueId: "9002",
          sentryIssueId: "q-2",
          createdVia: "agent",
          createdAt: new Date(now.getTime() - 15 * DAY),
        },
      ],
    });
    const link = await db.ticketLink.findFirstOrThrow({ where: { orgId: acme, sentryIssueId: "q-1" } });
    await db.syncFieldState.create({
      data: {
        orgId: acme,
        linkId: link.id,
        field: "status",
        sentryValue: "closed",
        sentryChangedAt: new Date(now.getTime() - 4 * DAY),
      },
    });
    const after = await loaded();
    const [newer, older] = after.quality.releases;
    expect(newer!.escapedDefects - before.quality.releases[0]!.escapedDefects).toBe(1);
    expect(older!.escapedDefects - before.quality.releases[1]!.escapedDefects).toBe(1);
    expect(after.quality.overall.escapedDefects).toBe(open + 2);
    expect(after.quality.overall.ticketToFixHours).not.toBeNull();
  });

  it("reports the open Critical issues' mean age from Sentry's issues as the errors page classifies them", async () => {
    const page = await loaded();
    expect(page.quality.critical).not.toBeNull();
    if (page.quality.critical!.open > 0) expect(page.quality.critical!.meanAgeDays).toBeGreaterThan(0);
  });

  it("exports the same rows from what Bosun stored", async () => {
    const page = await loaded();
    const table = await qualityTables["quality-sprints"]!({
      orgId: acme,
      orgSlug: "acme",
      params: new URLSearchParams({ board: String(page.board!.id) }),
      now,
    });
    expect(table?.rows.map((r) => [r.label, r.bugsCreated])).toEqual(
      page.quality.sprints.map((s) => [s.label, s.bugsCreated]),
    );
    const releases = await qualityTables["quality-releases"]!({
      orgId: acme,
      orgSlug: "acme",
      params: new URLSearchParams(),
      now,
    });
    expect(releases?.rows.map((r) => r.label)).toEqual(["9.2.0", "9.1.0"]);
  });

  it("answers not found for another org's board", async () => {
    const globex = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
    const page = await loaded();
    const globexPage = await loaded({ orgId: globex });
    if (globexPage.boards.some((b) => b.id === page.board!.id)) throw new Error("boards overlap");
    expect(await loadQualityPage({ orgId: globex, boardId: page.board!.id, now })).toEqual({ status: "not-found" });
    const exported = await qualityTables["quality-sprints"]!({
      orgId: globex,
      orgSlug: "globex",
      params: new URLSearchParams({ board: String(page.board!.id) }),
      now,
    });
    expect(exported).toBeNull();
  });
});
