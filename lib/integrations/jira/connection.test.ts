import type * as Dns from "node:dns/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import {
  clearFaults,
  closedPortUrl,
  HTML_PAGE,
  type RecordingServer,
  redirectTo,
  setFaults,
  startFloodServer,
  startRecordingServer,
} from "@/test/integrations";
import { JIRA_TIMEOUT_MS } from "./client";
import { testJiraConnection } from "./connection";

// Names that resolve to internal addresses, as a hostile or mistaken DNS record would; every other name resolves as usual.
vi.mock("node:dns/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof Dns>();
  const internal: Record<string, string> = { "metadata.test": "169.254.169.254", "intranet.test": "10.0.0.5" };
  const lookup = (async (hostname: string, options: object) =>
    internal[hostname]
      ? [{ address: internal[hostname], family: 4 }]
      : actual.lookup(hostname, options)) as typeof actual.lookup;
  return { ...actual, lookup, default: { ...actual, lookup } };
});

const ADA = { email: "ada@acme.test", apiToken: "jira-demo-token" };

let emulator: JiraEmulator;

beforeAll(async () => {
  emulator = await startJiraEmulator({ port: 0, now: new Date("2026-11-20T12:00:00Z"), seed: 42 });
});

afterAll(async () => {
  await emulator.close();
});

afterEach(async () => {
  await clearFaults(emulator.url);
});

describe("testJiraConnection against the Jira emulator", () => {
  it("identifies the account and the site with the demo credentials", async () => {
    const ada = emulator.store().sites.get("acme")?.findUserByEmail(ADA.email);
    const result = await testJiraConnection({ siteUrl: `${emulator.url}/acme`, ...ADA, requestId: "req-jira-test-1" });
    expect(result).toEqual({
      ok: true,
      account: { accountId: ada?.accountId, displayName: ada?.displayName, email: ADA.email },
      site: { baseUrl: `${emulator.url}/acme`, title: "Jira", deploymentType: "Cloud", version: expect.any(String) },
    });
  });

  it("reports a wrong API token as bad credentials", async () => {
    const result = await testJiraConnection({
      siteUrl: `${emulator.url}/acme`,
      email: ADA.email,
      apiToken: "not-the-token",
    });
    expect(result).toMatchObject({ ok: false, reason: "bad_credentials", status: 401 });
    expect(result.ok || result.message).toMatch(
      /^Jira rejected the e-mail and API token \(401\)\. .*id\.atlassian\.com/,
    );
  });

  it("reports an unknown site as the wrong site", async () => {
    const result = await testJiraConnection({ siteUrl: `${emulator.url}/no-such-site`, ...ADA });
    expect(result).toEqual({
      ok: false,
      reason: "wrong_site",
      status: 404,
      message: `${emulator.url}/no-such-site has no Jira site (404). Enter the site's address without a path after it, e.g. https://your-company.atlassian.net.`,
    });
  });

  it("reports a site address that is not a URL as the wrong site", async () => {
    const result = await testJiraConnection({ siteUrl: "acme.atlassian.net", ...ADA });
    expect(result).toMatchObject({ ok: false, reason: "wrong_site" });
    expect(result.ok || result.message).toContain('"acme.atlassian.net" is not a web address');
  });

  it("reports a closed port as unreachable", async () => {
    const siteUrl = `${await closedPortUrl()}/acme`;
    const result = await testJiraConnection({ siteUrl, ...ADA });
    expect(result).toEqual({
      ok: false,
      reason: "unreachable",
      message: `Could not reach ${new URL(siteUrl).host} (ECONNREFUSED). Check the site address and that Bosun's server can reach it.`,
    });
  });

  it("reports the emulator's injected 429 as rate limited, with its Retry-After", async () => {
    await setFaults(emulator.url, { rateLimitRate: 1 });
    const result = await testJiraConnection({ siteUrl: `${emulator.url}/acme`, ...ADA });
    expect(result).toEqual({
      ok: false,
      reason: "rate_limited",
      status: 429,
      message: "Jira is limiting requests from this account (429). Try again in 1 s.",
    });
  });

  it("reports a server that never answers as a timeout", async () => {
    await setFaults(emulator.url, { hangRate: 1 });
    const started = Date.now();
    const result = await testJiraConnection({ siteUrl: `${emulator.url}/acme`, ...ADA, timeoutMs: 300 });
    expect(result).toEqual({
      ok: false,
      reason: "timeout",
      message: "Jira did not answer within 0.3 s. Try again; if it keeps happening, check status.atlassian.com.",
    });
    // It gave up after the 0.3 s asked for, not after the default timeout; the bound is the default, not a guess at machine speed.
    expect(Date.now() - started).toBeLessThan(JIRA_TIMEOUT_MS);
  });
});

