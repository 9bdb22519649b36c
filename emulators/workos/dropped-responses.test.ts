import { WorkOS } from "@workos-inc/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildWorld } from "../seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "./index";

const acme = buildWorld().orgs[0]!;
const INVITATIONS = "/user_management/invitations";

let emulator: RunningWorkosEmulator;
beforeAll(async () => {
  emulator = await startWorkosEmulator({ port: 0, now: new Date("2026-11-20T12:00:00Z") });
});
afterAll(() => emulator.close());
afterEach(() => control("DELETE"));

const control = (method: string, body?: unknown) =>
  fetch(`${emulator.url}/__emulator/faults`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
// Retries off: each call is one request, so what the emulator dropped is what the caller sees.
const sdk = () =>
  new WorkOS(emulator.apiKey, { apiHostname: "127.0.0.1", port: emulator.port, https: false, maxRetries: 0 });
const invite = (email: string) =>
  fetch(`${emulator.url}${INVITATIONS}`, {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ email, organization_id: acme.workosOrgId, role_slug: "member" }),
  });
const pendingEmails = async () =>
  (await sdk().userManagement.listInvitations({ organizationId: acme.workosOrgId, limit: 100 })).data
    .filter((i) => i.state === "pending")
    .map((i) => i.email);

async function rejectionOf(request: Promise<unknown>): Promise<unknown> {
  const outcome = await request.then(
    (value) => ({ answered: value }),
    (error: unknown) => ({ failed: error }),
  );
  if (!("failed" in outcome))
    throw new Error(
      `expected a rejection, got ${outcome.answered instanceof Response ? outcome.answered.status : JSON.stringify(outcome.answered)}`,
    );
  return outcome.failed;
}

describe("dropResponseRate and dropResponseCount on the WorkOS emulator", () => {
  it("dropResponseRate 1 on invitations: fetch gets no answer, yet the invitation exists and listing still answers", async () => {
    expect((await control("PUT", { dropResponseRate: 1, pathPrefix: INVITATIONS, methods: ["POST"] })).status).toBe(
      200,
    );
    expect(await rejectionOf(invite("dropped.fetch@acme.test"))).toBeInstanceOf(TypeError);
    expect(await pendingEmails()).toContain("dropped.fetch@acme.test");
  });

  it("dropResponseRate 1: the WorkOS SDK's sendInvitation fails without an HTTP answer, and the invitation was sent", async () => {
    await control("PUT", { dropResponseRate: 1, pathPrefix: INVITATIONS, methods: ["POST"] });
    const error = await rejectionOf(
      sdk().userManagement.sendInvitation({
        email: "dropped.sdk@acme.test",
        organizationId: acme.workosOrgId,
        roleSlug: "member",
      }),
    );
    // The SDK wraps transport failures; an HTTP answer would have become a WorkOS exception with a status.
    expect(error).toMatchObject({ message: "Unexpected error: TypeError: fetch failed", cause: expect.any(TypeError) });
    expect(error).not.toHaveProperty("status");
    expect((await pendingEmails()).filter((email) => email === "dropped.sdk@acme.test")).toHaveLength(1);
  });

  it("dropResponseCount 2 drops exactly two invitations, then answers 201", async () => {
    await control("PUT", { dropResponseCount: 2, pathPrefix: INVITATIONS, methods: ["POST"] });
    await rejectionOf(invite("count.one@acme.test"));
    await rejectionOf(invite("count.two@acme.test"));
    const answered = await invite("count.three@acme.test");
    expect(answered.status).toBe(201);
    expect(await pendingEmails()).toEqual(
      expect.arrayContaining(["count.one@acme.test", "count.two@acme.test", "count.three@acme.test"]),
    );
    expect(await (await control("GET")).json()).toMatchObject({ dropResponseCount: 0 });
  });

  it("refuses a count that is not a whole number with a 400 naming the field", async () => {
    const refused = await control("PUT", { dropResponseCount: 0.5 });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "dropResponseCount must be a whole number from 0 to 1000000" });
  });
});

describe("the WorkOS SDK's own retry after a dropped invitation", () => {
  it("re-sends the invitation, which the emulator refuses as already invited because it does not honour Idempotency-Key there", async () => {
    await control("PUT", { dropResponseCount: 1, pathPrefix: INVITATIONS, methods: ["POST"] });
    const retrying = new WorkOS(emulator.apiKey, {
      apiHostname: "127.0.0.1",
      port: emulator.port,
      https: false,
      maxRetries: 1,
    });
    const error = await rejectionOf(
      retrying.userManagement.sendInvitation({
        email: "retried.sdk@acme.test",
        organizationId: acme.workosOrgId,
        roleSlug: "member",
      }),
    );
    expect(error).toMatchObject({ status: 400, code: "email_already_invited_to_organization" });
    expect((await pendingEmails()).filter((email) => email === "retried.sdk@acme.test")).toHaveLength(1);
  });
});
