import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { clearFaults, closedPortUrl, setFaults } from "@/test/integrations";
import { SENTRY_TIMEOUT_MS } from "./client";
import { testSentryConnection } from "./connection";

const DEMO = { organizationSlug: "acme", authToken: "sentry-demo-token" };

let emulator: RunningSentryEmulator;

beforeAll(async () => {
  emulator = await startSentryEmulator({ port: 0, now: new Date("2026-11-20T12:00:00Z"), seed: 42 });
});

afterAll(async () => {
  await emulator.close();
});

afterEach(async () => {
  await clearFaults(emulator.url);
});

describe("testSentryConnection against the Sentry emulator", () => {
  it("counts the organization's projects with the demo token", async () => {
    // acme has web, api, worker and Bosun's own project; globex has the first three.
    await expect(
      testSentryConnection({ baseUrl: emulator.url, ...DEMO, requestId: "req-sentry-test-2" }),
    ).resolves.toEqual({ ok: true, organization: { slug: "acme" }, projectCount: 4 });
    await expect(testSentryConnection({ baseUrl: emulator.url, ...DEMO, organizationSlug: "globex" })).resolves.toEqual(
      { ok: true, organization: { slug: "globex" }, projectCount: 3 },
    );
  });

  it("reports a wrong token as bad credentials", async () => {
    const result = await testSentryConnection({ baseUrl: emulator.url, ...DEMO, authToken: "not-the-token" });
    expect(result).toEqual({
      ok: false,
      reason: "bad_credentials",
      status: 401,
      message:
        "Sentry rejected the auth token (401). Check that it was copied whole, or create a new one in Sentry under Settings → Auth Tokens.",
    });
  });

  it("reports an unknown organization as the wrong organization", async () => {
    const result = await testSentryConnection({ baseUrl: emulator.url, ...DEMO, organizationSlug: "initech" });
    expect(result).toMatchObject({ ok: false, reason: "wrong_organization", status: 404 });
    expect(result.ok || result.message).toMatch(
      /^Sentry has no organization "initech" at http:\/\/127\.0\.0\.1:\d+, or the token cannot see it \(404\)\./,
    );
  });

  it("reports an empty organization slug without calling Sentry", async () => {
    await expect(
      testSentryConnection({ baseUrl: emulator.url, ...DEMO, organizationSlug: " " }),
    ).resolves.toMatchObject({ ok: false, reason: "wrong_organization" });
  });

  it("reports a base URL that is not a URL, and a closed port, as unreachable", async () => {
    await expect(testSentryConnection({ baseUrl: "sentry.io", ...DEMO })).resolves.toMatchObject({
      ok: false,
      reason: "unreachable",
      message: expect.stringContaining('"sentry.io" is not a web address'),
    });
    const baseUrl = await closedPortUrl();
    await expect(testSentryConnection({ baseUrl, ...DEMO })).resolves.toEqual({
      ok: false,
      reason: "unreachable",
      message: `Could not reach ${new URL(baseUrl).host} (ECONNREFUSED). Check the base URL and that Bosun's server can reach it.`,
    });
  });

  it("reports the emulator's injected 429 as rate limited, with its Retry-After", async () => {
    await setFaults(emulator.url, { rateLimitRate: 1 });
    await expect(testSentryConnection({ baseUrl: emulator.url, ...DEMO })).resolves.toEqual({
      ok: false,
      reason: "rate_limited",
      status: 429,
      message: "Sentry is limiting requests from this token (429). Try again in 1 s.",
    });
  });

  it("reports a server that never answers as a timeout", async () => {
    await setFaults(emulator.url, { hangRate: 1 });
    const started = Date.now();
    await expect(testSentryConnection({ baseUrl: emulator.url, ...DEMO, timeoutMs: 300 })).resolves.toEqual({
      ok: false,
      reason: "timeout",
      message: "Sentry did not answer within 0.3 s. Try again; if it keeps happening, check status.sentry.io.",
    });
    // It gave up after the 0.3 s asked for, not after the default timeout; the bound is the default, not a guess at machine speed.
    expect(Date.now() - started).toBeLessThan(SENTRY_TIMEOUT_MS);
  });
});

describe("testSentryConnection and internal addresses", () => {
  it("finding 4 (SSRF): refuses a Sentry URL on a private network and says how to allow it", async () => {
    await expect(
      testSentryConnection({ baseUrl: "http://192.168.1.20:9000", ...DEMO, timeoutMs: 2_000 }),
    ).resolves.toEqual({
      ok: false,
      reason: "blocked_address",
      message:
        "Bosun does not connect to internal addresses: 192.168.1.20 is a private address; add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it.",
    });
  });
});
