import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WORKOS_WEBHOOK_SECRET, buildWorld } from "../seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "./index";
import { readForm, submitForm } from "./test-support";

type Received = { headers: http.IncomingHttpHeaders; body: string };

const world = buildWorld();
const acme = world.orgs[0]!;
const NOW = new Date("2026-11-20T12:00:00Z");

let emulator: RunningWorkosEmulator;
let receiver: http.Server;
let received: Received[] = [];

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${emulator.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json", ...init.headers },
  });
const control = (path: string, method = "GET", body?: unknown) =>
  fetch(`${emulator.url}/__emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  emulator = await startWorkosEmulator({
    port: 0,
    now: NOW,
    bosunUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
  });
});
afterAll(async () => {
  await emulator.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
  await control("/reset", "POST", {});
  received = [];
});

describe("list pagination", () => {
  it("pages through users in both orders with before/after cursors", async () => {
    const all = (await (await api("/user_management/users?limit=100&order=asc")).json()).data.map(
      (u: { id: string }) => u.id,
    );
    expect(all).toHaveLength(world.people.length);
    const first = await (await api("/user_management/users?limit=4&order=asc")).json();
    expect(first.data.map((u: { id: string }) => u.id)).toEqual(all.slice(0, 4));
    expect(first.list_metadata).toEqual({ before: null, after: all[3] });
    const second = await (await api(`/user_management/users?limit=4&order=asc&after=${all[3]}`)).json();
    expect(second.data.map((u: { id: string }) => u.id)).toEqual(all.slice(4, 8));
    expect(second.list_metadata).toEqual({ before: all[4], after: all[7] });
    const back = await (await api(`/user_management/users?limit=4&order=asc&before=${all[4]}`)).json();
    expect(back.data.map((u: { id: string }) => u.id)).toEqual(all.slice(0, 4));

    const desc = await (await api("/user_management/users?limit=100")).json();
    expect(desc.data.map((u: { id: string }) => u.id)).toEqual([...all].reverse());
    const defaults = await (await api("/user_management/users")).json();
    expect(defaults.data).toHaveLength(10);
    const last = await (await api(`/user_management/users?limit=100&order=asc&after=${all.at(-1)}`)).json();
    expect(last).toEqual({ object: "list", data: [], list_metadata: { before: null, after: null } });
  });

  it("uses reversed cursors for order=normal", async () => {
    const newestFirst = (await (await api("/user_management/users?limit=100")).json()).data.map(
      (u: { id: string }) => u.id,
    );
    const page = await (await api("/user_management/users?limit=3&order=normal")).json();
    expect(page.data.map((u: { id: string }) => u.id)).toEqual(newestFirst.slice(0, 3));
    expect(page.list_metadata).toEqual({ before: newestFirst[2], after: null });
    const older = await (await api(`/user_management/users?limit=3&order=normal&before=${newestFirst[2]}`)).json();
    expect(older.data.map((u: { id: string }) => u.id)).toEqual(newestFirst.slice(3, 6));
    const newer = await (await api(`/user_management/users?limit=3&order=normal&after=${newestFirst[3]}`)).json();
    expect(newer.data.map((u: { id: string }) => u.id)).toEqual(newestFirst.slice(0, 3));
  });

  it("rejects bad list parameters with 422", async () => {
    for (const query of ["limit=101", "limit=abc", "order=sideways", "after=user_unknown"]) {
      const response = await api(`/user_management/users?${query}`);
      expect(response.status, query).toBe(422);
      expect((await response.json()).code).toBe("invalid_request_parameters");
    }
  });
});

describe("state, reset and determinism", () => {
  it("keeps writes until reset, then restores the seed", async () => {
    const ada = world.people.find((p) => p.key === "ada")!;
    const list = await (await api(`/user_management/organization_memberships?user_id=${ada.workosUserId}`)).json();
    const id = list.data[0].id;
    expect(
      (
        await api(`/user_management/organization_memberships/${id}`, {
          method: "PUT",
          body: JSON.stringify({ role_slug: "member" }),
        })
      ).status,
    ).toBe(200);
    expect((await (await api(`/user_management/organization_memberships/${id}`)).json()).role.slug).toBe("member");
    const events = await (await api("/events?events=organization_membership.updated")).json();
    expect(events.data[0].data).toMatchObject({ id, role: { slug: "member" } });
    await control("/reset", "POST", {});
    expect((await (await api(`/user_management/organization_memberships/${id}`)).json()).role.slug).toBe("admin");
  });

  it("builds the same data from the same seed and a larger event history for size=large", async () => {
    const other = await startWorkosEmulator({ port: 0, now: NOW });
    try {
      for (const path of [
        "/user_management/users?limit=100",
        "/organizations",
        `/user_management/organization_memberships?organization_id=${acme.workosOrgId}&limit=100`,
        "/events?limit=100",
      ]) {
        const mine = await (await api(path)).json();
        const theirs = await (
          await fetch(`${other.url}${path}`, { headers: { authorization: `Bearer ${other.apiKey}` } })
        ).json();
        expect(theirs, path).toEqual(mine);
      }
    } finally {
      await other.close();
    }
    await control("/reset", "POST", { size: "large", seed: 7 });
    const state = await (await control("/state")).json();
    expect(state.users).toBe(buildWorld({ size: "large" }).people.length);
    expect(state.events).toBeGreaterThan(20_000);
    const window = await (
      await api(
        `/events?organization_id=${acme.workosOrgId}&range_start=${new Date(NOW.getTime() - 86_400_000).toISOString()}&limit=100`,
      )
    ).json();
    expect(window.data.length).toBeGreaterThan(0);
    expect(
      window.data.every((e: { created_at: string }) => Date.parse(e.created_at) >= NOW.getTime() - 86_400_000),
    ).toBe(true);
  });
});

describe("faults", () => {
  it("injects 429 with Retry-After, 5xx and latency, and clears them", async () => {
    await control("/faults", "PUT", { rateLimitRate: 1, retryAfterSeconds: 3 });
    const limited = await api("/organizations");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(await limited.json()).toMatchObject({ message: expect.any(String), code: "rate_limit_exceeded" });
    await control("/faults", "PUT", { rateLimitRate: 0, errorRate: 1, errorStatus: 502 });
    expect((await api("/organizations")).status).toBe(502);
    await control("/faults", "PUT", { errorRate: 0, latencyMs: 150 });
    const started = Date.now();
    expect((await api("/organizations")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await control("/faults", "DELETE");
    expect((await control("/faults")).status).toBe(200);
  });
});

describe("directory sync simulation and webhooks", () => {
  it("provisions a directory user, records events and sends signed webhooks", async () => {
    const response = await control("/directory/users", "POST", {
      organization: "acme",
      action: "create",
      email: "Edsger@acme.test",
      firstName: "Edsger",
      lastName: "Dijkstra",
      jobTitle: "Staff Engineer",
      role: "manager",
      groups: ["Platform", "Compilers"],
    });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.directory_user).toMatchObject({
      email: "edsger@acme.test",
      state: "active",
      role: { slug: "manager" },
    });
    expect(result.events.map((e: { event: string }) => e.event)).toEqual([
      "dsync.group.created",
      "dsync.user.created",
      "dsync.group.user_added",
      "dsync.group.user_added",
      "user.created",
      "organization_membership.created",
    ]);
    expect(received).toHaveLength(6);

    const workos = new WorkOS(emulator.apiKey, { apiHostname: "127.0.0.1", https: false, port: emulator.port });
    for (const delivery of received) {
      const header = delivery.headers["workos-signature"] as string;
      const [, t, v1] = /^t=(\d+), v1=([0-9a-f]{64})$/.exec(header)!;
      expect(createHmac("sha256", WORKOS_WEBHOOK_SECRET).update(`${t}.${delivery.body}`).digest("hex")).toBe(v1);
      const event = await workos.webhooks.constructEvent({
        payload: JSON.parse(delivery.body),
        sigHeader: header,
        secret: WORKOS_WEBHOOK_SECRET,
      });
      expect(Object.keys(JSON.parse(delivery.body)).sort()).toEqual(["created_at", "data", "event", "id"]);
      expect(event.id).toBe(JSON.parse(delivery.body).id);
    }
    await expect(
      workos.webhooks.constructEvent({
        payload: JSON.parse(received[0]!.body),
        sigHeader: received[0]!.headers["workos-signature"] as string,
        secret: "wrong-secret",
      }),
    ).rejects.toThrow();

    const listed = await (await api(`/events?events=dsync.user.created&organization_id=${acme.workosOrgId}`)).json();
    expect(listed.data[0].data.email).toBe("edsger@acme.test");
    const users = await (await api(`/user_management/users?email=edsger@acme.test`)).json();
    const membership = (
      await (await api(`/user_management/organization_memberships?user_id=${users.data[0].id}`)).json()
    ).data[0];
    expect(membership).toMatchObject({
      organization_id: acme.workosOrgId,
      role: { slug: "manager" },
      directory_managed: true,
    });
    const webhookLog = await (await control("/webhooks")).json();
    expect(webhookLog.webhooks).toHaveLength(6);
    expect(webhookLog.webhooks[0]).toMatchObject({
      url: expect.stringMatching(/\/api\/webhooks\/workos$/),
      status: 200,
    });

    // The new user can sign in with the demo password.
    const page = await fetch(
      `${emulator.url}/user_management/authorize?client_id=${emulator.clientId}&redirect_uri=${encodeURIComponent("http://127.0.0.1:3000/callback")}&response_type=code`,
    );
    const signIn = await submitForm(emulator.url, readForm(await page.text()), {
      email: "edsger@acme.test",
      password: "bosun-demo",
    });
    expect(signIn.status).toBe(302);
  });

  it("deactivates, updates and deletes directory users with their memberships", async () => {
    const linus = world.people.find((p) => p.key === "linus")!;
    const deactivated = await (
      await control("/directory/users", "POST", {
        organization: acme.workosOrgId,
        action: "deactivate",
        email: linus.email,
      })
    ).json();
    expect(deactivated.directory_user.state).toBe("inactive");
    expect(deactivated.events.map((e: { event: string }) => e.event)).toEqual([
      "dsync.user.updated",
      "organization_membership.updated",
    ]);
    const updatedEvent = JSON.parse(received[0]!.body);
    expect(updatedEvent.data.previous_attributes).toEqual({ state: "active" });
    const memberships = await (
      await api(`/user_management/organization_memberships?user_id=${linus.workosUserId}&statuses=inactive`)
    ).json();
    expect(memberships.data[0].status).toBe("inactive");

    const grace = world.people.find((p) => p.key === "grace")!;
    const promoted = await (
      await control("/directory/users", "POST", {
        organization: "acme",
        action: "update",
        email: grace.email,
        role: "admin",
        jobTitle: "VP Engineering",
      })
    ).json();
    expect(promoted.directory_user).toMatchObject({ job_title: "VP Engineering", role: { slug: "admin" } });
    expect(
      (await (await api(`/user_management/organization_memberships?user_id=${grace.workosUserId}`)).json()).data[0].role
        .slug,
    ).toBe("admin");

    const deleted = await (
      await control("/directory/users", "POST", { organization: "acme", action: "delete", email: grace.email })
    ).json();
    expect(deleted.events.map((e: { event: string }) => e.event)).toEqual([
      "dsync.user.deleted",
      "organization_membership.deleted",
    ]);
    expect(
      (await (await api(`/user_management/organization_memberships?user_id=${grace.workosUserId}`)).json()).data,
    ).toEqual([]);
    const directoryUsers = await (
      await api(`/directory_users?directory=${deleted.directory_user.directory_id}&email=${grace.email}`)
    ).json();
    expect(directoryUsers.data).toEqual([]);
  });

  it("reports a directory rename as user.updated too, as AuthKit keeps the user in step", async () => {
    const donald = world.people.find((p) => p.key === "donald")!;
    const renamed = await (
      await control("/directory/users", "POST", {
        organization: "acme",
        action: "update",
        email: donald.email,
        lastName: "Knuth-Ervin",
      })
    ).json();
    expect(renamed.events.map((e: { event: string }) => e.event)).toEqual(["dsync.user.updated", "user.updated"]);
    const user = await (await api(`/user_management/users/${donald.workosUserId}`)).json();
    expect(user.last_name).toBe("Knuth-Ervin");
    expect(JSON.parse(received[1]!.body)).toMatchObject({
      event: "user.updated",
      data: { id: donald.workosUserId, last_name: "Knuth-Ervin" },
    });
  });

  it("gives events ids that sort in the order they were emitted, even within one millisecond", async () => {
    for (const email of ["a.one@acme.test", "b.two@acme.test", "c.three@acme.test"])
      await control("/directory/users", "POST", { organization: "acme", action: "create", email });
    const events = (
      await (
        await api("/events?limit=100&order=asc&events=user.created,organization_membership.created,dsync.user.created")
      ).json()
    ).data as { id: string }[];
    expect(events.length).toBeGreaterThanOrEqual(9);
    const ids = events.map((e) => e.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it("starts a session for a user through the control API, listed like one from signing in", async () => {
    const linus = world.people.find((p) => p.key === "linus")!;
    const started = await control("/sessions", "POST", {
      user_id: linus.workosUserId,
      organization_id: acme.workosOrgId,
    });
    expect(started.status).toBe(201);
    const { session } = await started.json();
    const listed = await (await api(`/user_management/users/${linus.workosUserId}/sessions`)).json();
    expect(listed.data.map((s: { id: string }) => s.id)).toContain(session.id);
    expect((await control("/sessions", "POST", { user_id: "user_missing" })).status).toBe(400);
    expect(
      (await control("/sessions", "POST", { user_id: linus.workosUserId, organization_id: "org_missing" })).status,
    ).toBe(400);
  });

  it("validates control input", async () => {
    expect(
      (await control("/directory/users", "POST", { organization: "acme", action: "explode", email: "x@acme.test" }))
        .status,
    ).toBe(400);
    expect(
      (await control("/directory/users", "POST", { organization: "nope", action: "create", email: "x@acme.test" }))
        .status,
    ).toBe(404);
    expect(
      (await control("/directory/users", "POST", { organization: "acme", action: "create", email: "ada@acme.test" }))
        .status,
    ).toBe(409);
    expect(
      (await control("/directory/users", "POST", { organization: "acme", action: "update", email: "nobody@acme.test" }))
        .status,
    ).toBe(404);
  });
});

describe("invitations", () => {
  it("lets an invitee accept through the hosted page and become a member", async () => {
    const invitation = await (
      await api("/user_management/invitations", {
        method: "POST",
        body: JSON.stringify({ email: "new.hire@acme.test", organization_id: acme.workosOrgId, role_slug: "manager" }),
      })
    ).json();
    const page = await fetch(invitation.accept_invitation_url);
    const html = await page.text();
    expect(html).toContain("Acme Maritime");
    const accepted = await submitForm(emulator.url, readForm(html), {
      first_name: "New",
      last_name: "Hire",
      password: "correct-horse",
    });
    expect(accepted.status).toBe(200);
    const after = await (await api(`/user_management/invitations/${invitation.id}`)).json();
    expect(after).toMatchObject({ state: "accepted", accepted_user_id: expect.stringMatching(/^user_/) });
    const members = await (
      await api(`/user_management/organization_memberships?user_id=${after.accepted_user_id}`)
    ).json();
    expect(members.data[0]).toMatchObject({ organization_id: acme.workosOrgId, role: { slug: "manager" } });
    expect((await fetch(invitation.accept_invitation_url)).status).toBe(404);
  });
});
