import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { createSentryClient } from "@/lib/integrations/sentry/client";
import { SENTRY_DEMO_AUTH_TOKEN } from "../seed/world";
import type { RunningSentryEmulator } from "./index";
import { call, startTestEmulator } from "./test-support";

type Issue = { id: string; status: string };

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());
afterEach(() => fetch(`${em.url}/__emulator/faults`, { method: "DELETE" }));

const ISSUES = "/api/0/organizations/acme/issues/";
const setFaults = (faults: object) => call(em, "PUT", "/__emulator/faults", faults, null);
const unresolved = async (count: number) =>
  (await call<Issue[]>(em, "GET", `${ISSUES}?statsPeriod=30d&limit=${count}&query=is:unresolved`)).body;
const statusOf = async (id: string) => (await call<Issue>(em, "GET", `${ISSUES}${id}/`)).body.status;
const resolveByFetch = (id: string) =>
  fetch(`${em.url}${ISSUES}${id}/`, {
    method: "PUT",
    headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ status: "resolved" }),
  });

async function transportFailure(request: Promise<unknown>): Promise<unknown> {
  const outcome = await request.then(
    (value) => ({ answered: value }),
    (error: unknown) => ({ failed: error }),
  );
  if (!("failed" in outcome))
    throw new Error(
      `expected no HTTP answer, got ${outcome.answered instanceof Response ? outcome.answered.status : JSON.stringify(outcome.answered)}`,
    );
  return outcome.failed;
}

describe("dropResponseRate and dropResponseCount on the Sentry emulator", () => {
  it("dropResponseRate 1 on issue updates: fetch gets no answer, yet the issue is resolved and reads still answer", async () => {
    const [issue] = await unresolved(1);
    const set = await setFaults({ dropResponseRate: 1, pathPrefix: ISSUES, methods: ["PUT"] });
    expect(set.status).toBe(200);

    expect(await transportFailure(resolveByFetch(issue!.id))).toBeInstanceOf(TypeError);
    expect(await statusOf(issue!.id)).toBe("resolved");
  });

  it("dropResponseRate 1 on a bulk update: Bosun's Sentry client fails as unreachable, and every issue changed", async () => {
    const issues = await unresolved(3);
    await setFaults({ dropResponseRate: 1, pathPrefix: ISSUES, methods: ["PUT"] });
    const client = createSentryClient({
      baseUrl: em.url,
      organizationSlug: "acme",
      authToken: SENTRY_DEMO_AUTH_TOKEN,
      timeoutMs: 30_000,
    });

    const error = await transportFailure(
      client.write("PUT", "/organizations/acme/issues/", {
        query: { id: issues.map((i) => i.id) },
        body: { status: "ignored" },
      }),
    );
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ service: "sentry", reason: "unreachable", status: undefined });

    const after = await client.get<Issue>(`/organizations/acme/issues/${issues[0]!.id}/`);
    expect(after.data.status).toBe("ignored");
    for (const issue of issues.slice(1)) expect(await statusOf(issue.id)).toBe("ignored");
  });

  it("dropResponseCount 2 drops exactly two updates, then answers 200", async () => {
    const [first, second, third] = await unresolved(3);
    await setFaults({ dropResponseCount: 2, pathPrefix: ISSUES, methods: ["PUT"] });

    await transportFailure(resolveByFetch(first!.id));
    await transportFailure(resolveByFetch(second!.id));
    const answered = await resolveByFetch(third!.id);
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ status: "resolved" });

    for (const issue of [first, second, third]) expect(await statusOf(issue!.id)).toBe("resolved");
    expect((await call(em, "GET", "/__emulator/faults", undefined, null)).body).toMatchObject({ dropResponseCount: 0 });
  });

  it("leaves reads and writes outside the prefix alone", async () => {
    await setFaults({ dropResponseRate: 1, pathPrefix: ISSUES, methods: ["PUT"] });
    expect((await call(em, "GET", `${ISSUES}?statsPeriod=30d&limit=1`)).status).toBe(200);
    expect((await call(em, "GET", "/api/0/organizations/acme/projects/")).status).toBe(200);
  });

  it("refuses an unknown method filter with a 400 naming the field", async () => {
    const refused = await setFaults({ dropResponseRate: 1, methods: ["SEND"] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^methods must be/);
  });
});
