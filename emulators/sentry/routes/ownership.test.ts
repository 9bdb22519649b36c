import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSentryEmulator } from "../index";
import { call, startTestEmulator } from "../test-support";

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());

const url = (org: string, project: string) => `/api/0/projects/${org}/${project}/ownership/`;

describe("project ownership", () => {
  it("serves each demo project's seeded rules with the parsed schema", async () => {
    const res = await call(em, "GET", url("acme", "api"));
    expect(res.status).toBe(200);
    expect(res.body.raw.split("\n")).toContain("path:src/api/* #platform");
    expect(res.body.schema.rules).toContainEqual({
      matcher: { type: "codeowners", pattern: "src/middleware/" },
      owners: [expect.objectContaining({ type: "team", name: "platform" })],
    });
    expect(res.body.schema.rules).toContainEqual({
      matcher: { type: "path", pattern: "src/api/customs/*" },
      owners: [expect.objectContaining({ type: "user", name: "donald@acme.test" })],
    });
  });

  it("answers an empty configuration for a project without rules, and 404 for another org's or unknown project", async () => {
    expect((await call(em, "GET", url("globex", "worker"))).body).toMatchObject({ raw: "", schema: null });
    expect((await call(em, "GET", url("acme", "nope"))).status).toBe(404);
    expect((await call(em, "GET", url("initech", "web"))).status).toBe(404);
    expect((await call(em, "GET", url("acme", "web"), undefined, null)).status).toBe(401);
  });

  it("updates only what the PUT names, and later reads return it", async () => {
    const put = await call(em, "PUT", url("globex", "web"), { raw: "url:*/manifests* alan@globex.test" });
    expect(put.status).toBe(202);
    const read = await call(em, "GET", url("globex", "web"));
    expect(read.body).toMatchObject({ raw: "url:*/manifests* alan@globex.test", fallthrough: true });
    await call(em, "PUT", url("globex", "web"), { fallthrough: false });
    expect((await call(em, "GET", url("globex", "web"))).body).toMatchObject({
      raw: "url:*/manifests* alan@globex.test",
      fallthrough: false,
    });
  });

  it("refuses owners the org does not have and bad values, in Sentry's field-error shape", async () => {
    const res = await call(em, "PUT", url("acme", "web"), { raw: "path:src/* #nobody ghost@acme.test" });
    expect(res).toMatchObject({ status: 400, body: { raw: ["Invalid rule owners: #nobody, ghost@acme.test"] } });
    // Another org's member is not an owner here.
    expect((await call(em, "PUT", url("acme", "web"), { raw: "path:* alan@globex.test" })).status).toBe(400);
    expect((await call(em, "PUT", url("acme", "web"), { raw: "path:src/*" })).body.raw[0]).toContain("Parse error");
    expect((await call(em, "PUT", url("acme", "web"), { autoAssignment: "sometimes" })).status).toBe(400);
    expect((await call(em, "GET", url("acme", "web"))).body.raw).toContain("#payments");
  });

  it("restores the seeded rules on reset", async () => {
    await call(em, "PUT", url("acme", "worker"), { raw: "module:* #platform" });
    const reset = await fetch(`${em.url}/__emulator/reset`, { method: "POST", body: "{}" });
    expect(reset.ok).toBe(true);
    expect((await call(em, "GET", url("acme", "worker"))).body.raw).toContain("module:tasks.tracking");
  });
});
