import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy } from "@/test/counting-proxy";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { cacheWritesSettled } from "@/lib/platform/cache/read-through";
import * as known from "./known-versions";
import * as detail from "./detail";
import * as newIssues from "./new-issues";
import * as notes from "@/lib/features/release-notes/load";

/** Per-version release lookups against the Jira and Sentry emulators, each behind a counting proxy. */
describe("release version lookups", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let jiraProxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let sentryProxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let orgId: string;
  const requests = () => jiraProxy.count() + sentryProxy.count();
  const resetCounts = () => {
    jiraProxy.reset();
    sentryProxy.reset();
  };
  const cacheKeys = async () => {
    // Rows are written after the values are handed out (read-through.ts).
    await cacheWritesSettled();
    return (await db.cacheEntry.findMany({ where: { orgId }, select: { key: true } })).map((e) => e.key).sort();
  };

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
    [jiraProxy, sentryProxy] = await Promise.all([startCountingProxy(jira.url), startCountingProxy(sentry.url)]);
  });
  useSeededDatabase({
    label: "releaseversions",
    seed: () => ({ urls: { jira: jiraProxy.url, sentry: sentryProxy.url } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(async () => {
    await Promise.all([jiraProxy.close(), sentryProxy.close()]);
    await Promise.all([jira.close(), sentry.close()]);
  });

  const realVersion = async () => {
    const { loadReleasesPage } = await import("./load");
    const page = await loadReleasesPage({ orgId });
    if (page.status !== "ok" || !page.releases[0]) throw new Error("no releases");
    return page.releases[0].version;
  };

  it("a real release is looked up in Sentry and Jira", async () => {
    const version = await realVersion();
    expect(await known.checkReleaseVersion({ orgId, version })).toEqual({ kind: "known", name: version });
    resetCounts();
    const loaded = await detail.loadReleaseDetail({ orgId, version });
    expect(loaded.check.kind).toBe("known");
    expect(loaded.jiraError).toBeNull();
    expect(requests()).toBeGreaterThan(0);
  });

  it("unknown versions make no upstream request and no cache entry, however many are tried", async () => {
    await realVersion();
    // The first unknown name reads Jira's version list once (it is cached for the org, not per name).
    expect(await known.checkReleaseVersion({ orgId, version: "0.0.0-warm-up" })).toMatchObject({ kind: "unknown" });
    const keysBefore = await cacheKeys();
    resetCounts();
    for (let i = 0; i < 25; i++) {
      const version = `9.${i}.0-made-up`;
      expect(await known.checkReleaseVersion({ orgId, version })).toMatchObject({ kind: "unknown" });
      expect(await detail.loadReleaseDetail({ orgId, version })).toMatchObject({
        series: null,
        jiraIssues: null,
        check: { kind: "unknown" },
      });
      expect(await newIssues.readIssuesFirstSeenIn({ orgId, version })).toEqual([]);
      expect(await notes.readJiraVersions({ orgId, version })).toEqual([]);
    }
    expect(requests()).toBe(0);
    expect(await cacheKeys()).toEqual(keysBefore);
  });

  it("a malformed version is refused before anything is read", async () => {
    resetCounts();
    expect(await known.checkReleaseVersion({ orgId, version: "x".repeat(201) })).toEqual({
      kind: "invalid",
      message: "version must be at most 200 characters",
    });
    expect(await known.checkReleaseVersion({ orgId, version: "1.0\n0" })).toEqual({
      kind: "invalid",
      message: "version must not contain control characters",
    });
    expect(requests()).toBe(0);
  });

  it("while Sentry is down and nothing is cached, a version is neither looked up nor called unknown", async () => {
    await db.cacheEntry.deleteMany({ where: { orgId } });
    await fetch(`${sentry.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({ errorRate: 1, errorStatus: 503 }),
    });
    try {
      sentryProxy.reset();
      const check = await known.checkReleaseVersion({ orgId, version: "1.2.3" });
      expect(check).toMatchObject({ kind: "unverifiable", message: expect.stringMatching(/Sentry/) });
      expect(await detail.loadReleaseDetail({ orgId, version: "1.2.3" })).toMatchObject({
        series: null,
        jiraIssues: null,
        check: { kind: "unverifiable" },
      });
      expect((await cacheKeys()).filter((k) => k.includes("1.2.3"))).toEqual([]);
    } finally {
      await fetch(`${sentry.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify({ errorRate: 0 }) });
    }
  });
});
