import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { IntegrationError } from "@/lib/integrations/integration-error";
import {
  HTML_PAGE,
  type RecordingServer,
  redirectTo,
  startFloodServer,
  startRecordingServer,
} from "@/test/integrations";
import { createSentryClient } from "./client";

const DEMO = { organizationSlug: "acme", authToken: "sentry-demo-token" };

let emulator: RunningSentryEmulator;

beforeAll(async () => {
  emulator = await startSentryEmulator({ port: 0, now: new Date("2026-11-20T12:00:00Z"), seed: 42 });
});

afterAll(async () => {
  await emulator.close();
});

async function rejection(call: Promise<unknown>): Promise<IntegrationError> {
  const error: unknown = await call.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof IntegrationError)) throw new Error(`expected an IntegrationError, got ${String(error)}`);
  return error;
}

describe("createSentryClient against the Sentry emulator", () => {
  it("exposes the Link header's cursors without following them", async () => {
    const client = createSentryClient({ baseUrl: emulator.url, ...DEMO });
    const first = await client.get<{ slug: string }[]>("/organizations/acme/projects/", { per_page: 3 });
    expect(first.data).toHaveLength(3);
    expect(first.cursors).toEqual({ next: "0:3:0", previous: null });

    const second = await client.get<{ slug: string }[]>("/organizations/acme/projects/", {
      per_page: 3,
      cursor: first.cursors.next ?? undefined,
    });
    expect(second.data.map((p) => p.slug)).not.toContain(first.data[0]?.slug);
    expect(second.cursors.next).toBeNull();
    expect(second.cursors.previous).toBe("0:0:1");
  });

  it("throws an IntegrationError with Sentry's detail for a non-2xx answer", async () => {
    const client = createSentryClient({ baseUrl: emulator.url, ...DEMO });
    const error = await rejection(client.get("/organizations/no-such-org/projects/"));
    expect(error).toMatchObject({
      service: "sentry",
      reason: "not_found",
      status: 404,
      message: "Sentry answered 404 to GET /organizations/no-such-org/projects/: The requested resource does not exist",
    });
  });

  it("tolerates a trailing slash on the base URL", async () => {
    const client = createSentryClient({ baseUrl: `${emulator.url}/`, ...DEMO });
    await expect(client.get("/organizations/acme/projects/")).resolves.toMatchObject({ data: expect.any(Array) });
  });
});

describe("createSentryClient against other servers", () => {
  let server: RecordingServer;

  beforeAll(async () => {
    server = await startRecordingServer(HTML_PAGE);
  });

  afterAll(async () => {
    await server.close();
  });

  it("refuses a 2xx answer that is not JSON", async () => {
    const client = createSentryClient({ baseUrl: server.url, ...DEMO });
    const error = await rejection(client.get("/organizations/acme/projects/"));
    expect(error).toMatchObject({ service: "sentry", reason: "invalid_response", status: 200 });
  });

  // The emulator keeps no request log, so a plain server observes what the client sends.
  it("sends the bearer token, the request id and repeated parameters", async () => {
    server.requests.length = 0;
    const client = createSentryClient({ baseUrl: server.url, ...DEMO, requestId: "req-sentry-test-1" });
    await rejection(
      client.get("/organizations/acme/issues/", {
        project: [1, 2],
        query: "is:unresolved level:error",
        statsPeriod: undefined,
      }),
    );
    expect(server.requests).toEqual([
      {
        method: "GET",
        path: "/api/0/organizations/acme/issues/?project=1&project=2&query=is%3Aunresolved+level%3Aerror",
        headers: expect.objectContaining({
          authorization: "Bearer sentry-demo-token",
          "x-request-id": "req-sentry-test-1",
        }),
      },
    ]);
  });
});

describe("createSentryClient and the outbound policy", () => {
  it("finding 4 (SSRF): refuses an internal address without sending the token there", async () => {
    const client = createSentryClient({ baseUrl: "http://169.254.169.254", ...DEMO, timeoutMs: 2_000 });
    const error = await rejection(client.get("/organizations/acme/projects/"));
    expect(error).toMatchObject({
      service: "sentry",
      reason: "blocked_address",
      code: "EUPSTREAMREFUSED",
      message: "169.254.169.254 is a cloud metadata address; add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it",
    });
  });

  it("finding 4 (SSRF): does not follow a redirect, so the token never reaches where it points", async () => {
    const elsewhere = await startRecordingServer(HTML_PAGE);
    const mover = await startRecordingServer(redirectTo(`${elsewhere.url}/collect`));
    try {
      const error = await rejection(
        createSentryClient({ baseUrl: mover.url, ...DEMO }).get("/organizations/acme/projects/"),
      );
      expect(error).toMatchObject({
        service: "sentry",
        status: 302,
        message: "Sentry answered 302 to GET /organizations/acme/projects/, a redirect, which Bosun does not follow",
      });
      expect(elsewhere.connections()).toBe(0);
    } finally {
      await Promise.all([mover.close(), elsewhere.close()]);
    }
  });

  it("finding 4 (SSRF): stops reading a 20 MB answer at 10 MB with an error", async () => {
    const flood = await startFloodServer(20 * 1024 * 1024);
    try {
      const error = await rejection(
        createSentryClient({ baseUrl: flood.url, ...DEMO, timeoutMs: 60_000 }).get("/organizations/acme/projects/"),
      );
      expect(error).toMatchObject({
        service: "sentry",
        reason: "invalid_response",
        code: "EUPSTREAMTOOLARGE",
        message:
          "Sentry's answer to GET /organizations/acme/projects/ was larger than 10 MB, so Bosun stopped reading it",
      });
    } finally {
      await flood.close();
    }
  });
});
