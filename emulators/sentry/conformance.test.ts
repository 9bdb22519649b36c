import { NodeClient, defaultStackParser, makeNodeTransport } from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSentryEmulator } from "./index";
import { ORG, call, startTestEmulator, validator } from "./test-support";

/** Every endpoint Bosun uses, fetched raw and validated against the trimmed official spec. */

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());

async function conforms(method: string, specPath: string, path: string, body?: unknown, expectedStatus = 200) {
  const res = await call(em, method, path, body);
  expect(res.status, JSON.stringify(res.body)?.slice(0, 300)).toBe(expectedStatus);
  expect(validator.validateResponse({ method, path: specPath, status: res.status, body: res.body })).toEqual([]);
  return res;
}

describe("Sentry API conformance", () => {
  it("lists projects", async () => {
    const res = await conforms("GET", `${ORG}/projects/`, "/api/0/organizations/acme/projects/");
    expect(res.body.map((p: { slug: string }) => p.slug)).toEqual(["web", "api", "worker", "bosun"]);
  });

  it("lists issues with every sort and stats period", async () => {
    for (const sort of ["date", "new", "freq", "user"]) {
      for (const groupStatsPeriod of ["24h", "14d", "auto"]) {
        await conforms(
          "GET",
          `${ORG}/issues/`,
          `/api/0/organizations/globex/issues/?query=is:for_review&statsPeriod=30d&sort=${sort}&groupStatsPeriod=${groupStatsPeriod}&limit=25`,
        );
      }
    }
  });

  it("reads and updates one issue", async () => {
    const [first] = (await call(em, "GET", "/api/0/organizations/acme/issues/?query=is:unresolved&limit=1")).body;
    await conforms("GET", `${ORG}/issues/{issue_id}/`, `/api/0/organizations/acme/issues/${first.id}/`);
    const res = await conforms("PUT", `${ORG}/issues/{issue_id}/`, `/api/0/organizations/acme/issues/${first.id}/`, {
      status: "resolved",
      statusDetails: { inRelease: "latest" },
    });
    expect(res.body.statusDetails.inRelease).toBe("2.15.0");
    await conforms("PUT", `${ORG}/issues/{issue_id}/`, `/api/0/organizations/acme/issues/${first.id}/`, {
      status: "ignored",
      statusDetails: { ignoreCount: 50, ignoreWindow: 60 },
    });
    await conforms("PUT", `${ORG}/issues/{issue_id}/`, `/api/0/organizations/acme/issues/${first.id}/`, {
      assignedTo: "grace@acme.test",
      priority: "low",
      hasSeen: true,
      isBookmarked: true,
    });
  });

  it("resolves a short id to its issue and project", async () => {
    const [first] = (await call(em, "GET", "/api/0/organizations/acme/issues/?limit=1")).body;
    const res = await conforms(
      "GET",
      `${ORG}/shortids/{issue_id}/`,
      `/api/0/organizations/acme/shortids/${first.shortId}/`,
    );
    expect(res.body).toMatchObject({
      organizationSlug: "acme",
      groupId: first.id,
      shortId: first.shortId,
      projectSlug: first.project.slug,
      group: { id: first.id, shortId: first.shortId },
    });
    // Sentry matches short ids without regard to case, and knows nothing of other ids.
    expect((await call(em, "GET", `/api/0/organizations/acme/shortids/${first.shortId.toLowerCase()}/`)).status).toBe(
      200,
    );
    expect(await call(em, "GET", "/api/0/organizations/acme/shortids/NOPE-1/")).toMatchObject({
      status: 404,
      body: { detail: expect.any(String) },
    });
    expect((await call(em, "GET", `/api/0/organizations/acme/shortids/${first.id}/`)).status).toBe(404);
  });

  it("bulk-updates issues", async () => {
    const issues = (await call(em, "GET", "/api/0/organizations/acme/issues/?limit=2")).body;
    const ids = issues.map((i: { id: string }) => `id=${i.id}`).join("&");
    await conforms("PUT", `${ORG}/issues/`, `/api/0/organizations/acme/issues/?${ids}`, { status: "unresolved" });
    await conforms("PUT", `${ORG}/issues/`, `/api/0/organizations/acme/issues/?${ids}`, {
      assignedTo:
        "user:" +
        (await call(em, "GET", "/api/0/organizations/acme/issues/?limit=1&query=is:assigned")).body[0].assignedTo.id,
    });
    await conforms("PUT", `${ORG}/issues/`, `/api/0/organizations/acme/issues/?${ids}`, {
      status: "ignored",
      substatus: "archived_until_escalating",
    });
  });

  it("lists an issue's events and reads latest/oldest", async () => {
    const [issue] = (await call(em, "GET", "/api/0/organizations/acme/issues/?limit=1")).body;
    const events = await conforms(
      "GET",
      `${ORG}/issues/{issue_id}/events/`,
      `/api/0/organizations/acme/issues/${issue.id}/events/`,
    );
    expect(events.body.length).toBeGreaterThan(0);
    for (const which of ["latest", "oldest", "recommended"])
      await conforms(
        "GET",
        `${ORG}/issues/{issue_id}/events/{event_id}/`,
        `/api/0/organizations/acme/issues/${issue.id}/events/${which}/`,
      );
  });

  it("serves usage stats and sessions", async () => {
    await conforms(
      "GET",
      `${ORG}/stats_v2/`,
      "/api/0/organizations/acme/stats_v2/?field=sum(quantity)&groupBy=outcome&groupBy=category&groupBy=project&statsPeriod=14d&interval=1d",
    );
    await conforms(
      "GET",
      `${ORG}/stats_v2/`,
      "/api/0/organizations/acme/stats_v2/?field=sum(times_seen)&groupBy=reason&category=error&outcome=accepted&statsPeriod=24h",
    );
    await conforms(
      "GET",
      `${ORG}/sessions/`,
      "/api/0/organizations/acme/sessions/?field=sum(session)&field=count_unique(user)&field=crash_free_rate(session)&field=crash_free_rate(user)&groupBy=release&groupBy=project&statsPeriod=14d&interval=1d",
    );
    await conforms(
      "GET",
      `${ORG}/sessions/`,
      "/api/0/organizations/globex/sessions/?field=sum(session)&groupBy=session.status&statsPeriod=24h",
    );
  });

  it("answers Explore's events table and time series on the spans dataset, and the errors dataset's counts", async () => {
    const vitals = await conforms(
      "GET",
      `${ORG}/events/`,
      "/api/0/organizations/acme/events/?dataset=spans&statsPeriod=7d&project=web&field=release&field=p75(measurements.lcp)&field=p75(measurements.inp)&field=count()&query=span.op:[pageload,ui.interaction.click]&sort=-count()&per_page=5",
    );
    expect(vitals.body.meta).toMatchObject({ dataset: "spans", units: { "p75(measurements.lcp)": "millisecond" } });
    await conforms(
      "GET",
      `${ORG}/events/`,
      "/api/0/organizations/globex/events/?dataset=spans&statsPeriod=24h&field=transaction&field=count()&field=failure_rate()&field=p95(span.duration)&field=epm()&query=transaction.op:http.server%20is_transaction:True&sort=-p95(span.duration)",
    );
    await conforms(
      "GET",
      `${ORG}/events/`,
      "/api/0/organizations/acme/events/?dataset=errors&statsPeriod=14d&field=release&field=count()&query=event.type:error%20has:release&sort=-count()",
    );
    const series = await conforms(
      "GET",
      `${ORG}/events-timeseries/`,
      "/api/0/organizations/acme/events-timeseries/?dataset=spans&statsPeriod=24h&interval=1h&yAxis=p75(measurements.lcp)&yAxis=count()&query=span.op:pageload",
    );
    expect(series.body.timeSeries[0].meta.interval).toBe(3_600_000);
    await conforms(
      "GET",
      `${ORG}/events-timeseries/`,
      "/api/0/organizations/acme/events-timeseries/?dataset=spans&statsPeriod=7d&interval=1d&yAxis=p95(span.duration)&groupBy=transaction&topEvents=3&sort=-p95(span.duration)&query=transaction.op:http.server",
    );
    expect(await call(em, "GET", "/api/0/organizations/acme/events/?dataset=spans&field=apdex()")).toMatchObject({
      status: 400,
      body: { detail: expect.stringContaining("apdex()") },
    });
    for (const path of [`${ORG}/events/`, `${ORG}/events-timeseries/`])
      expect(validator.validateResponse({ method: "GET", path, status: 400, body: { detail: "x" } })).toEqual([]);
  });

  it("lists user feedback as issues of the feedback category only when asked for", async () => {
    const listed = await call(
      em,
      "GET",
      "/api/0/organizations/acme/issues/?query=issue.category:feedback%20release:2.14.0&statsPeriod=30d",
    );
    expect(listed.status).toBe(200);
    // Feedback is never in the review inbox: its `inbox` is null, the README's known divergence from the spec.
    const problems = validator
      .validateResponse({ method: "GET", path: `${ORG}/issues/`, status: 200, body: listed.body })
      .filter((p: string) => !/^\/\d+\/inbox must be object$/.test(p));
    expect(problems).toEqual([]);
    expect(listed.body.length).toBeGreaterThan(5);
    expect(listed.body.every((i: { issueCategory: string }) => i.issueCategory === "feedback")).toBe(true);
    await conforms("GET", `${ORG}/issues/{issue_id}/`, `/api/0/organizations/acme/issues/${listed.body[0].id}/`);
  });

  it("lists releases and reads release health", async () => {
    await conforms(
      "GET",
      `${ORG}/releases/`,
      "/api/0/organizations/acme/releases/?health=1&per_page=5&adoptionStages=1",
    );
    await conforms(
      "GET",
      `${ORG}/releases/{version}/`,
      "/api/0/organizations/acme/releases/2.14.0/?health=1&healthStatsPeriod=14d",
    );
    await conforms(
      "GET",
      "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/",
      "/api/0/projects/acme/web/releases/?per_page=3",
    );
  });

  it("links issues to external tickets through the installation", async () => {
    const installations = await conforms(
      "GET",
      `${ORG}/sentry-app-installations/`,
      "/api/0/organizations/acme/sentry-app-installations/",
    );
    const uuid = installations.body[0].uuid;
    const [issue] = (await call(em, "GET", "/api/0/organizations/acme/issues/?limit=1")).body;
    const link = await conforms(
      "POST",
      "/api/0/sentry-app-installations/{uuid}/external-issues/",
      `/api/0/sentry-app-installations/${uuid}/external-issues/`,
      {
        issueId: Number(issue.id),
        webUrl: "http://127.0.0.1:4102/browse/ACME-12",
        project: "ACME",
        identifier: "12",
      },
    );
    expect(link.body.displayName).toBe("ACME#12");
    const listed = await conforms(
      "GET",
      `${ORG}/issues/{issue_id}/external-issues/`,
      `/api/0/organizations/acme/issues/${issue.id}/external-issues/`,
    );
    expect(listed.body).toEqual([link.body]);
    await conforms(
      "DELETE",
      "/api/0/sentry-app-installations/{uuid}/external-issues/{external_issue_id}/",
      `/api/0/sentry-app-installations/${uuid}/external-issues/${link.body.id}/`,
      undefined,
      204,
    );
  });

  it("keeps one link per issue and app: a second POST answers Sentry's 500 and the issue still lists the first", async () => {
    const [{ uuid }] = (await call(em, "GET", "/api/0/organizations/acme/sentry-app-installations/")).body;
    const [, issue] = (await call(em, "GET", "/api/0/organizations/acme/issues/?limit=2")).body;
    const body = {
      issueId: Number(issue.id),
      webUrl: "http://127.0.0.1:4102/browse/ACME-77",
      project: "ACME",
      identifier: "77",
    };
    const first = await conforms(
      "POST",
      "/api/0/sentry-app-installations/{uuid}/external-issues/",
      `/api/0/sentry-app-installations/${uuid}/external-issues/`,
      body,
    );
    const again = await call(em, "POST", `/api/0/sentry-app-installations/${uuid}/external-issues/`, body);
    expect(again).toMatchObject({
      status: 500,
      body: { detail: "Internal Error", errorId: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    const listed = await conforms(
      "GET",
      `${ORG}/issues/{issue_id}/external-issues/`,
      `/api/0/organizations/acme/issues/${issue.id}/external-issues/`,
    );
    expect(listed.body).toEqual([first.body]);
    await conforms(
      "DELETE",
      "/api/0/sentry-app-installations/{uuid}/external-issues/{external_issue_id}/",
      `/api/0/sentry-app-installations/${uuid}/external-issues/${first.body.id}/`,
      undefined,
      204,
    );
  });

  it("reads and updates a project's ownership rules", async () => {
    const specPath = "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/ownership/";
    const read = await conforms("GET", specPath, "/api/0/projects/acme/web/ownership/");
    expect(read.body.raw).toContain("path:src/checkout/* #payments");
    const written = await conforms(
      "PUT",
      specPath,
      "/api/0/projects/acme/worker/ownership/",
      { raw: "module:tasks.* #platform", autoAssignment: "Turn off Auto-Assignment" },
      202,
    );
    expect(written.body.schema.rules).toEqual([
      {
        matcher: { type: "module", pattern: "tasks.*" },
        owners: [expect.objectContaining({ type: "team", name: "platform" })],
      },
    ]);
  });

  it("serves an issue's latest event with in-app frames, breadcrumbs, request, tags and user", async () => {
    const [issue] = (await call(em, "GET", "/api/0/organizations/acme/issues/?query=is:unresolved&limit=1")).body;
    const res = await conforms(
      "GET",
      `${ORG}/issues/{issue_id}/events/{event_id}/`,
      `/api/0/organizations/acme/issues/${issue.id}/events/latest/`,
    );
    const entry = (type: string) => res.body.entries.find((e: { type: string }) => e.type === type)?.data;
    const frames = entry("exception").values[0].stacktrace.frames;
    expect(frames.some((f: { inApp: boolean }) => f.inApp)).toBe(true);
    expect(frames.some((f: { inApp: boolean }) => !f.inApp)).toBe(true);
    expect(entry("breadcrumbs").values.at(-1)).toMatchObject({ category: "exception", level: "error" });
    expect(typeof entry("breadcrumbs").values[0].timestamp).toBe("string");
    expect(res.body.user).toMatchObject({ ip_address: expect.stringMatching(/[.:]/) });
    const keys = res.body.tags.map((t: { key: string }) => t.key);
    for (const key of ["release", "environment", "os", "transaction"]) expect(keys).toContain(key);
  });

  it("serves an issue's tag breakdown whose counts add up", async () => {
    const [issue] = (await call(em, "GET", "/api/0/organizations/acme/issues/?query=project:web&limit=1")).body;
    for (const key of ["release", "environment", "browser", "os", "url", "transaction"]) {
      const res = await conforms(
        "GET",
        `${ORG}/issues/{issue_id}/tags/{key}/`,
        `/api/0/organizations/acme/issues/${issue.id}/tags/${key}/`,
      );
      const sum = res.body.topValues.reduce((n: number, v: { count: number }) => n + v.count, 0);
      expect(res.body.totalValues).toBeGreaterThanOrEqual(sum);
      expect(res.body.uniqueValues).toBeGreaterThan(0);
    }
    const none = await call(em, "GET", `/api/0/organizations/acme/issues/${issue.id}/tags/no-such-tag/`);
    expect(none.status).toBe(404);
  });

  it("lists a release's deploys and creates one", async () => {
    const listed = await conforms(
      "GET",
      `${ORG}/releases/{version}/deploys/`,
      "/api/0/organizations/acme/releases/2.13.0/deploys/",
    );
    expect(listed.body.map((d: { environment: string }) => d.environment)).toEqual(["production", "staging"]);
    const created = await conforms(
      "POST",
      `${ORG}/releases/{version}/deploys/`,
      "/api/0/organizations/acme/releases/2.15.0/deploys/",
      { environment: "production", name: "2.15.0 to production", url: "https://ci.acme.test/deploys/815" },
      201,
    );
    expect(created.body).toMatchObject({ environment: "production", dateStarted: null, url: expect.any(String) });
    await conforms(
      "POST",
      `${ORG}/releases/{version}/deploys/`,
      "/api/0/organizations/acme/releases/2.15.0/deploys/",
      { name: "no environment" },
      400,
    );
    // The release list's lastDeploy is the Deploy serializer's shape too.
    const release = await conforms("GET", `${ORG}/releases/{version}/`, "/api/0/organizations/acme/releases/2.15.0/");
    expect(release.body).toMatchObject({ deployCount: 2, lastDeploy: { id: created.body.id } });
  });

  it("serves release commits, their files and an event's committers", async () => {
    const [issue] = (await call(em, "GET", "/api/0/organizations/acme/issues/?query=project:api&limit=1")).body;
    const detailRes = await call(em, "GET", `/api/0/organizations/acme/issues/${issue.id}/`);
    const version = detailRes.body.firstRelease.version;
    const commits = await conforms(
      "GET",
      `${ORG}/releases/{version}/commits/`,
      `/api/0/organizations/acme/releases/${encodeURIComponent(version)}/commits/`,
    );
    expect(commits.body.length).toBeGreaterThan(0);
    expect(commits.body[0]).toMatchObject({ releases: [{ version }], author: { email: expect.stringContaining("@") } });
    await conforms(
      "GET",
      "/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/{version}/commits/",
      `/api/0/projects/acme/api/releases/${encodeURIComponent(version)}/commits/`,
    );
    const files = await call(
      em,
      "GET",
      `/api/0/organizations/acme/releases/${encodeURIComponent(version)}/commitfiles/`,
    );
    expect(files.body[0]).toMatchObject({
      filename: expect.any(String),
      type: expect.any(String),
      commitMessage: expect.any(String),
    });

    const event = (await call(em, "GET", `/api/0/organizations/acme/issues/${issue.id}/events/latest/`)).body;
    const committers = await call(em, "GET", `/api/0/projects/acme/api/events/${event.eventID}/committers/`);
    expect(committers.status).toBe(200);
    expect(committers.body.committers[0]).toMatchObject({
      author: { email: expect.stringContaining("@") },
      commits: [expect.objectContaining({ suspectCommitType: "via commit in release", score: expect.any(Number) })],
    });
    const missing = await call(
      em,
      "GET",
      "/api/0/projects/acme/api/events/ffffffffffffffffffffffffffffffff/committers/",
    );
    expect(missing).toMatchObject({ status: 404, body: { detail: "Event not found" } });
  });

  it("answers errors in Sentry's shapes", async () => {
    const missing = await call(em, "GET", "/api/0/organizations/acme/issues/", undefined, null);
    expect(missing).toMatchObject({ status: 401, body: { detail: expect.any(String) } });
    const wrong = await call(em, "GET", "/api/0/organizations/acme/issues/", undefined, "nope");
    expect(wrong).toMatchObject({ status: 401, body: { detail: "Invalid token" } });
    expect(await call(em, "GET", "/api/0/organizations/initech/issues/")).toMatchObject({
      status: 404,
      body: { detail: expect.any(String) },
    });
    expect(await call(em, "GET", "/api/0/organizations/acme/issues/999/")).toMatchObject({
      status: 404,
      body: { detail: expect.any(String) },
    });
    expect(await call(em, "GET", "/api/0/organizations/acme/issues/?query=nosuchkey:1")).toMatchObject({
      status: 400,
      body: { detail: expect.any(String) },
    });
    const bad = await call(em, "PUT", "/api/0/organizations/acme/issues/?id=1", { status: "bogus" });
    expect(bad).toMatchObject({ status: 400, body: { status: ['"bogus" is not a valid choice.'] } });
    for (const [method, path, status] of [
      ["GET", `${ORG}/issues/`, 401],
      ["GET", `${ORG}/issues/{issue_id}/`, 404],
      ["PUT", `${ORG}/issues/`, 400],
    ] as const) {
      expect(validator.validateResponse({ method, path, status, body: {} })).toEqual([]);
    }
  });

  it("accepts an envelope from the real SDK and turns it into an issue", async () => {
    const client = new NodeClient({
      dsn: em.dsnFor("acme", "bosun"),
      transport: makeNodeTransport,
      stackParser: defaultStackParser,
      integrations: [],
      release: "2.15.0",
      environment: "production",
      sendClientReports: false,
    });
    const eventId = client.captureException(new RangeError("Sprint capacity overflow in conformance check"));
    expect(await client.flush(5_000)).toBe(true);
    const found = await conforms(
      "GET",
      `${ORG}/issues/`,
      "/api/0/organizations/acme/issues/?query=%22capacity%20overflow%22&statsPeriod=24h",
    );
    expect(found.body).toHaveLength(1);
    expect(found.body[0]).toMatchObject({
      title: "RangeError: Sprint capacity overflow in conformance check",
      count: "1",
      project: { slug: "bosun" },
      substatus: "new",
    });
    const latest = await conforms(
      "GET",
      `${ORG}/issues/{issue_id}/events/{event_id}/`,
      `/api/0/organizations/acme/issues/${found.body[0].id}/events/latest/`,
    );
    expect(latest.body.eventID).toBe(eventId);
    expect(latest.body.release.version).toBe("2.15.0");
  });
});
