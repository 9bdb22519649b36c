import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_JIRA_WEBHOOK_SECRETS } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { serveRoutes } from "@/test/route-server";
import { issueUpdated, signJiraBody, sprintEvent, statusItem } from "@/test/jira-webhook-payloads";
import { db } from "@/lib/db/client";
import { forgetWebhookSecrets } from "@/lib/platform/webhooks/secrets";
import * as route from "./route";

/** Jira admin-webhook intake over real HTTP: signatures, validation, dedupe by Jira's delivery identifier, the queued job. */
describe("POST /api/webhooks/jira/[orgSlug]", () => {
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  let acmeId: string;

  const SECRET = DEMO_JIRA_WEBHOOK_SECRETS.acme;
  const SLUGS = ["acme", "globex", "nobody", "Acme"];
  const url = (slug = "acme") => `${bosun.url}/api/webhooks/jira/${slug}`;
  /** A POST as Jira sends it: signed over the exact bytes, with its delivery identifier. */
  const post = async (
    body: string,
    {
      slug = "acme",
      secret = SECRET as string,
      identifier = crypto.randomUUID() as string | null,
      headers = {} as Record<string, string>,
    } = {},
  ) => {
    const response = await fetch(url(slug), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature": signJiraBody(body, secret),
        "x-atlassian-webhook-flow": "Primary",
        ...(identifier ? { "x-atlassian-webhook-identifier": identifier } : {}),
        ...headers,
      },
      body,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const stored = async () => ({
    deliveries: await db.webhookDelivery.count({ where: { source: "jira" } }),
    jobs: await db.job.count({ where: { queue: "jira.event" } }),
  });

  useSeededDatabase({ label: "jirahook" });
  beforeAll(async () => {
    acmeId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    bosun = await serveRoutes(
      Object.fromEntries(
        SLUGS.map((slug) => [
          `/api/webhooks/jira/${slug}`,
          (request: Request) => route.POST(request, { params: Promise.resolve({ orgSlug: slug }) }),
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

  it("accepts a signed sprint_started: 202, one delivery, one job carrying the normalised event", async () => {
    const response = await post(JSON.stringify(sprintEvent("sprint_started")), { identifier: "wh-start-7" });
    expect(response).toEqual({ status: 202, json: { status: "accepted", deliveryId: expect.any(String) } });
    const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: response.json.deliveryId as string } });
    expect(delivery).toMatchObject({
      source: "jira",
      orgId: acmeId,
      idempotencyKey: "id:wh-start-7",
      eventType: "sprint_started",
      status: "received",
    });
    const jobs = await db.job.findMany();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      queue: "jira.event",
      orgId: acmeId,
      status: "queued",
      payload: {
        deliveryId: delivery.id,
        event: { type: "jira.sprint", action: "started", at: "2026-11-24T09:00:00.000Z", sprint: { id: 7 } },
      },
    });
  });

  it("records a delivery once across Jira's retries, which keep the identifier", async () => {
    const body = JSON.stringify(issueUpdated({ items: [statusItem("3", "10001")] }));
    const first = await post(body, { identifier: "wh-retry-1" });
    expect(first.status).toBe(202);
    for (const retry of ["1", "2"]) {
      const again = await post(body, { identifier: "wh-retry-1", headers: { "x-atlassian-webhook-retry": retry } });
      expect(again).toEqual({ status: 200, json: { status: "duplicate", deliveryId: first.json.deliveryId } });
    }
    // Two changes that happen to have the same body are still two deliveries when Jira gives them two identifiers.
    expect((await post(body, { identifier: "wh-retry-2" })).status).toBe(202);
    expect(await stored()).toEqual({ deliveries: 2, jobs: 2 });
  });

  it("without an identifier, the same body is recognised by its hash", async () => {
    const body = JSON.stringify(sprintEvent("sprint_closed"));
    const first = await post(body, { identifier: null });
    const again = await post(body, { identifier: null });
    expect(first.status).toBe(202);
    expect(again).toEqual({ status: 200, json: { status: "duplicate", deliveryId: first.json.deliveryId } });
    expect(await stored()).toEqual({ deliveries: 1, jobs: 1 });
  });

  it("refuses a missing, malformed or forged signature, and another org's secret, storing nothing", async () => {
    const body = JSON.stringify(sprintEvent("sprint_started"));
    const unsigned = await fetch(url(), { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: "invalid_signature", reason: "missing" });
    const malformed = await post(body, { headers: { "x-hub-signature": "sha1=abc" } });
    expect(malformed).toMatchObject({ status: 401, json: { reason: "malformed" } });
    const forged = await post(body, { secret: "not-the-secret" });
    expect(forged).toMatchObject({ status: 401, json: { error: "invalid_signature", reason: "mismatch" } });
    const crossOrg = await post(body, { secret: DEMO_JIRA_WEBHOOK_SECRETS.globex });
    expect(crossOrg).toMatchObject({ status: 401, json: { reason: "mismatch" } });
    const tampered = await fetch(url(), {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature": signJiraBody(body, SECRET) },
      body: body.replace('"id":7', '"id":8'),
    });
    expect(tampered.status).toBe(401);
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("answers 404 for an unknown org, a slug no org has, and an org whose Jira has no webhook secret", async () => {
    const body = JSON.stringify(sprintEvent("sprint_started"));
    for (const slug of ["nobody", "Acme"]) {
      expect((await post(body, { slug })).status, slug).toBe(404);
    }
    const globex = await db.organization.findUniqueOrThrow({ where: { slug: "globex" } });
    await db.integrationConnection.updateMany({
      where: { orgId: globex.id, provider: "jira" },
      data: { status: "disconnected" },
    });
    forgetWebhookSecrets();
    const disconnected = await post(body, { slug: "globex", secret: DEMO_JIRA_WEBHOOK_SECRETS.globex });
    expect(disconnected).toMatchObject({ status: 404, json: { error: "not_found" } });
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("answers 400 naming the field for a signed body that is not what Jira sends", async () => {
    const notJson = await post("webhookEvent=sprint_started");
    expect(notJson).toMatchObject({ status: 400, json: { error: "invalid_json" } });
    const array = await post("[]");
    expect(array).toMatchObject({ status: 400, json: { fields: { body: "must be a JSON object" } } });
    const { sprint, ...rest } = sprintEvent("sprint_started");
    const badSprint = await post(JSON.stringify({ ...rest, sprint: { ...sprint, state: "running" } }));
    expect(badSprint).toMatchObject({ status: 400, json: { error: "invalid_payload" } });
    expect(badSprint.json.fields).toHaveProperty(["sprint.state"]);
    const noTimestamp = await post(JSON.stringify({ webhookEvent: "jira:issue_updated" }));
    expect(noTimestamp.json.fields).toHaveProperty("timestamp");
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("records an event Bosun does not act on as ignored, with the reason, and queues nothing", async () => {
    const response = await post(JSON.stringify({ timestamp: 1_764_000_000_000, webhookEvent: "board_updated" }));
    expect(response).toEqual({
      status: 200,
      json: {
        status: "ignored",
        deliveryId: expect.any(String),
        reason: "board_updated is not an event Bosun acts on",
      },
    });
    expect(await stored()).toEqual({ deliveries: 1, jobs: 0 });
  });

  it("refuses a body over 1 MB with 413 before reading it", async () => {
    const body = JSON.stringify({ ...sprintEvent("sprint_started"), padding: "x".repeat(1_100_000) });
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });
});
