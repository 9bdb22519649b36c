import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import * as load from "./load";
import * as publish from "./publish";
import * as queries from "@/lib/db/queries/release-notes";
import * as outbox from "@/lib/platform/outbox";

type JiraIssue = {
  key: string;
  fields: { status: { name: string }; fixVersions: { id: string; name: string }[]; project: { key: string } };
};
type JiraVersion = { id: string; name: string; projectId: number; released: boolean; releaseDate?: string };
type SentryIssue = { id: string; shortId: string; title: string; firstRelease: { version: string } | null };

const VERSION = "2.15.0";
const PROJECTS = ["ACME", "PORT", "HULL"];
const TODAY = new Date().toISOString().slice(0, 10);

/**
 * Release notes on the server side against a real database and the Jira and
 * Sentry emulators: the generator's input, revision history, and publishing —
 * which releases the Jira versions and closes the release's "In Review" issues
 * through the outbox.
 */
describe("release notes, end to end", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let orgId: string;
  let actor: { id: string; label: string };

  // ─── Jira emulator ──────────────────────────────────────────────────────
  const jiraAuth = `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}`;
  const jiraApi = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const response = await fetch(`${jira.url}/acme/rest/api/3${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: jiraAuth, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw new Error(`Jira ${path} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? null : response.json()) as Promise<T>;
  };
  const searchJira = async (jql: string): Promise<JiraIssue[]> => {
    const found: JiraIssue[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await jiraApi<{ issues: JiraIssue[]; nextPageToken?: string; isLast?: boolean }>("/search/jql", {
        method: "POST",
        body: { jql, fields: ["status", "fixVersions", "project"], maxResults: 100, nextPageToken },
      });
      found.push(...page.issues);
      nextPageToken = page.isLast ? undefined : page.nextPageToken;
    } while (nextPageToken);
    return found;
  };
  const jiraStatus = async (key: string) =>
    (await jiraApi<JiraIssue>(`/issue/${key}?fields=status`)).fields.status.name;
  const versionsNamed = async (name: string) =>
    (await Promise.all(PROJECTS.map((p) => jiraApi<JiraVersion[]>(`/project/${p}/versions`))))
      .flat()
      .filter((v) => v.name === name);
  /** Walks the issue along To Do → In Progress → In Review → Done (or back) until it reaches the status. */
  const moveTo = async (key: string, target: string) => {
    const order = ["To Do", "In Progress", "In Review", "Done"];
    for (let step = 0; step < 6; step++) {
      const current = await jiraStatus(key);
      if (current === target) return;
      const toward = order[order.indexOf(current) + (order.indexOf(target) > order.indexOf(current) ? 1 : -1)];
      const { transitions } = await jiraApi<{ transitions: { id: string; to: { name: string } }[] }>(
        `/issue/${key}/transitions`,
      );
      const next = transitions.find((t) => t.to.name === target) ?? transitions.find((t) => t.to.name === toward);
      if (!next) throw new Error(`${key}: no transition from ${current} towards ${target}`);
      await jiraApi(`/issue/${key}/transitions`, { method: "POST", body: { transition: { id: next.id } } });
    }
    expect(await jiraStatus(key)).toBe(target);
  };
  const setJiraFaults = (faults: object) =>
    fetch(`${jira.url}/__emulator/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(faults),
    });
  const clearJiraFaults = () => fetch(`${jira.url}/__emulator/faults`, { method: "DELETE" });

  // ─── Sentry emulator ────────────────────────────────────────────────────
  const sentryApi = async <T>(path: string): Promise<{ data: T; link: string | null }> => {
    const response = await fetch(`${sentry.url}/api/0${path}`, {
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
    });
    if (!response.ok) throw new Error(`Sentry ${path} answered ${response.status}: ${await response.text()}`);
    return { data: (await response.json()) as T, link: response.headers.get("link") };
  };

  const newNote = (version: string, variant: "internal" | "customer", markdown: string) =>
    queries.saveRevision({ orgId, version, variant, title: `Release ${version}`, markdown, createdById: actor.id });
  const publishNotes = (input: {
    version: string;
    variant?: "internal" | "customer";
    revision: number;
    markJiraReleased?: boolean;
    closeCompleted?: boolean;
    requestId?: string;
  }) =>
    publish.publishReleaseNotes({
      orgId,
      version: input.version,
      variant: input.variant ?? "internal",
      revision: input.revision,
      options: { markJiraReleased: input.markJiraReleased ?? true, closeCompleted: input.closeCompleted ?? true },
      actor,
      requestId: input.requestId ?? "req-publish",
      today: TODAY,
    });

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
  });
  useSeededDatabase({ label: "relnotes", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    const grace = await db.user.findUniqueOrThrow({ where: { email: "grace@acme.test" } });
    actor = { id: grace.id, label: grace.email };
  });
  beforeEach(async () => {
    await clearJiraFaults();
  });
  afterAll(async () => {
    await Promise.all([jira?.close(), sentry?.close()]);
  });

  it("gathers the release's Jira issues, versions, Sentry health and known issues", async () => {
    // A new error in the release, as the SDK would report it: a known issue of 2.15.0.
    const reported = await fetch(`${sentry.url}/__emulator/orgs/acme/issues`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        project: "web",
        type: "TypeError",
        value: "Cannot read properties of undefined (reading 'berth')",
        level: "error",
        release: VERSION,
      }),
    });
    expect(reported.status).toBe(201);
    const source = await load.loadReleaseNotesSource({ orgId, version: VERSION, requestId: "req-source" });

    const inJira = await searchJira(`fixVersion = "${VERSION}"`);
    expect(inJira.length).toBeGreaterThan(0);
    expect(source.jiraError).toBeNull();
    expect(source.input.version).toBe(VERSION);
    expect(source.input.issues.map((i) => i.key).sort()).toEqual(inJira.map((i) => i.key).sort());
    for (const issue of source.input.issues)
      expect(issue.statusName).toBe(inJira.find((i) => i.key === issue.key)?.fields.status.name);
    expect(source.input.jiraBrowseUrl).toBe(`${jira.url}/acme/browse`);

    const versions = await versionsNamed(VERSION);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.every((v) => !v.released)).toBe(true);
    expect(source.versions.map((v) => v.id).sort()).toEqual(versions.map((v) => v.id).sort());
    expect(source.versions.every((v) => v.name === VERSION && !v.released)).toBe(true);
    expect(source.input.released).toBe(false);

    // Health: the release's sessions over 30 days, as Sentry counts them.
    const sessions = await sentryApi<{ groups: { by: { release: string }; totals: Record<string, number> }[] }>(
      "/organizations/acme/sessions/?field=sum(session)&groupBy=release&statsPeriod=30d&interval=1d&includeSeries=0",
    );
    const expectedSessions = sessions.data.groups.find((g) => g.by.release === VERSION)?.totals["sum(session)"] ?? 0;
    expect(expectedSessions).toBeGreaterThan(0);
    expect(source.input.health).not.toBeNull();
    expect(source.input.health!.sessions).toBe(expectedSessions);
    expect(source.input.health!.crashFreeSessions).toBeGreaterThan(0);
    // The scorecard against the release before it (the 2.14.1 hotfix), which the internal notes' health section lists.
    expect(source.input.health!.scorecard).toMatchObject({ version: VERSION, comparedTo: "2.14.1" });
    expect(source.input.health!.crashFreeSessions).toBeLessThanOrEqual(100);

    // Known issues: the unresolved issues Sentry first saw in this release.
    const unresolved: SentryIssue[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer: { data: SentryIssue[]; link: string | null } = await sentryApi<SentryIssue[]>(
        `/organizations/acme/issues/?query=is:unresolved&statsPeriod=14d&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      );
      unresolved.push(...answer.data);
      const next = /<[^>]*cursor=([^&>]+)[^>]*>; rel="next"; results="true"/.exec(answer.link ?? "");
      if (!next) break;
      cursor = next[1]!;
    }
    // The list does not say where an issue was first seen; each issue's detail does.
    const details = await Promise.all(
      unresolved.map(async (i) => (await sentryApi<SentryIssue>(`/organizations/acme/issues/${i.id}/`)).data),
    );
    const firstSeenHere = details.filter((i) => i.firstRelease?.version === VERSION);
    expect(firstSeenHere.map((i) => i.title)).toContain(
      "TypeError: Cannot read properties of undefined (reading 'berth')",
    );
    expect(source.input.knownIssues.map((k) => k.shortId).sort()).toEqual(firstSeenHere.map((i) => i.shortId).sort());
    for (const known of source.input.knownIssues)
      expect(known.title).toBe(firstSeenHere.find((i) => i.shortId === known.shortId)?.title);
  });

  it("numbers revisions, skips identical text and gives concurrent saves distinct numbers", async () => {
    const first = await newNote(VERSION, "customer", "# Release 2.15.0\n\n- First draft");
    expect(first).toMatchObject({ unchanged: false, revision: { revision: 1 } });
    const again = await newNote(VERSION, "customer", "# Release 2.15.0\n\n- First draft");
    expect(again).toMatchObject({ unchanged: true, revision: { revision: 1 } });
    const second = await newNote(VERSION, "customer", "# Release 2.15.0\n\n- Second draft");
    expect(second).toMatchObject({
      unchanged: false,
      revision: { revision: 2, markdown: "# Release 2.15.0\n\n- Second draft" },
    });

    // Five editors saving at once, a few times over: each save gets its own number and reports it.
    let latest = 2;
    for (let round = 0; round < 4; round++) {
      const texts = Array.from({ length: 5 }, (_, i) => `# Release 2.15.0\n\n- Concurrent draft ${round}.${i}`);
      const saved = await Promise.all(texts.map((text) => newNote(VERSION, "customer", text)));
      saved.forEach((s, i) => expect(s).toMatchObject({ unchanged: false, revision: { markdown: texts[i] } }));
      expect(saved.map((s) => s.revision.revision).sort((a, b) => a - b)).toEqual(
        [1, 2, 3, 4, 5].map((n) => latest + n),
      );
      latest += 5;
    }

    const stored = await db.releaseNoteRevision.findMany({
      where: { orgId, releaseNote: { version: VERSION, variant: "customer" } },
      orderBy: { revision: "asc" },
    });
    expect(stored.map((r) => r.revision)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
    expect(new Set(stored.map((r) => r.markdown)).size).toBe(latest);
    expect(stored.every((r) => r.createdById === actor.id)).toBe(true);

    const note = await queries.findReleaseNote({ orgId, version: VERSION, variant: "customer" });
    expect(note).toMatchObject({ title: `Release ${VERSION}`, publishedAt: null, publishedRevision: null });
    // The note carries its latest 20 revisions, newest first.
    expect(note!.revisions.map((r) => r.revision)).toEqual(Array.from({ length: 20 }, (_, i) => latest - i));
    expect(await queries.findRevision({ orgId, noteId: note!.id, revision: 2 })).toMatchObject({
      markdown: "# Release 2.15.0\n\n- Second draft",
    });
    expect(await queries.findRevision({ orgId, noteId: note!.id, revision: latest + 1 })).toBeNull();
    // The other variant is a separate note with its own numbering.
    expect(await newNote(VERSION, "internal", "# Internal 2.15.0")).toMatchObject({
      unchanged: false,
      revision: { revision: 1 },
    });
  });

  it("publishes: Jira versions released today, In Review issues closed, each write audited, once", async () => {
    // One open issue of the release is left "In Review" (done, never closed); another stays "In Progress".
    const open = await searchJira(`project = ACME AND statusCategory != Done ORDER BY key ASC`);
    const [reviewKey, progressKey] = [open[0]!.key, open[1]!.key];
    for (const key of [reviewKey, progressKey])
      await jiraApi(`/issue/${key}`, {
        method: "PUT",
        body: { update: { fixVersions: [{ add: { name: VERSION } }] } },
      });
    await moveTo(reviewKey, "In Review");
    await moveTo(progressKey, "In Progress");
    const beforeInRelease = await searchJira(`fixVersion = "${VERSION}"`);
    expect(beforeInRelease.map((i) => i.key)).toEqual(expect.arrayContaining([reviewKey, progressKey]));
    const inReview = beforeInRelease.filter((i) => i.fields.status.name === "In Review").map((i) => i.key);
    expect(inReview).toContain(reviewKey);

    const saved = await newNote(VERSION, "internal", "# Internal 2.15.0\n\n- Ready to ship");
    const result = await publishNotes({ version: VERSION, revision: saved.revision.revision });
    expect(result.status, result.message).toBe("done");

    const note = await db.releaseNote.findUniqueOrThrow({
      where: { orgId_version_variant: { orgId, version: VERSION, variant: "internal" } },
    });
    expect(note).toMatchObject({ publishedRevision: saved.revision.revision, publishedById: actor.id });
    expect(note.publishedAt).toBeInstanceOf(Date);

    const versions = await versionsNamed(VERSION);
    expect(versions).toHaveLength(PROJECTS.length);
    for (const v of versions) expect(v).toMatchObject({ released: true, releaseDate: TODAY });
    for (const key of inReview) expect(await jiraStatus(key)).toBe("Done");
    expect(await jiraStatus(progressKey)).toBe("In Progress");
    expect(result.writes).toHaveLength(versions.length + inReview.length);
    expect(result.writes.every((w) => w.status === "succeeded")).toBe(true);

    const intents = await db.outboxIntent.findMany({ where: { orgId, requestId: "req-publish" } });
    expect(intents.filter((i) => i.operation === "jira.version.release")).toHaveLength(versions.length);
    expect(
      intents
        .filter((i) => i.operation === "jira.issue.transition_forward")
        .map((i) => (i.payload as { args: { issueKey: string } }).args.issueKey)
        .sort(),
    ).toEqual([...inReview].sort());
    expect(intents.every((i) => i.status === "succeeded")).toBe(true);
    const audits = await db.auditLog.findMany({ where: { orgId, requestId: "req-publish" } });
    expect(audits.filter((a) => a.action === "release_notes.published")).toEqual([
      expect.objectContaining({ targetType: "release", targetId: VERSION, actorId: actor.id, result: "success" }),
    ]);
    for (const v of versions)
      expect(
        audits.filter((a) => a.action === "jira.version.release" && a.targetId === v.id && a.result === "success"),
      ).toHaveLength(1);
    for (const key of inReview)
      expect(
        audits.filter(
          (a) => a.action === "jira.issue.transition_forward" && a.targetId === key && a.result === "success",
        ),
      ).toHaveLength(1);

    // A later page load sees the release as released.
    const after = await load.loadReleaseNotesSource({ orgId, version: VERSION, requestId: "req-after" });
    expect(after.input.released).toBe(true);
    expect(after.input.releaseDate).toBe(TODAY);

    // Publishing again changes nothing more in Jira.
    const intentCount = await db.outboxIntent.count({ where: { orgId } });
    const again = await publishNotes({
      version: VERSION,
      revision: saved.revision.revision,
      requestId: "req-publish-again",
    });
    expect(again.status, again.message).toBe("done");
    expect(await db.outboxIntent.count({ where: { orgId } })).toBe(intentCount);
    expect(
      await db.auditLog.count({ where: { orgId, requestId: "req-publish-again", action: { startsWith: "jira." } } }),
    ).toBe(0);
    for (const v of await versionsNamed(VERSION)) expect(v).toMatchObject({ released: true, releaseDate: TODAY });
  });

  it("refuses to publish a revision that was never saved, writing nothing", async () => {
    const saved = await newNote("2.14.0", "customer", "# Release 2.14.0");
    const intents = await db.outboxIntent.count({ where: { orgId } });
    const audits = await db.auditLog.count({ where: { orgId } });
    const jiraBefore = await versionsNamed("2.14.0");

    expect(
      await publishNotes({
        version: "2.14.0",
        variant: "customer",
        revision: saved.revision.revision + 1,
        requestId: "req-missing",
      }),
    ).toEqual({ status: "failed", message: "Save the notes before publishing them.", writes: [] });
    // A note that was never saved at all, likewise.
    expect(
      await publishNotes({ version: "2.14.0", variant: "internal", revision: 1, requestId: "req-missing" }),
    ).toEqual({ status: "failed", message: "Save the notes before publishing them.", writes: [] });

    expect(
      await db.releaseNote.findUniqueOrThrow({
        where: { orgId_version_variant: { orgId, version: "2.14.0", variant: "customer" } },
      }),
    ).toMatchObject({ publishedAt: null, publishedRevision: null, publishedById: null });
    expect(await db.releaseNote.count({ where: { orgId, version: "2.14.0", variant: "internal" } })).toBe(0);
    expect(await db.outboxIntent.count({ where: { orgId } })).toBe(intents);
    expect(await db.auditLog.count({ where: { orgId } })).toBe(audits);
    expect(await versionsNamed("2.14.0")).toEqual(jiraBefore);
  });

  it("publishes while Jira is down and releases the version once the outbox drains", async () => {
    // A fresh, unreleased version in two projects.
    const projects = await Promise.all(["ACME", "PORT"].map((p) => jiraApi<{ id: string }>(`/project/${p}`)));
    for (const project of projects)
      await jiraApi("/version", {
        method: "POST",
        body: { name: "2.16.0", projectId: Number(project.id), released: false },
      });
    const created = await versionsNamed("2.16.0");
    expect(created).toHaveLength(2);
    const saved = await newNote("2.16.0", "customer", "# Release 2.16.0");

    await setJiraFaults({ errorRate: 1, pathPrefix: "/acme/rest/api/3/version" });
    const result = await publishNotes({
      version: "2.16.0",
      variant: "customer",
      revision: saved.revision.revision,
      closeCompleted: false,
      requestId: "req-down",
    });
    expect(result.status, result.message).toBe("pending");
    expect(result.writes).toHaveLength(2);
    expect(result.writes.every((w) => w.status === "pending")).toBe(true);
    expect(
      await db.releaseNote.findUniqueOrThrow({
        where: { orgId_version_variant: { orgId, version: "2.16.0", variant: "customer" } },
      }),
    ).toMatchObject({ publishedRevision: saved.revision.revision });
    const pending = await db.outboxIntent.findMany({ where: { orgId, requestId: "req-down" } });
    expect(pending).toHaveLength(2);
    expect(pending.every((i) => i.operation === "jira.version.release" && i.status === "pending")).toBe(true);
    expect(await db.auditLog.count({ where: { orgId, requestId: "req-down", action: "jira.version.release" } })).toBe(
      0,
    );
    expect(
      await db.auditLog.count({ where: { orgId, requestId: "req-down", action: "release_notes.published" } }),
    ).toBe(1);
    await clearJiraFaults();
    for (const v of await versionsNamed("2.16.0")) expect(v.released).toBe(false);

    await db.$executeRaw`UPDATE "OutboxIntent" SET "nextAttemptAt" = now() WHERE status = 'pending'`;
    const outcomes = await outbox.drainOutbox();
    expect(outcomes.map((o) => o.status)).toEqual(["succeeded", "succeeded"]);
    for (const v of await versionsNamed("2.16.0")) expect(v).toMatchObject({ released: true, releaseDate: TODAY });
    expect(
      (await db.outboxIntent.findMany({ where: { orgId, requestId: "req-down" } })).every(
        (i) => i.status === "succeeded",
      ),
    ).toBe(true);
    expect(
      await db.auditLog.count({
        where: { orgId, requestId: "req-down", action: "jira.version.release", result: "success" },
      }),
    ).toBe(2);
  });
});
