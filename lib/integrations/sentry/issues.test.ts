import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { findInstallationUuid, linkExternalIssue, listIssues, listReleaseSessions, updateIssues } from "./issues";

/** Error-page reads and triage writes against the Sentry emulator. */
describe("Sentry issues, triage and release sessions", () => {
  let sentry: RunningSentryEmulator;
  const config = () => ({ baseUrl: sentry.url, organizationSlug: "acme", authToken: "sentry-demo-token" });
  const raw = async (path: string) =>
    (await fetch(`${sentry.url}/api/0${path}`, { headers: { authorization: "Bearer sentry-demo-token" } })).json();

  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  afterAll(() => sentry.close());

  it("lists unresolved issues across pages, with counts as numbers", async () => {
    const { issues, isComplete } = await listIssues(config(), { statsPeriod: "30d" });
    expect(isComplete).toBe(true);
    expect(issues.length).toBeGreaterThan(10);
    expect(new Set(issues.map((i) => i.id)).size).toBe(issues.length);
    expect(issues.every((i) => i.status === "unresolved" && typeof i.eventCount === "number")).toBe(true);
    expect(new Set(issues.map((i) => i.level))).toContain("fatal");
    const small = await listIssues(config(), { statsPeriod: "30d", maxPages: 1 });
    expect(small.issues.length).toBeLessThanOrEqual(100);
  });

  it("resolves and assigns issues in one bulk write that sticks", async () => {
    const { issues } = await listIssues(config(), { statsPeriod: "30d" });
    const [first, second] = issues;
    await updateIssues(config(), [first!.id, second!.id], { status: "resolved" });
    expect(((await raw(`/organizations/acme/issues/${first!.id}/`)) as { status: string }).status).toBe("resolved");
    expect(((await raw(`/organizations/acme/issues/${second!.id}/`)) as { status: string }).status).toBe("resolved");
    const after = await listIssues(config(), { statsPeriod: "30d" });
    expect(after.issues.some((i) => i.id === first!.id)).toBe(false);
  });

  it("reads crash-free rates for every release in one request, showing the seeded regression", async () => {
    const releases = await listReleaseSessions(config());
    const byVersion = new Map(releases.map((r) => [r.version, r]));
    expect(byVersion.size).toBeGreaterThan(5);
    const regressed = byVersion.get("2.14.0");
    const before = byVersion.get("2.13.0");
    expect(regressed?.crashFreeSessionRate).toBeLessThan(before?.crashFreeSessionRate ?? 0);
    expect(regressed?.totalSessions).toBeGreaterThan(1000);
  });

  it("links an external ticket to a Sentry issue through the app installation", async () => {
    const uuid = await findInstallationUuid(config());
    expect(uuid).toBeTruthy();
    const { issues } = await listIssues(config(), { statsPeriod: "30d", maxPages: 1 });
    await linkExternalIssue(config(), {
      installationUuid: uuid!,
      issueId: issues[0]!.id,
      webUrl: "http://127.0.0.1:4102/acme/browse/ACME-7",
      project: "ACME",
      identifier: "7",
    });
    const links = (await raw(`/organizations/acme/issues/${issues[0]!.id}/external-issues/`)) as {
      displayName: string;
      webUrl: string;
    }[];
    expect(links).toEqual([
      expect.objectContaining({ displayName: "ACME#7", webUrl: "http://127.0.0.1:4102/acme/browse/ACME-7" }),
    ]);
  });
});
