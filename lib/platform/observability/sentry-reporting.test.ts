import { NodeClient, defaultStackParser, makeNodeTransport } from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SENTRY_DSN, SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { parseEnv } from "@/lib/platform/env/schema";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { sharedSentryOptions } from "./sentry-options";

/** Bosun's own errors, sent with Bosun's SDK options to the emulated Sentry exactly as demo mode does. */
describe("self-monitoring", () => {
  let sentry: RunningSentryEmulator;
  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
  });
  afterAll(() => sentry.close());

  it("demo mode's DSN names the emulated Sentry's bosun project", () => {
    expect(parseEnv({}).sentry.dsn).toBe(DEMO_SENTRY_DSN);
    expect(sentry.dsnFor("acme", "bosun").replace(/:\d+\//, ":4103/")).toBe(DEMO_SENTRY_DSN);
  });

  it("reports an error with personal data and secrets scrubbed", async () => {
    const dsn = sentry.dsnFor("acme", "bosun");
    const client = new NodeClient({
      ...sharedSentryOptions({ dsn, environment: "demo", release: "0.1.0" }),
      transport: makeNodeTransport,
      stackParser: defaultStackParser,
      integrations: [],
      sendClientReports: false,
    });
    client.captureException(new Error("Jira refused grace@acme.test with Bearer abc.def.ghi"), {
      captureContext: { user: { id: "user_1", email: "grace@acme.test" }, tags: { org: "acme", role: "manager" } },
    });
    expect(await client.flush(5_000)).toBe(true);

    const response = await fetch(
      `${sentry.url}/api/0/organizations/acme/issues/?query=Jira%20refused&statsPeriod=24h`,
      { headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` } },
    );
    const issues = (await response.json()) as { id: string; title: string; project: { slug: string } }[];
    expect(issues).toHaveLength(1);
    expect(issues[0]?.project.slug).toBe("bosun");
    expect(issues[0]?.title).toBe("Error: Jira refused [redacted] with Bearer [redacted]");

    const latest = await fetch(`${sentry.url}/api/0/organizations/acme/issues/${issues[0]?.id}/events/latest/`, {
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
    });
    const event = JSON.stringify(await latest.json());
    expect(event).not.toContain("grace@acme.test");
    expect(event).not.toContain("abc.def.ghi");
  });

  it("sends nothing without a DSN", () => {
    expect(sharedSentryOptions({ dsn: undefined, environment: "live", release: undefined }).enabled).toBe(false);
  });
});
