import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseUpstreamHosts } from "@/lib/platform/env/upstream-hosts";
import {
  HTML_PAGE,
  redirectTo,
  type RecordingServer,
  startFloodServer,
  startRecordingServer,
  watchSockets,
} from "@/test/integrations";
import { createUpstreamAgents } from "./upstream-agent";
import { UpstreamAddressRefusedError, UpstreamAnswerTooLargeError } from "./upstream-errors";
import { createUpstreamPolicy, type ResolveHost } from "./upstream-policy";
import { requestUpstream } from "./upstream-request";

/**
 * The pinned agents and the request function, against servers on loopback.
 * DNS is a function the test controls, so "which address was checked" and
 * "which address was connected to" can both be observed.
 */

/** A name resolver that answers from a script and records every question. */
function scriptedResolver(answers: Record<string, string[][]>) {
  const asked: string[] = [];
  const resolve: ResolveHost = async (hostname) => {
    asked.push(hostname);
    const script = answers[hostname] ?? [];
    const addresses = script[Math.min(asked.filter((name) => name === hostname).length - 1, script.length - 1)] ?? [];
    if (addresses.length === 0)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { resolve, asked };
}

const agentsFor = (allow: string, resolve: ResolveHost) =>
  createUpstreamAgents(createUpstreamPolicy({ allowedHosts: parseUpstreamHosts(allow).rules, resolve }));

async function failureOf(call: Promise<unknown>): Promise<Error> {
  const outcome: unknown = await call.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error("expected the request to fail");
  return outcome;
}

describe("requests through the pinned agents", () => {
  let server: RecordingServer;

  beforeAll(async () => {
    server = await startRecordingServer({ status: 200, contentType: "application/json", body: '{"ok":true}' });
  });
  afterAll(async () => {
    await server.close();
  });

  it("finding 4 (SSRF): refuses a name that resolves to an internal address without connecting to it", async () => {
    const dns = scriptedResolver({ "loop.test": [["127.0.0.1"]] });
    const before = server.connections();
    const error = await failureOf(
      requestUpstream({
        url: `http://loop.test:${server.port}/`,
        method: "GET",
        headers: {},
        timeoutMs: 10_000,
        agents: agentsFor("", dns.resolve),
      }),
    );
    expect(error).toBeInstanceOf(UpstreamAddressRefusedError);
    expect(error.message).toBe(
      "loop.test resolves to a loopback address (127.0.0.1); add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it",
    );
    expect(dns.asked).toEqual(["loop.test"]);
    expect(server.connections()).toBe(before);
  });

  it("finding 4 (SSRF): refuses an internal IP address in the URL itself, where no lookup happens", async () => {
    const dns = scriptedResolver({});
    const before = server.connections();
    const error = await failureOf(
      requestUpstream({
        url: `${server.url}/`,
        method: "GET",
        headers: {},
        timeoutMs: 10_000,
        agents: agentsFor("", dns.resolve),
      }),
    );
    expect(error.message).toBe("127.0.0.1 is a loopback address; add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it");
    expect(server.connections()).toBe(before);
    await expect(
      requestUpstream({
        url: `http://[::ffff:127.0.0.1]:${server.port}/`,
        method: "GET",
        headers: {},
        timeoutMs: 10_000,
        agents: agentsFor("", dns.resolve),
      }),
    ).rejects.toThrow("::ffff:7f00:1 is a loopback address");
    expect(dns.asked).toEqual([]);
  });

  it("finding 4 (SSRF): connects to the address it checked, and a later answer that turns internal is refused (no DNS rebinding)", async () => {
    // First answer: an address the allow-list admits; every later answer: one it does not.
    const dns = scriptedResolver({ "rebind.test": [["127.0.0.1"], ["10.0.0.5"]] });
    const agents = agentsFor("127.0.0.1", dns.resolve);
    const requestsBefore = server.requests.length;

    const first = await requestUpstream({
      url: `http://rebind.test:${server.port}/first`,
      method: "GET",
      headers: {},
      timeoutMs: 10_000,
      agents,
    });
    expect(first).toMatchObject({ status: 200, text: '{"ok":true}' });
    expect(dns.asked).toEqual(["rebind.test"]);
    expect(server.requests.slice(requestsBefore).map((r) => r.path)).toEqual(["/first"]);

    agents.http.destroy(); // no kept-alive socket: the next request has to resolve again
    const error = await failureOf(
      requestUpstream({
        url: `http://rebind.test:${server.port}/second`,
        method: "GET",
        headers: {},
        timeoutMs: 10_000,
        agents,
      }),
    );
    expect(error.message).toBe(
      "rebind.test resolves to a private address (10.0.0.5); add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it",
    );
    expect(dns.asked).toEqual(["rebind.test", "rebind.test"]);
    expect(server.requests.slice(requestsBefore).map((r) => r.path)).toEqual(["/first"]);
  });

  it("finding 4 (SSRF): does not follow a redirect, even to an allowed host", async () => {
    const elsewhere = await startRecordingServer(HTML_PAGE);
    const mover = await startRecordingServer(redirectTo(`${elsewhere.url}/stolen`));
    try {
      const answer = await requestUpstream({
        url: `${mover.url}/api/0/`,
        method: "GET",
        headers: { authorization: "Bearer secret" },
        timeoutMs: 10_000,
        agents: agentsFor("127.0.0.1", scriptedResolver({}).resolve),
      });
      expect(answer.status).toBe(302);
      expect(mover.requests).toHaveLength(1);
      expect(elsewhere.connections()).toBe(0);
    } finally {
      await Promise.all([mover.close(), elsewhere.close()]);
    }
  });

  it("finding 4 (SSRF): cuts a 20 MB answer off at 10 MB with an error", async () => {
    const flood = await startFloodServer(20 * 1024 * 1024);
    const agents = agentsFor("127.0.0.1", scriptedResolver({}).resolve);
    const sockets = watchSockets(agents.http);
    try {
      const error = await failureOf(
        requestUpstream({ url: `${flood.url}/`, method: "GET", headers: {}, timeoutMs: 60_000, agents }),
      );
      expect(error).toBeInstanceOf(UpstreamAnswerTooLargeError);
      expect(error.message).toBe("the answer was larger than 10 MB, so Bosun stopped reading it");
      expect(sockets).toHaveLength(1);
      expect(sockets[0]?.destroyed).toBe(true);
      expect(sockets[0]?.bytesRead).toBeGreaterThan(10 * 1024 * 1024);
      expect(sockets[0]?.bytesRead).toBeLessThan(11 * 1024 * 1024);
    } finally {
      await flood.close();
    }
  });

  it("gives up on a server that never answers, with the error AbortSignal.timeout gives", async () => {
    const hanging = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = hanging.address() as AddressInfo;
      const error = await failureOf(
        requestUpstream({
          url: `http://127.0.0.1:${port}/`,
          method: "GET",
          headers: {},
          timeoutMs: 200,
          agents: agentsFor("127.0.0.1", scriptedResolver({}).resolve),
        }),
      );
      expect(error.name).toBe("TimeoutError");
    } finally {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });
});

// A throwaway self-signed certificate for jira.test, good for a century; it protects nothing.
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgbc6bLBpe+F54dyhK
YEE+lmP6Wl2dXGEEef0h95WhrLShRANCAAR6WrkS7JgcA/BYt8x7z+O0yUWc1OHp
MSCvNKeB+CU/I/Nc8xEC8ny3+HNtSgfGk2OW9Ybqs+Y1raBkrwnE3yAp
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBlTCCATugAwIBAgIUWfIOJ2Ie2yWZoEwADe2D5kxzDRYwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJamlyYS50ZXN0MCAXDTI2MTIwMjIwNDkyM1oYDzIxMjYxMTA4
MjA0OTIzWjAUMRIwEAYDVQQDDAlqaXJhLnRlc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAR6WrkS7JgcA/BYt8x7z+O0yUWc1OHpMSCvNKeB+CU/I/Nc8xEC8ny3
+HNtSgfGk2OW9Ybqs+Y1raBkrwnE3yApo2kwZzAdBgNVHQ4EFgQU9xbUog3DRrrx
43FLqa0OB3b+zj4wHwYDVR0jBBgwFoAU9xbUog3DRrrx43FLqa0OB3b+zj4wDwYD
VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALgglqaXJhLnRlc3QwCgYIKoZIzj0EAwID
SAAwRQIgMwEYAo9l23XPZsaZOEsOzcyv9iQGg7xl3G6/ulrVLloCIQDBzOL/KHC/
tiiW07j6qlER5JJ5RWQSozNmwW3DWt333w==
-----END CERTIFICATE-----`;

describe("https through the pinned agents", () => {
  it("finding 4 (SSRF): connects to the checked address but keeps the host name for SNI and certificate checks", async () => {
    const serverNames: string[] = [];
    const context = tls.createSecureContext({ key: TEST_KEY, cert: TEST_CERT });
    const server = https.createServer(
      { key: TEST_KEY, cert: TEST_CERT, SNICallback: (name, done) => (serverNames.push(name), done(null, context)) },
      (_req, res) => res.end("{}"),
    );
    server.on("tlsClientError", () => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const dns = scriptedResolver({ "jira.test": [["127.0.0.1"]] });
      const error = await failureOf(
        requestUpstream({
          url: `https://jira.test:${port}/`,
          method: "GET",
          headers: {},
          timeoutMs: 10_000,
          agents: agentsFor("127.0.0.1", dns.resolve),
        }),
      );
      // The certificate is checked (and refused: nobody vouches for it) as jira.test's, on 127.0.0.1.
      expect((error as NodeJS.ErrnoException).code).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
      expect(dns.asked).toEqual(["jira.test"]);
      expect(serverNames).toEqual(["jira.test"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
