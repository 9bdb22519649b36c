import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { RENDER_CACHE_HEADER, startRenderCache, type RenderCache } from "./serve";
import { noteOrgAuthorized, RENDER_TICKET_HEADER, spoilTicket } from "./tickets";

const jwt = (exp: number) =>
  ["e30", Buffer.from(JSON.stringify({ exp: Math.floor(exp / 1000) })).toString("base64url"), "s"].join(".");

/**
 * What Next.js does with a dashboard request, reduced to what the render cache relies on: requireOrg notes the org
 * on the request's ticket; the page streams HTML carrying a fresh CSP nonce in scripts and in the CSP header.
 */
type Render = {
  status?: number;
  authorize?: "acme" | "globex" | "both" | "none";
  setCookie?: boolean;
  fail?: boolean;
  /** Runs between the first and the last chunk. */
  midway?: () => Promise<unknown>;
};

describe("startRenderCache", () => {
  const database = useSeededDatabase({ label: "rendercache", seed: false });
  let renders: RenderCache;
  let server: http.Server;
  let base: string;
  let now = Date.parse("2026-12-04T10:00:00Z");
  let rendered = 0;
  let next: Render = {};
  let tokenExpiresAt = now + 3_600_000;
  const orgIds: Record<string, string> = {};
  const seenTickets: (string | undefined)[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    rendered += 1;
    const ticket = request.headers[RENDER_TICKET_HEADER] as string | undefined;
    seenTickets.push(ticket);
    const { status = 200, authorize = "acme", setCookie = false, fail = false, midway } = next;
    for (const slug of authorize === "both" ? ["acme", "globex"] : authorize === "none" ? [] : [authorize])
      noteOrgAuthorized(ticket, { slug, orgId: orgIds[slug]!, accessToken: jwt(tokenExpiresAt) });
    if (fail) spoilTicket(ticket);
    const nonce = `nonce${rendered}`;
    response.statusCode = status;
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}'`);
    response.setHeader("vary", "rsc");
    response.setHeader("x-request-id", `req-${rendered}`);
    if (setCookie) response.setHeader("set-cookie", "a=b");
    // Next.js streams: the shell first, the Suspense boundaries as they resolve.
    response.write(`<html><script nonce="${nonce}">boot</script><p>render ${rendered}</p>`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await midway?.();
    response.end(
      `<script nonce="${nonce}">done</script><p>accept-encoding: ${request.headers["accept-encoding"] ?? "none"}</p></html>`,
    );
  };

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      headers: { cookie: "wos-session=one", "accept-encoding": "identity", ...headers },
    });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  const gzipGet = (path: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers: { cookie: "wos-session=one", "accept-encoding": "gzip" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ headers: response.headers, body: gunzipSync(Buffer.concat(chunks)).toString("utf8") }),
          );
        })
        .on("error", reject);
    });
  /** A write to the org's data, committed by another connection, and the moment this process has heard of it. */
  const changeOrg = async (slug: string) => {
    const before = renders.stats().changesHeard;
    await database.db.organization.update({ where: { id: orgIds[slug] }, data: { name: `${slug} ${Date.now()}` } });
    await vi.waitFor(() => expect(renders.stats().changesHeard).toBeGreaterThan(before), {
      timeout: 30_000,
      interval: 10,
    });
  };
  const cacheOf = async (path: string) => (await get(path)).headers.get(RENDER_CACHE_HEADER);

  beforeAll(async () => {
    for (const slug of ["acme", "globex"])
      orgIds[slug] = (
        await database.db.organization.create({ data: { workosOrgId: `wos_${slug}`, slug, name: slug } })
      ).id;
    renders = startRenderCache({ databaseUrl: database.url, ttlMs: 30_000, clock: () => now });
    await renders.listening();
    server = http.createServer((request, response) => renders.serve(request, response, handle));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await renders.stop();
  });
  beforeEach(() => {
    next = {};
    now += 3_600_000; // whatever earlier tests kept has expired
    tokenExpiresAt = now + 3_600_000;
  });

  it("answers the same session's next load from the render, with a nonce and a request id of its own", async () => {
    const first = await get("/acme/errors?period=24h");
    expect(first.headers.get(RENDER_CACHE_HEADER)).toBe("miss");
    const count = rendered;
    now += 10_000;
    const second = await get("/acme/errors?period=24h");
    expect(rendered).toBe(count);
    expect(second.headers.get(RENDER_CACHE_HEADER)).toBe("hit");
    expect(second.headers.get("server-timing")).toBe("age;dur=10000");

    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const [firstNonce, secondNonce] = [
      nonceOf(first.headers.get("content-security-policy")),
      nonceOf(second.headers.get("content-security-policy")),
    ];
    expect(secondNonce).toBeDefined();
    expect(secondNonce).not.toBe(firstNonce);
    expect(second.body).toBe(first.body.replaceAll(firstNonce!, secondNonce!));
    expect(second.body).not.toContain(firstNonce);
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(second.headers.get("vary")).toBe("rsc");
  });

  it("never lets Next.js compress, and gzips for the client both when rendering and when answering again", async () => {
    const first = await gzipGet("/acme/sprints");
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers.vary).toBe("rsc, accept-encoding");
    expect(first.body).toContain("accept-encoding: none");
    const second = await gzipGet("/acme/sprints");
    expect(second.headers[RENDER_CACHE_HEADER]).toBe("hit");
    expect(second.headers["content-encoding"]).toBe("gzip");
    const withoutNonces = (html: string) => html.replaceAll(/nonce="[^"]*"/g, 'nonce=""');
    expect(withoutNonces(second.body)).toBe(withoutNonces(first.body));
  });

  it("renders again for another session, another URL, and a client's own ticket header", async () => {
    await get("/acme/releases");
    const count = rendered;
    await get("/acme/releases", { cookie: "wos-session=two" });
    await get("/acme/releases?page=2");
    expect(rendered).toBe(count + 2);
    const forged = await get("/acme/overview-is-not-cached", { [RENDER_TICKET_HEADER]: "mine" });
    expect(forged.headers.get(RENDER_CACHE_HEADER)).toBeNull();
    expect(seenTickets.at(-1)).toBeUndefined();
  });

  it("renders again as soon as the org's data changes, in any process; another org's change leaves it", async () => {
    await get("/acme/errors");
    next = { authorize: "globex" };
    await get("/globex/errors");
    expect(await cacheOf("/globex/errors")).toBe("hit");
    await changeOrg("globex");
    expect(await cacheOf("/acme/errors")).toBe("hit");
    expect(await cacheOf("/globex/errors")).toBe("miss");
    next = {};
    await changeOrg("acme");
    expect(await cacheOf("/acme/errors")).toBe("miss");
  });

  it("keeps nothing when the data changed while the page was rendering", async () => {
    next = { midway: () => changeOrg("acme") };
    expect(await cacheOf("/acme/performance")).toBe("miss");
    next = {};
    expect(await cacheOf("/acme/performance")).toBe("miss");
    expect(await cacheOf("/acme/performance")).toBe("hit");
  });

  it("keeps only what the session was let into: one org, the URL's, rendered without error, cookie or other status", async () => {
    for (const render of [
      { authorize: "none" },
      { authorize: "globex" },
      { authorize: "both" },
      { fail: true },
      { setCookie: true },
      { status: 404 },
    ] satisfies Render[]) {
      next = render;
      await get("/acme");
      const count = rendered;
      await get("/acme");
      expect(rendered, JSON.stringify(render)).toBe(count + 1);
    }
  });

  it("answers from a render for at most the time allowed, and never past the session's access token", async () => {
    await get("/acme/sprints?x=ttl");
    now += 29_999;
    expect(await cacheOf("/acme/sprints?x=ttl")).toBe("hit");
    now += 1;
    expect(await cacheOf("/acme/sprints?x=ttl")).toBe("miss");

    // Counted from when the render began, not from when it ended.
    next = {
      midway: async () => {
        now += 10_000;
      },
    };
    await get("/acme/sprints?x=slow");
    next = {};
    now += 19_999;
    expect(await cacheOf("/acme/sprints?x=slow")).toBe("hit");
    now += 1;
    expect(await cacheOf("/acme/sprints?x=slow")).toBe("miss");

    tokenExpiresAt = now + 5_000;
    await get("/acme/sprints?x=token");
    now += 4_999;
    expect(await cacheOf("/acme/sprints?x=token")).toBe("hit");
    now += 1;
    expect(await cacheOf("/acme/sprints?x=token")).toBe("miss");
  });

  it("answers nothing from memory while it cannot hear changes, and starts again once it listens again", async () => {
    await get("/acme/releases?x=down");
    expect(await cacheOf("/acme/releases?x=down")).toBe("hit");
    const before = renders.stats().changesHeard;
    await database.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bosun-listener-bosun_org_data' AND datname = current_database()",
    );
    await vi.waitFor(async () => expect(await cacheOf("/acme/releases?x=down")).toBe("miss"), { timeout: 30_000 });
    expect(await cacheOf("/acme/releases?x=down")).toBe("miss");
    // It reconnects within seconds; a change made meanwhile was never heard, so nothing from before counts.
    await vi.waitFor(
      async () => {
        await get("/acme/releases?x=down");
        expect(await cacheOf("/acme/releases?x=down")).toBe("hit");
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(renders.stats().changesHeard).toBe(before);
  });
});
