import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSentryEmulator } from "./index";
import { call, nextLink, startTestEmulator } from "./test-support";

type Issue = {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  level: string;
  status: string;
  substatus: string | null;
  assignedTo: { id: string; email?: string } | null;
  project: { id: string; slug: string };
  count: string;
};

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());

const list = async (query: string) =>
  (await call<Issue[]>(em, "GET", `/api/0/organizations/acme/issues/?statsPeriod=30d&limit=100&${query}`)).body;

describe("issue search", () => {
  it("defaults to unresolved issues and can list all", async () => {
    const unresolved = (await call<Issue[]>(em, "GET", "/api/0/organizations/acme/issues/?statsPeriod=30d")).body;
    expect(unresolved.length).toBeGreaterThan(10);
    expect(unresolved.every((i) => i.status === "unresolved")).toBe(true);
    const all = await list("query=");
    expect(all.length).toBeGreaterThan(unresolved.length);
    expect(new Set(all.map((i) => i.status))).toEqual(new Set(["unresolved", "resolved", "ignored"]));
  });

  it("filters by status, level, assignee, release, project and text", async () => {
    expect((await list("query=is:resolved")).every((i) => i.status === "resolved")).toBe(true);
    expect((await list("query=is:archived")).every((i) => i.status === "ignored")).toBe(true);
    const fatal = await list("query=level:fatal");
    expect(fatal.length).toBeGreaterThan(0);
    expect(fatal.every((i) => i.level === "fatal")).toBe(true);
    expect((await list("query=is:unassigned")).every((i) => i.assignedTo === null)).toBe(true);
    const assigned = (await list("query=is:assigned")).find((i) => i.assignedTo?.email);
    const byEmail = await list(`query=${encodeURIComponent(`assigned:${assigned?.assignedTo?.email}`)}`);
    expect(byEmail.length).toBeGreaterThan(0);
    expect(byEmail.every((i) => i.assignedTo?.id === assigned?.assignedTo?.id)).toBe(true);
    const regression = await list(`query=${encodeURIComponent("firstRelease:2.14.0")}`);
    expect(regression.length).toBeGreaterThanOrEqual(4);
    const inRelease = await list("query=release:2.14.0");
    expect(inRelease.length).toBeGreaterThanOrEqual(regression.length);
    const api = await list("query=&project=4500001");
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((i) => i.project.slug === "api")).toBe(true);
    const timeouts = await list(`query=${encodeURIComponent("is:unresolved Timeout")}`);
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts.every((i) => `${i.title} ${i.culprit}`.toLowerCase().includes("timeout"))).toBe(true);
    expect((await list("query=!level:fatal")).some((i) => i.level === "fatal")).toBe(false);
    expect((await list("query=level:[fatal,error]")).every((i) => i.level === "fatal" || i.level === "error")).toBe(
      true,
    );
  });

  it("finds issues by id and short id", async () => {
    const [first] = await list("query=");
    expect((await list(`query=issue.id:${first?.id}`)).map((i) => i.id)).toEqual([first?.id]);
    const direct = await call<Issue[]>(
      em,
      "GET",
      `/api/0/organizations/acme/issues/?shortIdLookup=1&query=${first?.shortId}`,
    );
    expect(direct.headers.get("x-sentry-direct-hit")).toBe("1");
    expect(direct.body.map((i) => i.id)).toEqual([first?.id]);
    expect((await call(em, "GET", `/api/0/organizations/acme/issues/${first?.shortId}/`)).body.id).toBe(first?.id);
  });

  it("sorts by frequency and first seen", async () => {
    const byFreq = await list("query=&sort=freq");
    const counts = byFreq.map((i) => Number(i.count));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const byNew = (
      await call<{ firstSeen: string }[]>(
        em,
        "GET",
        "/api/0/organizations/acme/issues/?query=&sort=new&statsPeriod=30d",
      )
    ).body.map((i) => i.firstSeen);
    expect(byNew).toEqual([...byNew].sort().reverse());
  });

  it("pages with cursors through Link headers", async () => {
    const seen: string[] = [];
    let url: string | null = `${em.url}/api/0/organizations/acme/issues/?query=&statsPeriod=30d&limit=7`;
    let pages = 0;
    let hits = 0;
    while (url) {
      const res = await fetch(url, { headers: { authorization: "Bearer sentry-demo-token" } });
      hits = Number(res.headers.get("x-hits"));
      const link = res.headers.get("link") ?? "";
      expect(link).toMatch(/rel="previous"; results="(true|false)"; cursor="0:\d+:1"/);
      seen.push(...((await res.json()) as Issue[]).map((i) => i.id));
      url = nextLink(link);
      pages++;
    }
    expect(seen.length).toBe(hits);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(hits / 7));
    expect((await call(em, "GET", "/api/0/organizations/acme/issues/?cursor=garbage")).status).toBe(400);
  });
});

