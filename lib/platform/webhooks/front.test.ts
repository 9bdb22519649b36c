import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_GITHUB_WEBHOOK_SECRETS } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { postHeldBody } from "@/test/held-upload";
import { pullRequestPayload, sendGithubEvent } from "@/emulators/github";
import { db } from "@/lib/db/client";
import { readLimitedBody } from "@/lib/platform/security/read-limited-body";
import { matchWebhookRoute, readNodeBody, serveWebhook } from "./front";

describe("matchWebhookRoute", () => {
  it("takes POSTs to the Sentry, GitHub and Jira intake, with the org's slug decoded", () => {
    expect(matchWebhookRoute("POST", "/api/webhooks/sentry/acme")).toEqual({ source: "sentry", orgSlug: "acme" });
    expect(matchWebhookRoute("POST", "/api/webhooks/github/acme?x=1")).toEqual({ source: "github", orgSlug: "acme" });
    expect(matchWebhookRoute("POST", "/api/webhooks/jira/%61cme")).toEqual({ source: "jira", orgSlug: "acme" });
  });

  it("leaves everything else to Next.js, as it always answered it", () => {
    for (const [method, url] of [
      ["GET", "/api/webhooks/sentry/acme"],
      ["POST", "/api/webhooks/sentry/acme/"],
      ["POST", "/api/webhooks/sentry"],
      ["POST", "/api/webhooks/workos"],
      ["POST", "/api/webhooks/gitlab/acme"],
      ["POST", "/api/webhooks/sentry/acme/extra"],
      ["POST", "/api/webhooks/sentry/%E0%A4%A"],
      ["POST", "/acme/errors"],
      [undefined, undefined],
    ] as const)
      expect(matchWebhookRoute(method, url), `${method} ${url}`).toBeNull();
  });
});

describe("readNodeBody", () => {
  const nodeRequest = (chunks: Uint8Array[], headers: Record<string, string> = {}) =>
    Object.assign(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), { headers }) as unknown as IncomingMessage;

  it("decodes exactly as the route handlers' reader does, so a signature is checked over the same text", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":"é"}')]);
    const broken = new Uint8Array([0x7b, 0x22, 0xc3, 0x22, 0x7d, 0xf0, 0x9f, 0x98]);
    const split = [new Uint8Array([0x22, 0xe2, 0x82]), new Uint8Array([0xac, 0x22])]; // "€" across two chunks
    for (const chunks of [[bom], [broken], split]) {
      const fromWeb = await readLimitedBody(new Request("http://x/", { method: "POST", body: new Blob(chunks) }));
      expect(fromWeb.ok).toBe(true);
      expect(await readNodeBody(nodeRequest(chunks))).toEqual({ ok: true, text: fromWeb.ok ? fromWeb.text : null });
    }
  });

  it("refuses a declared length over the limit before reading, and a body that grows past it", async () => {
    expect(await readNodeBody(nodeRequest([new Uint8Array(4)], { "content-length": "11" }), 10)).toEqual({
      ok: false,
    });
    expect(await readNodeBody(nodeRequest([new Uint8Array(6), new Uint8Array(6)]), 10)).toEqual({ ok: false });
    expect(await readNodeBody(nodeRequest([new Uint8Array(5), new Uint8Array(5)]), 10)).toEqual({
      ok: true,
      text: "\0".repeat(10),
    });
  });
});

/** The front over real HTTP, as `npm start` serves it, in front of nothing: what it does not take is a 404 here. */
describe("serveWebhook", () => {
  let server: http.Server;
  let url: string;
  const SECRET = DEMO_GITHUB_WEBHOOK_SECRETS.acme;
  const stored = async () => ({ deliveries: await db.webhookDelivery.count(), jobs: await db.job.count() });

  useSeededDatabase({ label: "webhookfront" });
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const route = matchWebhookRoute(request.method, request.url);
      if (route) void serveWebhook(request, response, route);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(async () => {
    await db.job.deleteMany();
    await db.webhookDelivery.deleteMany();
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("accepts a signed delivery as the route handler does: 202, the delivery and its job, the security headers", async () => {
    const payload = pullRequestPayload({ repo: "acme/platform", number: 7, title: "ACME-1 Fix", branch: "ACME-1-fix" });
    const delivery = await sendGithubEvent({
      url: `${url}/api/webhooks/github/acme`,
      secret: SECRET,
      event: "pull_request",
      payload,
    });
    expect(delivery.status).toBe(202);
    expect(JSON.parse(delivery.responseBody)).toEqual({ status: "accepted", deliveryId: expect.any(String) });
    expect(await stored()).toEqual({ deliveries: 1, jobs: 1 });

    const again = await fetch(`${url}/api/webhooks/github/acme`, {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body,
    });
    expect(again.status).toBe(200);
    expect(again.headers.get("content-type")).toMatch(/^application\/json/);
    expect(again.headers.get("x-content-type-options")).toBe("nosniff");
    expect(again.headers.get("x-frame-options")).toBe("DENY");
    expect(await again.json()).toMatchObject({ status: "duplicate" });
    expect(await stored()).toEqual({ deliveries: 1, jobs: 1 });
  });

  it("refuses a forged signature and an unknown org, and records nothing", async () => {
    const payload = pullRequestPayload({ repo: "acme/platform", number: 8, title: "ACME-2 Fix", branch: "ACME-2-fix" });
    const forged = await sendGithubEvent({
      url: `${url}/api/webhooks/github/acme`,
      secret: "not-the-secret",
      event: "pull_request",
      payload,
    });
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.responseBody)).toMatchObject({ error: "invalid_signature", reason: "mismatch" });
    const unknown = await sendGithubEvent({
      url: `${url}/api/webhooks/github/nobody`,
      secret: SECRET,
      event: "pull_request",
      payload,
    });
    expect(unknown.status).toBe(404);
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });

  it("refuses a body over 1 MB while the sender still holds it, declared or chunked", async () => {
    const served = {
      url,
      close: async () => {},
      // The front's reads are not counted here; the answer arriving while the client holds the rest is the measure.
      bodyBytesRead: () => 0,
      largestBodyChunk: () => 0,
      whenBodyBytesRead: () => new Promise<void>(() => {}),
    };
    const headers = {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
    };
    for (const declareLength of [true, false]) {
      const answer = await postHeldBody({
        server: served,
        path: "/api/webhooks/github/acme",
        headers,
        firstBytes: 1_200_000,
        totalBytes: 3_000_000,
        declareLength,
      });
      expect(answer).toMatchObject({ status: 413, json: { error: "too_large" }, answeredWhileHolding: true });
    }
    expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
  });
});
