import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSentryData } from "../seed/sentry";
import { buildWorld } from "../seed/world";
import { BOSUN_DSN_PUBLIC_KEY, type RunningSentryEmulator } from "./index";
import { NOW, call, startTestEmulator } from "./test-support";

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());

const reset = (body: unknown) => fetch(`${em.url}/__emulator/reset`, { method: "POST", body: JSON.stringify(body) });
const snapshot = async () =>
  (await call(em, "GET", "/api/0/organizations/acme/issues/?query=&statsPeriod=30d&groupStatsPeriod=")).body.map(
    (i: Record<string, unknown>) => [i.id, i.title, i.count, i.status, i.assignedTo],
  );

describe("seed and reset", () => {
  it("generates the same data for the same seed and different data for another", () => {
    const a = buildSentryData(buildWorld({ seed: 5, now: NOW }));
    const b = buildSentryData(buildWorld({ seed: 5, now: NOW }));
    const c = buildSentryData(buildWorld({ seed: 6, now: NOW }));
    const view = (d: typeof a) =>
      d.orgs.flatMap((o) => o.issues.map((i) => `${i.id}|${i.title}|${i.series.total()}|${i.status}`));
    expect(view(a)).toEqual(view(b));
    expect(view(a)).not.toEqual(view(c));
  });

  it("reset restores the seed and drops writes", async () => {
    const before = await snapshot();
    const target = before[0]?.[0];
    await call(em, "PUT", `/api/0/organizations/acme/issues/${target}/`, { status: "resolved" });
    expect(await snapshot()).not.toEqual(before);
    expect((await reset({ size: "demo", seed: 42 })).status).toBe(200);
    expect(await snapshot()).toEqual(before);
    await reset({ seed: 7 });
    expect(await snapshot()).not.toEqual(before);
    await reset({ seed: 42 });
    expect((await reset({ size: "huge" })).status).toBe(400);
  });

  it("builds the large org and pages through it", async () => {
    expect((await reset({ size: "large", seed: 42 })).status).toBe(200);
    const page = await call(em, "GET", "/api/0/organizations/acme/issues/?query=&statsPeriod=90d&limit=100");
    expect(Number(page.headers.get("x-hits"))).toBe(5000);
    expect(page.body).toHaveLength(100);
    // The world's 40 releases and the regressed release's hotfix.
    expect((await call(em, "GET", "/api/0/organizations/acme/releases/?per_page=100")).body).toHaveLength(41);
    expect(
      (await call(em, "GET", "/api/0/organizations/globex/issues/?query=&statsPeriod=90d")).headers.get("x-hits"),
    ).toBe("60");
    await reset({ size: "demo", seed: 42 });
  });

  it("describes itself and exposes DSNs", async () => {
    const state = await (await fetch(`${em.url}/__emulator/state`)).json();
    expect(state).toMatchObject({
      emulator: "sentry",
      size: "demo",
      orgs: [
        { slug: "acme", projects: 4, regressedRelease: "2.14.0" },
        { slug: "globex", projects: 3 },
      ],
    });
    const { dsns } = await (await fetch(`${em.url}/__emulator/dsn`)).json();
    expect(dsns).toContainEqual(
      expect.objectContaining({
        org: "acme",
        projectSlug: "bosun",
        publicKey: BOSUN_DSN_PUBLIC_KEY,
        dsn: `http://${BOSUN_DSN_PUBLIC_KEY}@${new URL(em.url).host}/4500003`,
      }),
    );
    expect(em.dsnFor("acme", "bosun")).toBe(`http://${BOSUN_DSN_PUBLIC_KEY}@${new URL(em.url).host}/4500003`);
  });
});

describe("faults", () => {
  it("injects 429 with Retry-After, 5xx and latency in Sentry's error shape", async () => {
    const faults = (body: unknown) =>
      fetch(`${em.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify(body) });
    await faults({ rateLimitRate: 1, retryAfterSeconds: 3 });
    const limited = await call(em, "GET", "/api/0/organizations/acme/issues/");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(limited.body.detail).toEqual(expect.any(String));
    await faults({ rateLimitRate: 0, errorRate: 1, errorStatus: 502 });
    expect((await call(em, "GET", "/api/0/organizations/acme/projects/")).status).toBe(502);
    await faults({ errorRate: 0, latencyMs: 80, pathPrefix: "/api/0/organizations/acme/projects/" });
    const started = performance.now();
    expect((await call(em, "GET", "/api/0/organizations/acme/projects/")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    await fetch(`${em.url}/__emulator/faults`, { method: "DELETE" });
    expect((await call(em, "GET", "/api/0/organizations/acme/projects/")).status).toBe(200);
  });
});
