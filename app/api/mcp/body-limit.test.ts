import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKey } from "@/lib/features/api-keys/keys";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { postHeldBody } from "@/test/held-upload";
import { type ServedRoutes, serveRoutes } from "@/test/route-server";
import type * as ApiKeyQueries from "@/lib/db/queries/api-keys";
import * as route from "./route";
import { db } from "@/lib/db/client";

const LIMIT = 1_000_000;
const MB = 1_000_000;

/** The MCP endpoint reads its body with the same 1 MB limit as the webhooks, before the MCP SDK sees it. */
describe("/api/mcp body limit", () => {
  let bosun: ServedRoutes;
  let apiKey: string;

  const headers = () => ({
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    authorization: `Bearer ${apiKey}`,
  });

  beforeAll(async () => {
    bosun = await serveRoutes({ "/api/mcp": (request) => route.POST(request) });
  });
  useSeededDatabase({ label: "mcpbody", seed: { urls: { jira: "http://127.0.0.1:1", sentry: "http://127.0.0.1:1" } } });
  beforeAll(async () => {
    setTestEnv({ BOSUN_PUBLIC_URL: bosun.url });
    const queries: typeof ApiKeyQueries = await import("@/lib/db/queries/api-keys");
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@acme.test" } });
    const generated = generateApiKey();
    await queries.createApiKey({
      orgId: org.id,
      name: "Body limit agent",
      prefix: generated.prefix,
      hashedKey: generated.hash,
      scope: "read_write",
      role: "admin",
      createdById: ada.id,
    });
    apiKey = generated.key;
  });
  afterAll(async () => {
    restoreTestEnv();
    await bosun.close();
  });

  it("finding 1 (body limit): refuses a 3 MB chunked MCP request at 1 MB, before the rest is sent", async () => {
    const writesBefore = { intents: await db.outboxIntent.count(), audit: await db.auditLog.count() };
    const answer = await postHeldBody({
      server: bosun,
      path: "/api/mcp",
      headers: headers(),
      firstBytes: 1.2 * MB,
      totalBytes: 3 * MB,
    });
    expect(answer).toMatchObject({ status: 413, json: { error: "too_large" }, answeredWhileHolding: true });
    expect(answer.bytesRead).toBeGreaterThan(LIMIT);
    expect(answer.bytesRead).toBeLessThanOrEqual(LIMIT + bosun.largestBodyChunk());
    expect({ intents: await db.outboxIntent.count(), audit: await db.auditLog.count() }).toEqual(writesBefore);
  });

  it("finding 1 (body limit): refuses a declared Content-Length over 1 MB at /api/mcp without reading the body", async () => {
    const answer = await postHeldBody({
      server: bosun,
      path: "/api/mcp",
      headers: headers(),
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
  });

  it("still answers a request under the limit, read in full", async () => {
    // A ping padded close to the limit: the body the SDK parses is the one that was counted.
    const body = JSON.stringify({
      jsonrpc: "2.0",
      id: 7,
      method: "ping",
      params: { _meta: { padding: "x".repeat(LIMIT - 200) } },
    });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMIT);
    const response = await fetch(`${bosun.url}/api/mcp`, { method: "POST", headers: headers(), body });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ jsonrpc: "2.0", id: 7, result: {} });
  });
});
