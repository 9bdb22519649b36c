import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_SENTRY_WEBHOOK_SECRETS } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { serveRoutes } from "@/test/route-server";
import { pythonJsonDumps, signBody } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import * as route from "./route";

// The intake shares the org-slug pattern with lib/platform/auth/org, which loads AuthKit; webhooks never have a session.

/** Sentry webhook intake over real HTTP: signatures, validation, idempotency and the queued job. */
describe("POST /api/webhooks/sentry/[orgSlug]", () => {
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  let acmeId: string;

  const SECRET = DEMO_SENTRY_WEBHOOK_SECRETS.acme;
  // Slugs as the URL carries them; the handler gets them decoded, as Next.js hands them over.
  const SLUGS = ["acme", "globex", "nobody", "ACME", "acme%3Bdrop", "acme_inc"];

  type Hook = {
    resource: string | null;
    body: string;
    secret?: string | null;
    signature?: string;
    timestamp?: number;
    requestId?: string;
    slug?: string;
  };
  const send = async ({
    resource,
    body,
    secret = SECRET,
    signature,
    timestamp = Math.floor(Date.now() / 1000),
    requestId = crypto.randomUUID().replace(/-/g, ""),
    slug = "acme",
  }: Hook) => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "request-id": requestId,
      "sentry-hook-timestamp": String(timestamp),
    };
    if (resource) headers["sentry-hook-resource"] = resource;
    const signed = signature ?? (secret ? signBody(body, secret) : null);
    if (signed) headers["sentry-hook-signature"] = signed;
    const response = await fetch(`${bosun.url}/api/webhooks/sentry/${slug}`, { method: "POST", headers, body });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  let nextIssue = 900_001;
  const issueBody = (overrides: Record<string, unknown> = {}, action = "created") => {
    const id = String(nextIssue++);
    const issue = {
      id,
      shortId: `WEB-${id}`,
      title: "TypeError: Cannot read properties of undefined (reading 'berth')",
      culprit: "app/berths/page.tsx in render",
      level: "error",
      status: "unresolved",
      substatus: "new",
      permalink: `http://sentry.test/organizations/acme/issues/${id}/`,
      project: { id: "4500000", slug: "web" },
      count: "1",
      userCount: 1,
      firstSeen: new Date().toISOString(),
      lastSeen: new Date().toISOString(),
      firstRelease: null,
      assignedTo: null,
      isUnhandled: true,
      ...overrides,
    };
    return pythonJsonDumps({
      action,
      installation: { uuid: "install-acme" },
      data: { issue },
      actor: { type: "application", id: "sentry", name: "Sentry" },
    });
  };
  const stored = async () => ({ deliveries: await db.webhookDelivery.count(), jobs: await db.job.count() });

  useSeededDatabase({ label: "sentryhook" });
  beforeAll(async () => {
    acmeId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    bosun = await serveRoutes(
      Object.fromEntries(
        SLUGS.map((slug) => [
          `/api/webhooks/sentry/${slug}`,
          (request: Request) => route.POST(request, { params: Promise.resolve({ orgSlug: decodeURIComponent(slug) }) }),
        ]),
      ),
    );
  });
  // Every test starts with no deliveries, so counts say exactly what the test stored.
  beforeEach(async () => {
    await db.job.deleteMany();
    await db.webhookDelivery.deleteMany();
  });
  afterAll(async () => {
    await bosun.close();
  });

  it("refuses a forged signature and stores nothing", async () => {
    const forged = await send({ resource: "issue", body: issueBody(), secret: "not-the-secret" });
    expect(forged.status).toBe(401);
    expect(forged.json).toMatchObject({ error: "invalid_signature", reason: "mismatch" });
    // A signature for another body does not carry over either.
    const swapped = await send({ resource: "issue", body: issueBody(), signature: signBody(issueBody(), SECRET) });
    expect(swapped.status).toBe(401);
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("refuses a correctly signed body whose timestamp is more than five minutes old", async () => {
    const stale = await send({
      resource: "issue",
      body: issueBody(),
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
    expect(stale.json).toMatchObject({ error: "invalid_signature", reason: "stale" });
    const future = await send({
      resource: "issue",
      body: issueBody(),
      timestamp: Math.floor(Date.now() / 1000) + 6 * 60,
    });
    expect(future.json).toMatchObject({ error: "invalid_signature", reason: "stale" });
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("refuses a delivery without a signature", async () => {
    const unsigned = await send({ resource: "issue", body: issueBody(), secret: null });
    expect(unsigned.status).toBe(401);
    expect(unsigned.json).toMatchObject({ error: "invalid_signature", reason: "missing" });
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("refuses a body signed with another org's secret", async () => {
    const crossOrg = await send({ resource: "issue", body: issueBody(), secret: DEMO_SENTRY_WEBHOOK_SECRETS.globex });
    expect(crossOrg.status).toBe(401);
    expect(crossOrg.json).toMatchObject({ error: "invalid_signature", reason: "mismatch" });
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("answers 404 for an unknown org and for a slug with characters no org has", async () => {
    for (const slug of ["nobody", "ACME", "acme%3Bdrop", "acme_inc"]) {
      const response = await send({ resource: "issue", body: issueBody(), slug });
      expect(response.status, slug).toBe(404);
      expect(response.json).toMatchObject({ error: "not_found" });
    }
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("answers 400 invalid_json for a correctly signed body that is not JSON", async () => {
    const response = await send({ resource: "issue", body: '{"action": "created", "data": ' });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: "invalid_json" });
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("answers 400 naming the field a correctly signed issue payload lacks", async () => {
    const withoutId = JSON.parse(issueBody()) as { data: { issue: Record<string, unknown> } };
    delete withoutId.data.issue.id;
    const response = await send({ resource: "issue", body: JSON.stringify(withoutId) });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: "invalid_payload" });
    expect(response.json.fields).toHaveProperty(["data.issue.id"]);

    const noData = await send({ resource: "issue", body: JSON.stringify({ action: "created" }) });
    expect(noData.status).toBe(400);
    expect(noData.json.fields).toHaveProperty("data");

    const noResource = await send({ resource: null, body: issueBody() });
    expect(noResource.status).toBe(400);
    expect(noResource.json.fields).toHaveProperty(["Sentry-Hook-Resource"]);
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("fuzz: answers 400 naming the field for a correctly signed body with a NUL character, which PostgreSQL cannot store", async () => {
    const before = await stored();
    const { status, json } = await send({ resource: "issue", body: issueBody({ title: "Crash in \u0000 berth" }) });
    expect(status).toBe(400);
    expect(json).toMatchObject({
      error: "invalid_payload",
      fields: { "data.issue.title": "must not contain NUL characters" },
    });
    expect(await stored()).toEqual(before);
  });

  it("fuzz: answers 400 naming the field for a correctly signed body with an unpaired surrogate, which PostgreSQL's JSON cannot hold", async () => {
    const before = await stored();
    const { status, json } = await send({ resource: "issue", body: issueBody({ title: "Crash in \ud800 berth" }) });
    expect(status).toBe(400);
    expect(json).toMatchObject({
      error: "invalid_payload",
      fields: { "data.issue.title": "must not contain broken Unicode (an unpaired surrogate)" },
    });
    expect(await stored()).toEqual(before);
  });

  it("accepts a valid issue.created: one delivery, one queued job, 202", async () => {
    const body = issueBody();
    const response = await send({ resource: "issue", body });
    expect(response.status).toBe(202);
    expect(response.json).toEqual({ status: "accepted", deliveryId: expect.any(String) });
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: response.json.deliveryId as string } });
    expect(delivery).toMatchObject({
      source: "sentry",
      orgId: acmeId,
      eventType: "issue.created",
      status: "received",
      processedAt: null,
    });
    expect(delivery.payload).toEqual(JSON.parse(body));
    const jobs = await db.job.findMany();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      queue: "webhook.delivery",
      orgId: acmeId,
      status: "queued",
      payload: { deliveryId: delivery.id },
    });
  });

  it("records a redelivery of the same body once, whatever its Request-ID", async () => {
    const body = issueBody();
    const first = await send({ resource: "issue", body, requestId: "a".repeat(32) });
    expect(first.status).toBe(202);
    // Sentry retries with a fresh Request-ID and timestamp; the signature covers the body only.
    const again = await send({
      resource: "issue",
      body,
      requestId: "b".repeat(32),
      timestamp: Math.floor(Date.now() / 1000) - 30,
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: "duplicate", deliveryId: first.json.deliveryId });
    expect(await stored()).toEqual({ deliveries: 1, jobs: 1 });
  });

  it("stores a resource no rule reacts to as ignored, without a job", async () => {
    const body = pythonJsonDumps({
      action: "created",
      installation: { uuid: "install-acme" },
      data: { installation: { uuid: "install-acme", status: "installed" } },
      actor: { type: "user", id: "1", name: "Ada" },
    });
    const response = await send({ resource: "installation", body });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: "ignored", deliveryId: expect.any(String) });
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: response.json.deliveryId as string } });
    expect(delivery).toMatchObject({
      status: "ignored",
      eventType: "installation.created",
      error: expect.stringContaining("installation"),
      processedAt: expect.any(Date),
    });
    expect(await db.job.count()).toBe(0);
    // Actions of a known resource that start nothing are ignored too (a new comment is synced; an edit is not).
    const edited = await send({
      resource: "comment",
      body: pythonJsonDumps({
        action: "updated",
        installation: { uuid: "install-acme" },
        data: {
          comment: "edited",
          comment_id: 1,
          issue_id: 100,
          project_slug: "web",
          timestamp: "2026-12-03T07:00:00Z",
        },
        actor: { type: "user", id: "1", name: "Ada" },
      }),
    });
    expect(edited.json).toMatchObject({ status: "ignored" });
    expect(await stored()).toEqual({ deliveries: 2, jobs: 0 });
  });
});