describe("issue updates", () => {
  it("resolves, reopens and assigns an issue, and the change sticks", async () => {
    const [issue] = await list("query=is:unresolved");
    const path = `/api/0/organizations/acme/issues/${issue?.id}/`;
    expect((await call(em, "PUT", path, { status: "resolvedInNextRelease" })).body).toMatchObject({
      status: "resolved",
      statusDetails: { inNextRelease: true },
    });
    expect((await call(em, "GET", path)).body).toMatchObject({ status: "resolved", substatus: null });
    expect((await list("query=is:resolved")).some((i) => i.id === issue?.id)).toBe(true);
    expect((await list("query=is:unresolved")).some((i) => i.id === issue?.id)).toBe(false);
    const reopened = await call(em, "PUT", path, {
      status: "unresolved",
      assignedTo: "margaret@acme.test",
      priority: "high",
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: "unresolved",
      substatus: "ongoing",
      priority: "high",
      assignedTo: { type: "user", email: "margaret@acme.test" },
    });
    const activity = (await call(em, "GET", path)).body.activity.map((a: { type: string }) => a.type);
    expect(activity).toEqual(
      expect.arrayContaining(["set_resolved_in_release", "set_unresolved", "assigned", "first_seen"]),
    );
  });

  it("archives with conditions and rejects bad bodies", async () => {
    const [issue] = await list("query=is:unresolved");
    const path = `/api/0/organizations/acme/issues/${issue?.id}/`;
    const ignored = await call(em, "PUT", path, { status: "ignored", statusDetails: { ignoreDuration: 30 } });
    expect(ignored.body).toMatchObject({
      status: "ignored",
      substatus: "archived_until_condition_met",
      statusDetails: { ignoreDuration: 30, ignoreUntil: expect.any(String) },
    });
    expect((await call(em, "PUT", path, { assignedTo: "nobody@nowhere.test" })).body).toEqual({
      assignedTo: ["Unknown actor input"],
    });
    expect((await call(em, "PUT", path, { status: "unresolved", substatus: "archived_forever" })).status).toBe(400);
    expect((await call(em, "PUT", path, { hasSeen: "yes" })).body).toEqual({ hasSeen: ["Must be a valid boolean."] });
    expect((await call(em, "PUT", path, { statusDetails: { inRelease: "9.9.9" } })).body).toEqual({
      statusDetails: { inRelease: ["Unable to find a release with the given version."] },
    });
  });

  it("bulk-updates by id and answers 204 when nothing matches", async () => {
    const [a, b] = await list("query=is:unassigned is:unresolved");
    const res = await call(em, "PUT", `/api/0/organizations/acme/issues/?id=${a?.id}&id=${b?.id}`, {
      assignedTo: "ken@acme.test",
      isBookmarked: true,
    });
    expect(res.body).toMatchObject({ assignedTo: { email: "ken@acme.test" }, isBookmarked: true });
    for (const issue of [a, b])
      expect((await call(em, "GET", `/api/0/organizations/acme/issues/${issue?.id}/`)).body).toMatchObject({
        assignedTo: { email: "ken@acme.test" },
        isBookmarked: true,
      });
    expect((await list("query=bookmarks:me")).map((i) => i.id)).toEqual(expect.arrayContaining([a?.id, b?.id]));
    expect((await call(em, "PUT", "/api/0/organizations/acme/issues/?id=42", { status: "resolved" })).status).toBe(204);
    expect((await call(em, "PUT", "/api/0/organizations/acme/issues/?id=abc", { status: "resolved" })).status).toBe(
      400,
    );
  });

  it("keeps orgs apart", async () => {
    const [acmeIssue] = await list("query=");
    expect((await call(em, "GET", `/api/0/organizations/globex/issues/${acmeIssue?.id}/`)).status).toBe(404);
    expect((await call(em, "GET", "/api/0/organizations/globex/issues/?project=4500001")).status).toBe(403);
  });
});
