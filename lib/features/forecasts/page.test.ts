import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { clientsFor } from "@/emulators/jira/testing";
import { db } from "@/lib/db/client";
import { getJiraConfig } from "@/lib/integrations/connections";
import { listBoards, searchWorkItems } from "@/lib/integrations/jira";
import { loadBoardContext } from "@/lib/features/sprints";
import { loadForecast, loadForecastsPage } from "./page";
import { forecastTables } from "./tables";
import { loadVersionForecast } from "./version-forecast";

/**
 * The forecasts against the Jira emulator's demo data: close snapshots recorded as the Sprints page records them,
 * open work from one search, and the same dates on every load (the seed is fixed).
 */
describe("forecasts", () => {
  let jira: JiraEmulator;
  let acme: string;
  let globex: string;
  const now = new Date();

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({ label: "forecasts", seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }) });
  beforeAll(async () => {
    acme = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    globex = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
    // The Sprints page records each closed sprint's close snapshot: the throughput the forecasts draw from.
    const context = await loadBoardContext({ orgId: acme, now });
    if (context.status !== "ok") throw new Error(context.status);
    await planOpenWorkIntoTheUnreleasedVersion(context.board.projectKey!);
  });

  /**
   * The demo's versions hold only finished work (each issue gets the release it shipped in), so a team's plan is
   * made here as it is in Jira: three open issues of the board's project put into the unreleased version.
   */
  let plannedVersion: string;
  async function planOpenWorkIntoTheUnreleasedVersion(projectKey: string) {
    const { v3 } = clientsFor(jira, "acme");
    const versions = await v3.projectVersions.getProjectVersions({ projectIdOrKey: projectKey });
    plannedVersion = versions.find((v) => !v.released)!.name!;
    const open = await v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: `project = ${projectKey} AND statusCategory != Done AND issuetype != Epic ORDER BY key`,
      fields: ["summary"],
      maxResults: 3,
    });
    for (const issue of open.issues ?? [])
      await v3.issues.editIssue({ issueIdOrKey: issue.key, fields: { fixVersions: [{ name: plannedVersion }] } });
  }
  afterAll(async () => {
    await jira.close();
  });

  const loadedPage = async (orgId: string, boardId?: number) => {
    const page = await loadForecastsPage({ orgId, boardId, now });
    if (page.status !== "ok") throw new Error(page.status);
    return page;
  };

  it("forecasts the board's open epics and unreleased fixVersions, P50 ≤ P85 ≤ P95, from its close snapshots", async () => {
    const page = await loadedPage(acme);
    expect(page.history.length).toBeGreaterThanOrEqual(6);
    expect(page.epics.length).toBeGreaterThan(0);
    expect(page.versions.map((v) => [v.key, v.remaining.issues])).toEqual([[plannedVersion, 3]]);
    for (const row of [...page.epics, ...page.versions]) {
      expect(row.remaining.issues).toBeGreaterThan(0);
      if (row.forecast.status !== "ok") throw new Error(`${row.key}: ${row.forecast.status}`);
      const { p50, p85, p95 } = row.forecast;
      expect(p85.sprints).toBeGreaterThanOrEqual(p50.sprints);
      expect(p95.sprints).toBeGreaterThanOrEqual(p85.sprints);
      expect(p85.date.getTime()).toBeGreaterThanOrEqual(p50.date.getTime());
      expect(row.forecast.assumptions.history.sprints).toBe(page.history.length);
    }
  });

  it("counts an epic's remaining work exactly as Jira lists its open children", async () => {
    const page = await loadedPage(acme);
    const epic = page.epics[0]!;
    const config = (await getJiraConfig({ orgId: acme }))!;
    const open = await searchWorkItems(config, `parent = ${epic.key} AND statusCategory != Done`, null);
    expect(epic.remaining.issues).toBe(open.length);
  });

  it("gives the same dates on every load, and one epic's forecast is its row's", async () => {
    const first = await loadedPage(acme);
    const again = await loadedPage(acme);
    expect(again.epics).toEqual(first.epics);
    const epic = first.epics[0]!;
    const single = await loadForecast({
      orgId: acme,
      now,
      boardId: first.board.id,
      target: { kind: "epic", key: epic.key },
    });
    expect(single).toMatchObject({ status: "ok", row: epic });
    const version = first.versions[0]!;
    const byVersion = await loadForecast({
      orgId: acme,
      now,
      boardId: first.board.id,
      target: { kind: "fixVersion", name: version.key },
    });
    expect(byVersion).toMatchObject({ status: "ok", row: version });
  });

  it("summarises an unreleased version's forecast for the release notes, on the board of its project", async () => {
    const page = await loadedPage(acme);
    const version = page.versions[0]!;
    if (version.forecast.status !== "ok") throw new Error(version.forecast.status);
    const summary = await loadVersionForecast({
      orgId: acme,
      version: version.key,
      projectKeys: [page.board.projectKey!],
      now,
    });
    expect(summary).toEqual({
      board: page.board.name,
      openIssues: 3,
      p50: version.forecast.p50.date.toISOString().slice(0, 10),
      p85: version.forecast.p85.date.toISOString().slice(0, 10),
    });
    expect(await loadVersionForecast({ orgId: acme, version: version.key, projectKeys: ["NOPE"], now })).toBeNull();
  });

  it("exports the epics' forecasts from what Bosun stored, as the page shows them", async () => {
    const page = await loadedPage(acme);
    const table = await forecastTables["forecast-epics"]!({
      orgId: acme,
      orgSlug: "acme",
      params: new URLSearchParams({ board: String(page.board.id) }),
      now,
    });
    expect(table?.rows.map((r) => r.key)).toEqual(page.epics.map((e) => e.key));
    const first = page.epics[0]!.forecast;
    if (first.status === "ok") expect(table?.rows[0]?.p85Date).toBe(first.p85.date.toISOString().slice(0, 10));
  });

  it("answers not found for another org's board, on the page, in the tool's read and in the export", async () => {
    const acmeBoards = await listBoards((await getJiraConfig({ orgId: acme }))!);
    const globexBoards = await listBoards((await getJiraConfig({ orgId: globex }))!);
    const foreign = acmeBoards.find((b) => !globexBoards.some((g) => g.id === b.id))!;
    expect(foreign).toBeDefined();
    expect(await loadForecastsPage({ orgId: globex, boardId: foreign.id, now })).toEqual({ status: "not-found" });
    expect(
      await loadForecast({ orgId: globex, boardId: foreign.id, now, target: { kind: "epic", key: "ACME-1" } }),
    ).toEqual({ status: "not-found" });
    await loadedPage(globex);
    const exported = await forecastTables["forecast-epics"]!({
      orgId: globex,
      orgSlug: "globex",
      params: new URLSearchParams({ board: String(foreign.id) }),
      now,
    });
    expect(exported).toBeNull();
  });

  it("cannot forecast a board with no recorded history, and says why", async () => {
    await db.sprintSnapshot.deleteMany({ where: { orgId: globex } });
    const page = await loadedPage(globex);
    const row = [...page.epics, ...page.versions][0];
    expect(row?.forecast).toMatchObject({
      status: "cannot-forecast",
      reason: expect.stringMatching(/No closed sprint/),
    });
  });
});
