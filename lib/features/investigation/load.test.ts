import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { db } from "@/lib/db/client";
import { deleteCacheEntries } from "@/lib/db/queries/cache";
import { useSeededDatabase } from "@/test/fixtures/database";
import { loadInvestigation } from "./load";

/** The investigation report of seeded Sentry issues, read from the Sentry emulator into the seeded database's orgs. */
describe("loadInvestigation", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let acme: string;
  let globex: string;

  const firstIssue = async (org: string, project: string): Promise<{ id: string; culprit: string }> => {
    const response = await fetch(`${sentry.url}/api/0/organizations/${org}/issues/?query=project:${project}&limit=1`, {
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
    });
    const [issue] = (await response.json()) as { id: string; culprit: string }[];
    return issue!;
  };
  const faults = (body: unknown) =>
    fetch(`${sentry.url}/__emulator/faults`, {
      method: body ? "PUT" : "DELETE",
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
  });
  useSeededDatabase({ label: "investigation", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    acme = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    globex = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
  });
  afterEach(async () => {
    await faults(null);
  });
  afterAll(async () => {
    await Promise.all([jira.close(), sentry.close()]);
  });

  it("reports the latest event's frames, tags, breadcrumbs, series and Sentry's suspect commit", async () => {
    const issue = await firstIssue("acme", "api");
    const page = await loadInvestigation({ orgId: acme, issueId: issue.id, requestId: "req-investigate" });
    expect(page.status).toBe("ok");
    if (page.status !== "ok") return;
    const { report } = page;
    expect(report.issue).toMatchObject({ id: issue.id, projectSlug: "api", culprit: issue.culprit });
    expect(report.issue.firstRelease).toEqual(expect.any(String));
    const frames = report.latestEvent!.exceptions.at(-1)!.frames;
    expect(frames.filter((f) => f.inApp).map((f) => f.filename)).toContain("src/middleware/request-context.ts");
    expect(frames.some((f) => !f.inApp)).toBe(true);
    expect(report.latestEvent!.breadcrumbs.at(-1)).toMatchObject({ category: "exception" });
    expect(report.latestEvent!.request?.url).toMatch(/^https:\/\/api\.acme\.example\//);
    expect(report.tags.map((t) => t.key)).toEqual(["release", "environment", "os", "url", "transaction"]);
    expect(report.tags[0]!.totalValues).toBe(report.issue.eventCount);
    expect(report.events.last30d).toHaveLength(30);
    expect(report.users).toHaveLength(30);
    expect(report.suspectCommits.length).toBeGreaterThan(0);
    expect(report.suspectCommits[0]).toMatchObject({
      source: "sentry-committers",
      author: { email: expect.stringMatching(/@acme\.test$/) },
      release: expect.any(String),
    });
    expect(report.gaps).toEqual([]);
    expect(report.jira).toBeNull();
  });

  it("finds suspect commits from the release files itself when Sentry's committers cannot be read", async () => {
    const issue = await firstIssue("acme", "web");
    await faults({ errorRate: 1, errorStatus: 503, pathPrefix: "/api/0/projects/acme/web/events/" });
    const page = await loadInvestigation({ orgId: acme, issueId: issue.id });
    if (page.status !== "ok") throw new Error(page.status);
    expect(page.report.suspectNote).toMatch(
      /^Sentry's suspect commits could not be read .*; found from the files changed in releases /,
    );
    expect(page.report.suspectCommits[0]).toMatchObject({ source: "release-files", score: expect.any(Number) });
    expect(page.report.suspectCommits[0]!.why).toMatch(/changed \S+, in-app frame 1/);
    expect(page.report.tags.map((t) => t.key)).toContain("browser");
  });

  it("keeps the report when a part fails, and names the part", async () => {
    const issue = await firstIssue("acme", "worker");
    await faults({ errorRate: 1, errorStatus: 503, pathPrefix: `/api/0/organizations/acme/issues/${issue.id}/tags/` });
    const page = await loadInvestigation({ orgId: acme, issueId: issue.id });
    if (page.status !== "ok") throw new Error(page.status);
    expect(page.report.gaps.map((g) => g.part)).toEqual(["tags"]);
    expect(page.report.latestEvent).not.toBeNull();
  });

  it("answers not-found for another org's issue, an unknown issue and a malformed id", async () => {
    const issue = await firstIssue("acme", "api");
    await deleteCacheEntries({ orgId: globex, prefix: "sentry:" });
    expect(await loadInvestigation({ orgId: globex, issueId: issue.id })).toEqual({ status: "not-found" });
    expect(await loadInvestigation({ orgId: acme, issueId: "999999999999" })).toEqual({ status: "not-found" });
    expect(await loadInvestigation({ orgId: acme, issueId: "../../etc" })).toEqual({ status: "not-found" });
  });
});