describe("testJiraConnection against other servers", () => {
  let server: RecordingServer;

  beforeAll(async () => {
    server = await startRecordingServer(HTML_PAGE);
  });

  afterAll(async () => {
    await server.close();
  });

  it("reports a web page that answers 200 as the wrong site", async () => {
    const result = await testJiraConnection({ siteUrl: server.url, ...ADA });
    expect(result).toEqual({
      ok: false,
      reason: "wrong_site",
      message: `${server.url} answered, but not as Jira does. Enter the site's address without a path after it, e.g. https://your-company.atlassian.net.`,
    });
  });

  // The emulator keeps no request log, so a plain server observes what jira.js sends.
  it("sends the request id and Basic auth on every call", async () => {
    server.requests.length = 0;
    await testJiraConnection({ siteUrl: `${server.url}/acme`, ...ADA, requestId: "req-jira-test-2" });
    expect(server.requests.map((r) => r.path).sort()).toEqual([
      "/acme/rest/api/3/myself",
      "/acme/rest/api/3/serverInfo",
    ]);
    for (const { headers } of server.requests) {
      expect(headers["x-request-id"]).toBe("req-jira-test-2");
      expect(headers.authorization).toBe(`Basic ${Buffer.from(`${ADA.email}:${ADA.apiToken}`).toString("base64")}`);
    }
  });
});

describe("testJiraConnection and internal addresses", () => {
  it("finding 4 (SSRF): refuses a Jira site whose name resolves to 169.254.169.254, without connecting", async () => {
    const result = await testJiraConnection({ siteUrl: "http://metadata.test/acme", ...ADA, timeoutMs: 2_000 });
    expect(result).toEqual({
      ok: false,
      reason: "blocked_address",
      message:
        "Bosun does not connect to internal addresses: metadata.test resolves to a cloud metadata address (169.254.169.254); add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it.",
    });
  });

  it("finding 4 (SSRF): refuses a Jira site on a private network, by name or by address", async () => {
    await expect(
      testJiraConnection({ siteUrl: "https://intranet.test", ...ADA, timeoutMs: 2_000 }),
    ).resolves.toMatchObject({
      ok: false,
      reason: "blocked_address",
      message: expect.stringContaining("intranet.test resolves to a private address (10.0.0.5)"),
    });
    await expect(
      testJiraConnection({ siteUrl: "http://10.0.0.5/acme", ...ADA, timeoutMs: 2_000 }),
    ).resolves.toMatchObject({
      ok: false,
      reason: "blocked_address",
      message: expect.stringContaining("10.0.0.5 is a private address"),
    });
  });

  it("finding 4 (SSRF): does not follow a redirect, so the token never reaches where it points", async () => {
    const elsewhere = await startRecordingServer(HTML_PAGE);
    const mover = await startRecordingServer(redirectTo(`${elsewhere.url}/collect`));
    try {
      const result = await testJiraConnection({ siteUrl: mover.url, ...ADA });
      expect(result).toEqual({
        ok: false,
        reason: "wrong_site",
        status: 302,
        message: `${mover.url} redirects elsewhere (302), and Bosun does not follow redirects. Enter the address the site ends up at, e.g. https://your-company.atlassian.net.`,
      });
      expect(elsewhere.connections()).toBe(0);
    } finally {
      await Promise.all([mover.close(), elsewhere.close()]);
    }
  });

  it("finding 4 (SSRF): stops reading a 20 MB answer at 10 MB and says so", async () => {
    const flood = await startFloodServer(20 * 1024 * 1024);
    try {
      const result = await testJiraConnection({ siteUrl: flood.url, ...ADA, timeoutMs: 60_000 });
      expect(result).toEqual({
        ok: false,
        reason: "wrong_site",
        message: `${flood.url} sent an answer larger than 10 MB, so Bosun stopped reading it. Check the site address.`,
      });
    } finally {
      await flood.close();
    }
  });
});
