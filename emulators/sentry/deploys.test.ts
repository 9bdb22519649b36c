import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSentryEmulator } from "./index";
import { NOW, call, nextLink, startTestEmulator } from "./test-support";

/** A release's deploys: the seeded staging and production deploys, recording new ones, and the errors. */

type Deploy = {
  id: string;
  environment: string;
  dateStarted: string | null;
  dateFinished: string;
  name: string | null;
  url: string | null;
};
type Release = { version: string; dateReleased: string | null; deployCount: number; lastDeploy: Deploy | null };

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());
beforeEach(() => em.store.reset("demo", 42));

const deploysPath = (version: string, org = "acme") => `/api/0/organizations/${org}/releases/${version}/deploys/`;
const deploysOf = async (version: string, query = "") =>
  (await call<Deploy[]>(em, "GET", `${deploysPath(version)}${query}`)).body;
const release = async (version: string) =>
  (await call<Release>(em, "GET", `/api/0/organizations/acme/releases/${version}/`)).body;

describe("seeded deploys", () => {
  it("lists a released release's production deploy at its release time, then its staging deploy", async () => {
    const { dateReleased } = await release("2.13.0");
    const [production, staging] = await deploysOf("2.13.0");
    expect(production).toMatchObject({ environment: "production", dateFinished: dateReleased, url: null });
    expect(production!.name).toBe("2.13.0 to production");
    expect(Date.parse(production!.dateStarted!)).toBeLessThan(Date.parse(dateReleased!));
    expect(staging).toMatchObject({ environment: "staging", name: "2.13.0 to staging" });
    expect(Date.parse(staging!.dateFinished)).toBeLessThan(Date.parse(production!.dateStarted!));
  });

  it("keeps each release's deployCount and lastDeploy in step with its deploys", async () => {
    const releases = (await call<Release[]>(em, "GET", "/api/0/organizations/globex/releases/?per_page=100")).body;
    expect(releases.length).toBe(13);
    for (const r of releases) {
      const deploys = (await call<Deploy[]>(em, "GET", deploysPath(r.version, "globex"))).body;
      expect(r.deployCount, r.version).toBe(deploys.length);
      expect(r.lastDeploy?.environment, r.version).toBe(r.dateReleased ? "production" : "staging");
      expect(deploys.map((d) => d.id)).toContain(r.lastDeploy?.id);
    }
  });

  it("has the hotfix of the regressed release deployed the day after it", async () => {
    const [hotfix] = await deploysOf("2.14.1");
    const [failed] = await deploysOf("2.14.0");
    expect(hotfix!.environment).toBe("production");
    expect(Date.parse(hotfix!.dateFinished) - Date.parse(failed!.dateFinished)).toBe(20 * 3_600_000);
  });

  it("pages with Sentry's cursor and filters by project", async () => {
    const first = await call<Deploy[]>(em, "GET", `${deploysPath("2.13.0")}?per_page=1`);
    expect(first.body.map((d) => d.environment)).toEqual(["production"]);
    const next = nextLink(first.headers.get("link"));
    expect(next).toContain("cursor=0:1:0");
    const second = await fetch(next!, { headers: { authorization: "Bearer sentry-demo-token" } });
    expect(((await second.json()) as Deploy[]).map((d) => d.environment)).toEqual(["staging"]);
    expect(nextLink(second.headers.get("link"))).toBeNull();
    expect(await deploysOf("2.13.0", "?project=web")).toHaveLength(2);
    expect((await call(em, "GET", `${deploysPath("2.13.0")}?project=nope`)).status).toBe(403);
  });
});

