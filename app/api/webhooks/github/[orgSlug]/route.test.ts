import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_GITHUB_WEBHOOK_SECRETS } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { serveRoutes } from "@/test/route-server";
import {
  branchCreatedPayload,
  pingPayload,
  pullRequestPayload,
  sendGithubEvent,
  signGithubPayload,
} from "@/emulators/github";
import { db, pool } from "@/lib/db/client";
import * as route from "./route";

// The intake shares the org-slug pattern with lib/platform/auth/org, which loads AuthKit; webhooks never have a session.

/** GitHub webhook intake over real HTTP, fed by the GitHub sender: signatures, validation, idempotency and the queued job. */
describe("POST /api/webhooks/github/[orgSlug]", () => {
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  let acmeId: string;

  const SECRET = DEMO_GITHUB_WEBHOOK_SECRETS.acme;
  const SLUGS = ["acme", "globex", "nobody", "Acme", "acme%20inc", "acme.."];
  const url = (slug = "acme") => `${bosun.url}/api/webhooks/github/${slug}`;
  const answer = (delivery: { status: number; responseBody: string }) => ({
    status: delivery.status,
    json: JSON.parse(delivery.responseBody) as Record<string, unknown>,
  });
  /** A raw POST, for what the sender never sends (no signature, a body that is not JSON). */
  const post = async (body: string, headers: Record<string, string>, slug = "acme") => {
    const response = await fetch(url(slug), {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-delivery": crypto.randomUUID(), ...headers },
      body,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  let nextNumber = 100;
  const pr = (overrides: Partial<Parameters<typeof pullRequestPayload>[0]> = {}) =>
    pullRequestPayload({
      repo: "acme/platform",
      number: nextNumber++,
      title: "ACME-1 Fix berth lookup",
      branch: "ACME-1-berths",
      ...overrides,
    });
  const stored = async () => ({ deliveries: await db.webhookDelivery.count(), jobs: await db.job.count() });

  useSeededDatabase({ label: "githubhook" });
  beforeAll(async () => {
    acmeId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    bosun = await serveRoutes(
      Object.fromEntries(
        SLUGS.map((slug) => [
          `/api/webhooks/github/${slug}`,
          (request: Request) => route.POST(request, { params: Promise.resolve({ orgSlug: decodeURIComponent(slug) }) }),
        ]),
      ),
    );
  });
  beforeEach(async () => {
    await db.job.deleteMany();
    await db.webhookDelivery.deleteMany();
  });
  afterAll(async () => {
    await bosun.close();
  });

  it("refuses a forged signature and stores nothing", async () => {
    const forged = answer(
      await sendGithubEvent({ url: url(), secret: "not-the-secret", event: "pull_request", payload: pr() }),
    );
    expect(forged.status).toBe(401);
    expect(forged.json).toMatchObject({ error: "invalid_signature", reason: "mismatch" });
    // Only the legacy SHA-1 signature is not enough.
    const body = JSON.stringify(pr());
    const legacy = await post(body, { "x-github-event": "pull_request", "x-hub-signature-256": "sha1=0123abcd" });
    expect(legacy).toMatchObject({ status: 401, json: { reason: "malformed" } });
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("refuses a delivery without a signature", async () => {
    const unsigned = await post(JSON.stringify(pr()), { "x-github-event": "pull_request" });
    expect(unsigned.status).toBe(401);
    expect(unsigned.json).toMatchObject({ error: "invalid_signature", reason: "missing" });
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("refuses a body signed with another org's secret", async () => {
    const crossOrg = answer(
      await sendGithubEvent({
        url: url("acme"),
        secret: DEMO_GITHUB_WEBHOOK_SECRETS.globex,
        event: "pull_request",
        payload: pr(),
      }),
    );
    expect(crossOrg.status).toBe(401);
    expect(crossOrg.json).toMatchObject({ error: "invalid_signature", reason: "mismatch" });
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("answers 404 for an unknown org and for a slug with characters no org has", async () => {
    for (const slug of ["nobody", "Acme", "acme%20inc", "acme.."]) {
      const response = answer(
        await sendGithubEvent({ url: url(slug), secret: SECRET, event: "pull_request", payload: pr() }),
      );
      expect(response.status, slug).toBe(404);
      expect(response.json).toMatchObject({ error: "not_found" });
    }
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("answers 400 invalid_json for a correctly signed body that is not JSON", async () => {
    const body = "action=opened&number=1";
    const response = await post(body, {
      "x-github-event": "pull_request",
      "x-hub-signature-256": signGithubPayload(body, SECRET),
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: "invalid_json" });
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("fuzz: answers 400 for a correctly signed JSON body that is not an object, whatever the event", async () => {
    for (const [event, body] of [
      ["ping", "null"],
      ["push", "[]"],
      ["pull_request", "42"],
      ["create", '"branch"'],
    ]) {
      const response = await post(body!, {
        "x-github-event": event!,
        "x-hub-signature-256": signGithubPayload(body!, SECRET),
      });
      expect(response.status, `${event} ${body}`).toBe(400);
      expect(response.json).toMatchObject({ error: "invalid_payload", fields: { body: "must be a JSON object" } });
    }
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("answers 400 naming the field a correctly signed payload lacks", async () => {
    const { number: _number, ...withoutNumber } = pr();
    const response = answer(
      await sendGithubEvent({ url: url(), secret: SECRET, event: "pull_request", payload: withoutNumber }),
    );
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: "invalid_payload" });
    expect(response.json.fields).toHaveProperty("number");

    const { ref: _ref, ...withoutRef } = branchCreatedPayload({ repo: "acme/platform", branch: "ACME-1-berths" });
    const branch = answer(await sendGithubEvent({ url: url(), secret: SECRET, event: "create", payload: withoutRef }));
    expect(branch.status).toBe(400);
    expect(branch.json.fields).toHaveProperty("ref");

    const body = JSON.stringify(pr());
    const noEvent = await post(body, { "x-hub-signature-256": signGithubPayload(body, SECRET) });
    expect(noEvent.status).toBe(400);
    expect(noEvent.json.fields).toHaveProperty(["X-GitHub-Event"]);
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("accepts a valid pull request: one delivery, one queued job, 202", async () => {
    const payload = pr();
    const response = answer(await sendGithubEvent({ url: url(), secret: SECRET, event: "pull_request", payload }));
    expect(response.status).toBe(202);
    expect(response.json).toEqual({ status: "accepted", deliveryId: expect.any(String) });
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: response.json.deliveryId as string } });
    expect(delivery).toMatchObject({
      source: "github",
      orgId: acmeId,
      eventType: "pull_request.opened",
      status: "received",
      processedAt: null,
    });
    expect(delivery.payload).toEqual(JSON.parse(JSON.stringify(payload)));
    const jobs = await db.job.findMany();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      queue: "webhook.delivery",
      orgId: acmeId,
      status: "queued",
      payload: {
        deliveryId: delivery.id,
        event: { type: "git.pull_request", action: "opened", number: payload.number },
      },
    });
  });

  it("records a redelivery of the same body once, whatever its X-GitHub-Delivery", async () => {
    const payload = branchCreatedPayload({ repo: "acme/platform", branch: "feature/ACME-2-login" });
    const first = await sendGithubEvent({
      url: url(),
      secret: SECRET,
      event: "create",
      payload,
      deliveryId: "11111111-1111-4111-8111-111111111111",
    });
    expect(first.status).toBe(202);
    const again = await sendGithubEvent({
      url: url(),
      secret: SECRET,
      event: "create",
      payload,
      deliveryId: "22222222-2222-4222-8222-222222222222",
    });
    expect(again.body).toBe(first.body);
    expect(answer(again)).toEqual({
      status: 200,
      json: { status: "duplicate", deliveryId: JSON.parse(first.responseBody).deliveryId },
    });
    expect(await stored()).toEqual({ deliveries: 1, jobs: 1 });
  });

  it("records a burst together: each distinct body once with its job, its repeats as duplicates, pings ignored", async () => {
    const query = vi.spyOn(pool, "query");
    const bodies = Array.from({ length: 12 }, () => pr());
    // Each pull request twice and a ping now and then, all at once: the deliveries share the intake's statements.
    const sends = [...bodies, ...bodies].map((payload) =>
      sendGithubEvent({ url: url(), secret: SECRET, event: "pull_request", payload }),
    );
    sends.push(
      sendGithubEvent({
        url: url(),
        secret: SECRET,
        event: "ping",
        payload: pingPayload({ repo: "acme/platform", hookId: 1 }),
      }),
    );
    const answers = (await Promise.all(sends)).map(answer);
    const shared = query.mock.calls.filter(
      ([sql, params]) => String(sql).includes("FROM unnest") && (params as unknown[][])[0]!.length > 1,
    );
    query.mockRestore();
    expect(shared.length).toBeGreaterThan(0);

    const ping = answers.pop()!;
    expect(ping).toEqual({
      status: 200,
      json: { status: "ignored", deliveryId: expect.any(String), reason: expect.any(String) },
    });
    bodies.forEach((_body, index) => {
      const [first, second] = [answers[index]!, answers[index + bodies.length]!];
      const statuses = [first.json.status, second.json.status].sort();
      expect(statuses).toEqual(["accepted", "duplicate"]);
      expect(first.json.deliveryId).toBe(second.json.deliveryId);
    });
    expect(await stored()).toEqual({ deliveries: bodies.length + 1, jobs: bodies.length });
    const jobs = await db.job.findMany({ select: { payload: true } });
    const delivered = new Set(answers.map((a) => a.json.deliveryId));
    expect(new Set(jobs.map((job) => (job.payload as { deliveryId: string }).deliveryId))).toEqual(delivered);
  });

  it("defect 4 (dedup across orgs): the same GitHub body delivered to two orgs is processed by both", async () => {
    // One repository hooked to two orgs: GitHub sends the same body to each, signed with each org's secret.
    const payload = branchCreatedPayload({ repo: "shared/monorepo", branch: "feature/ACME-3-berths" });
    const send = (slug: "acme" | "globex") =>
      sendGithubEvent({ url: url(slug), secret: DEMO_GITHUB_WEBHOOK_SECRETS[slug], event: "create", payload }).then(
        answer,
      );
    const globexId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;

    const toAcme = await send("acme");
    const toGlobex = await send("globex");
    expect(toAcme).toEqual({ status: 202, json: { status: "accepted", deliveryId: expect.any(String) } });
    expect(toGlobex).toEqual({ status: 202, json: { status: "accepted", deliveryId: expect.any(String) } });
    const acmeDelivery = toAcme.json.deliveryId as string;
    const globexDelivery = toGlobex.json.deliveryId as string;
    expect(globexDelivery).not.toBe(acmeDelivery);
    const deliveries = await db.webhookDelivery.findMany({ orderBy: { orgId: "asc" } });
    expect(deliveries.map((d) => ({ id: d.id, orgId: d.orgId }))).toEqual(
      expect.arrayContaining([
        { id: acmeDelivery, orgId: acmeId },
        { id: globexDelivery, orgId: globexId },
      ]),
    );
    expect(deliveries).toHaveLength(2);
    // Each org's job carries the event intake read, so processing does not read the body again.
    const branchEvent = {
      type: "git.branch",
      repo: "shared/monorepo",
      branch: "feature/ACME-3-berths",
      url: expect.stringMatching(/\/tree\/feature%2FACME-3-berths$/),
    };
    const jobs = await db.job.findMany();
    expect(jobs.map((j) => ({ orgId: j.orgId, payload: j.payload }))).toEqual(
      expect.arrayContaining([
        { orgId: acmeId, payload: { deliveryId: acmeDelivery, event: branchEvent } },
        { orgId: globexId, payload: { deliveryId: globexDelivery, event: branchEvent } },
      ]),
    );
    expect(jobs).toHaveLength(2);

    // Both deliveries failed for good; a redelivery brings back only its own org's job.
    await db.webhookDelivery.updateMany({
      data: { status: "failed", error: "Jira was down", processedAt: new Date() },
    });
    const deadAt = new Date();
    await db.job.updateMany({
      data: { status: "dead", attempts: 15, deadAt, lastError: "Jira was down", finishedAt: deadAt },
    });
    const jobOf = async (orgId: string) =>
      db.job.findFirstOrThrow({ where: { orgId }, select: { status: true, attempts: true, deadAt: true } });

    expect(await send("globex")).toEqual({ status: 200, json: { status: "duplicate", deliveryId: globexDelivery } });
    expect(await jobOf(globexId)).toEqual({ status: "queued", attempts: 0, deadAt: null });
    expect(await jobOf(acmeId)).toEqual({ status: "dead", attempts: 15, deadAt });

    expect(await send("acme")).toEqual({ status: 200, json: { status: "duplicate", deliveryId: acmeDelivery } });
    expect(await jobOf(acmeId)).toEqual({ status: "queued", attempts: 0, deadAt: null });
    expect(await stored()).toEqual({ deliveries: 2, jobs: 2 });
  });

  it("stores a ping as ignored, without a job", async () => {
    const response = answer(
      await sendGithubEvent({
        url: url(),
        secret: SECRET,
        event: "ping",
        payload: pingPayload({ repo: "acme/platform", hookId: 1 }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: "ignored", deliveryId: expect.any(String) });
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: response.json.deliveryId as string } });
    expect(delivery).toMatchObject({
      source: "github",
      status: "ignored",
      eventType: "ping",
      error: expect.stringContaining("ping"),
      processedAt: expect.any(Date),
    });
    // A new tag is a `create` event too, and starts nothing either.
    const tag = answer(
      await sendGithubEvent({
        url: url(),
        secret: SECRET,
        event: "create",
        payload: { ...branchCreatedPayload({ repo: "acme/platform", branch: "v2.15.0" }), ref_type: "tag" },
      }),
    );
    expect(tag.json).toMatchObject({ status: "ignored" });
    expect(await stored()).toEqual({ deliveries: 2, jobs: 0 });
  });
});
