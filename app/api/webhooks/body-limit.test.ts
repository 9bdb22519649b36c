import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { postHeldBody } from "@/test/held-upload";
import { type ServedRoutes, serveRoutes } from "@/test/route-server";
import type * as GithubRoute from "./github/[orgSlug]/route";
import type * as SentryRoute from "./sentry/[orgSlug]/route";
import type * as WorkosRoute from "./workos/route";
import { db } from "@/lib/db/client";

const LIMIT = 1_000_000;
const MB = 1_000_000;

/**
 * Webhook URLs are open to anyone, so their bodies are read as a stream and
 * refused at 1 MB: over real HTTP, the handler must answer 413 while the
 * client still holds most of a 3 MB body, having read no more than the limit
 * and one chunk, and must record nothing.
 */
describe("webhook body limit", () => {
  let bosun: ServedRoutes;
  let sentry: typeof SentryRoute;
  let github: typeof GithubRoute;
  let workos: typeof WorkosRoute;

  const params = (orgSlug: string) => ({ params: Promise.resolve({ orgSlug }) });
  const hooks: { name: string; path: string; headers: Record<string, string> }[] = [
    {
      name: "Sentry",
      path: "/api/webhooks/sentry/acme",
      headers: {
        "content-type": "application/json",
        "sentry-hook-resource": "issue",
        "sentry-hook-timestamp": "0",
        "sentry-hook-signature": "0".repeat(64),
      },
    },
    {
      name: "GitHub",
      path: "/api/webhooks/github/acme",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
      },
    },
    {
      name: "WorkOS",
      path: "/api/webhooks/workos",
      headers: { "content-type": "application/json", "workos-signature": `t=0, v1=${"0".repeat(64)}` },
    },
  ];
  const stored = async () => ({ deliveries: await db.webhookDelivery.count(), jobs: await db.job.count() });

  useSeededDatabase({ label: "bodylimit" });
  beforeAll(async () => {
    bosun = await serveRoutes({
      "/api/webhooks/sentry/acme": (request) => sentry.POST(request, params("acme")),
      "/api/webhooks/github/acme": (request) => github.POST(request, params("acme")),
      "/api/webhooks/workos": (request) => workos.POST(request),
    });
    [sentry, github, workos] = await Promise.all([
      import("./sentry/[orgSlug]/route"),
      import("./github/[orgSlug]/route"),
      import("./workos/route"),
    ]);
  });
  beforeEach(async () => {
    await db.job.deleteMany();
    await db.webhookDelivery.deleteMany();
  });
  afterAll(async () => {
    await bosun.close();
  });

  for (const hook of hooks) {
    it(`finding 1 (body limit): refuses a declared Content-Length over 1 MB at the ${hook.name} webhook without reading the body`, async () => {
      const answer = await postHeldBody({
        server: bosun,
        path: hook.path,
        headers: hook.headers,
        firstBytes: 64 * 1024,
        totalBytes: 3 * MB,
        declareLength: true,
      });
      expect(answer).toMatchObject({
        status: 413,
        json: { error: "too_large" },
        answeredWhileHolding: true,
        bytesRead: 0,
      });
      expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
    });

    it(`finding 1 (body limit): refuses a 3 MB chunked POST to the ${hook.name} webhook at 1 MB, before the rest is sent`, async () => {
      const answer = await postHeldBody({
        server: bosun,
        path: hook.path,
        headers: hook.headers,
        firstBytes: 1.2 * MB,
        totalBytes: 3 * MB,
      });

      expect(answer.status).toBe(413);
      expect(answer.json).toMatchObject({ error: "too_large", message: expect.stringContaining(String(LIMIT)) });
      // The answer came while 1.8 MB were still held back: the handler did not wait for the whole body.
      expect(answer.answeredWhileHolding).toBe(true);
      expect(answer.bytesRead).toBeGreaterThan(LIMIT);
      // What the handler read is the measure of what it held: at most the limit and one chunk, never the 3 MB.
      // (The process's RSS is not: it moves with garbage collection and whatever else the machine is doing.)
      expect(answer.bytesRead).toBeLessThanOrEqual(LIMIT + bosun.largestBodyChunk());
      expect(await stored()).toEqual({ deliveries: 0, jobs: 0 });
    });
  }
});