describe("recording a deploy", () => {
  it("answers 201 with the deploy, counts it and makes it the release's lastDeploy", async () => {
    const before = await release("2.15.0");
    expect(before).toMatchObject({ deployCount: 1, lastDeploy: { environment: "staging" } });
    const created = await call<Deploy>(em, "POST", deploysPath("2.15.0"), {
      environment: "production",
      name: "2.15.0 to production",
      url: "https://ci.acme.test/runs/4711",
      dateStarted: "2026-11-20T11:50:00Z",
      dateFinished: "2026-11-20T11:58:30Z",
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      environment: "production",
      dateStarted: "2026-11-20T11:50:00.000Z",
      dateFinished: "2026-11-20T11:58:30.000Z",
      name: "2.15.0 to production",
      url: "https://ci.acme.test/runs/4711",
    });
    expect(await release("2.15.0")).toMatchObject({ deployCount: 2, lastDeploy: created.body });
    expect((await deploysOf("2.15.0")).map((d) => d.id)).toEqual([created.body.id, before.lastDeploy!.id]);
    const production = (await call<Release[]>(em, "GET", "/api/0/organizations/acme/releases/?environment=production"))
      .body;
    expect(production.map((r) => r.version)).toContain("2.15.0");
  });

  it("finishes now when no dateFinished is given, and has no start, name or url unless given", async () => {
    const created = await call<Deploy>(em, "POST", deploysPath("2.12.0"), { environment: "canary" });
    expect(created.body).toMatchObject({ environment: "canary", dateStarted: null, name: null, url: null });
    expect(Math.abs(Date.parse(created.body.dateFinished) - NOW.getTime())).toBeLessThan(60_000);
  });

  it("lists only the latest deploy to each environment, as Sentry does", async () => {
    const again = await call<Deploy>(em, "POST", deploysPath("2.13.0"), {
      environment: "production",
      dateFinished: "2026-11-19T08:00:00Z",
    });
    const listed = await deploysOf("2.13.0");
    expect(listed.map((d) => d.environment)).toEqual(["production", "staging"]);
    expect(listed[0]!.id).toBe(again.body.id);
    expect((await release("2.13.0")).deployCount).toBe(3);
  });

  it("deploys to the named projects only, and refuses a project outside the release", async () => {
    await call(em, "POST", deploysPath("2.12.0"), { environment: "qa", projects: ["worker"] });
    expect((await deploysOf("2.12.0", "?project=worker")).map((d) => d.environment)).toContain("qa");
    expect((await deploysOf("2.12.0", "?project=web")).map((d) => d.environment)).not.toContain("qa");
    expect(await call(em, "POST", deploysPath("2.12.0"), { environment: "qa", projects: ["nope"] })).toMatchObject({
      status: 400,
      body: { projects: ["Invalid project"] },
    });
  });

  it("refuses invalid bodies with Django REST framework's field errors", async () => {
    const cases: [unknown, Record<string, string[]>][] = [
      [{}, { environment: ["This field is required."] }],
      [{ environment: null }, { environment: ["This field may not be null."] }],
      [{ environment: "  " }, { environment: ["This field may not be blank."] }],
      [{ environment: "e".repeat(65) }, { environment: ["Ensure this field has no more than 64 characters."] }],
      [{ environment: "prod/eu" }, { environment: ["Invalid value for environment"] }],
      [{ environment: ["production"] }, { environment: ["Not a valid string."] }],
      [
        { environment: "production", name: "n".repeat(65), url: "not a url" },
        { name: ["Ensure this field has no more than 64 characters."], url: ["Enter a valid URL."] },
      ],
      [
        { environment: "production", dateFinished: "yesterday" },
        {
          dateFinished: [
            "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
          ],
        },
      ],
      [{ environment: "production", projects: [] }, { projects: ["This list may not be empty."] }],
      [["production"], { non_field_errors: ["Invalid data. Expected a dictionary, but got list."] }],
    ];
    for (const [body, errors] of cases) {
      const res = await call(em, "POST", deploysPath("2.12.0"), body);
      expect(res, JSON.stringify(body)).toMatchObject({ status: 400, body: errors });
    }
    expect((await release("2.12.0")).deployCount).toBe(2);
  });

  it("accepts an environment of exactly 64 characters and a blank name", async () => {
    const res = await call(em, "POST", deploysPath("2.12.0"), { environment: "e".repeat(64), name: "" });
    expect(res).toMatchObject({ status: 201, body: { environment: "e".repeat(64), name: null } });
  });
});

describe("errors", () => {
  it("answers 404 for an unknown release or org, and 401 without a token", async () => {
    for (const [method, body] of [
      ["GET", undefined],
      ["POST", { environment: "production" }],
    ] as const) {
      expect(await call(em, method, deploysPath("9.9.9"), body)).toMatchObject({
        status: 404,
        body: { detail: "The requested resource does not exist" },
      });
      expect((await call(em, method, deploysPath("2.13.0", "initech"), body)).status).toBe(404);
      expect((await call(em, method, deploysPath("2.13.0"), body, null)).status).toBe(401);
    }
    // Each org sees only its own releases.
    expect((await call(em, "GET", deploysPath("2.13.0", "globex"))).status).toBe(404);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await fetch(`${em.url}${deploysPath("2.13.0")}`, {
      method: "POST",
      headers: { authorization: "Bearer sentry-demo-token", "content-type": "application/json" },
      body: "{environment",
    });
    expect(res.status).toBe(400);
  });
});
