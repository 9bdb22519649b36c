import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOSUN_DSN_PUBLIC_KEY, type RunningSentryEmulator } from "./index";
import { call, startTestEmulator } from "./test-support";

/** Envelopes written by hand in the SDK's wire format, including gzip and explicit item lengths. */

let em: RunningSentryEmulator;
beforeAll(async () => {
  em = await startTestEmulator();
});
afterAll(() => em.close());

const BOSUN_ID = "4500003";

function envelope(
  items: { type: string; payload: unknown; withLength?: boolean }[],
  header: Record<string, unknown> = {},
): string {
  const lines = [
    JSON.stringify({
      sent_at: new Date().toISOString(),
      sdk: { name: "sentry.javascript.nextjs", version: "11.0.0" },
      ...header,
    }),
  ];
  for (const item of items) {
    const payload = typeof item.payload === "string" ? item.payload : JSON.stringify(item.payload);
    lines.push(
      JSON.stringify(item.withLength ? { type: item.type, length: Buffer.byteLength(payload) } : { type: item.type }),
      payload,
    );
  }
  return `${lines.join("\n")}\n`;
}

function errorEvent(value: string, extra: Record<string, unknown> = {}) {
  return {
    event_id: crypto.randomUUID().replace(/-/g, ""),
    timestamp: Date.now() / 1000,
    platform: "javascript",
    level: "error",
    release: "2.15.0",
    environment: "production",
    user: { id: "u-1" },
    exception: {
      values: [
        {
          type: "TypeError",
          value,
          mechanism: { type: "onerror", handled: false },
          stacktrace: {
            frames: [{ filename: "lib/domain/capacity/plan.ts", function: "planSprint", lineno: 42, in_app: true }],
          },
        },
      ],
    },
    ...extra,
  };
}

async function post(
  body: string | Buffer,
  init: { auth?: string | null; query?: string; headers?: Record<string, string>; projectId?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/x-sentry-envelope", ...init.headers };
  if (init.auth !== null)
    headers["x-sentry-auth"] =
      `Sentry sentry_version=7, sentry_client=sentry.javascript.nextjs/11.0.0, sentry_key=${init.auth ?? BOSUN_DSN_PUBLIC_KEY}`;
  const res = await fetch(`${em.url}/api/${init.projectId ?? BOSUN_ID}/envelope/${init.query ?? ""}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const find = async (text: string) =>
  (await call(em, "GET", `/api/0/organizations/acme/issues/?query=${encodeURIComponent(`"${text}"`)}&statsPeriod=24h`))
    .body;

describe("envelope ingestion", () => {
  it("groups events by exception type, value and top frame", async () => {
    const first = errorEvent("capacity is undefined for sprint 7");
    const res = await post(
      envelope([{ type: "event", payload: first, withLength: true }], { event_id: first.event_id }),
    );
    expect(res).toEqual({ status: 200, body: { id: first.event_id } });
    await post(
      envelope([{ type: "event", payload: errorEvent("capacity is undefined for sprint 7", { user: { id: "u-2" } }) }]),
    );
    const [issue] = await find("capacity is undefined for sprint 7");
    expect(issue).toMatchObject({
      count: "2",
      userCount: 2,
      level: "error",
      culprit: "lib/domain/capacity/plan.ts in planSprint",
      project: { slug: "bosun" },
      isUnhandled: true,
    });
    const events = (await call(em, "GET", `/api/0/organizations/acme/issues/${issue.id}/events/`)).body;
    expect(events).toHaveLength(2);
  });

  it("honours custom fingerprints and the sentry_key query parameter", async () => {
    for (const value of ["Jira 503 on /search/jql", "Jira 502 on /issue/ACME-1"]) {
      await post(envelope([{ type: "event", payload: errorEvent(value, { fingerprint: ["jira-outage"] }) }]), {
        auth: null,
        query: `?sentry_key=${BOSUN_DSN_PUBLIC_KEY}`,
      });
    }
    const issues = await find("Jira 50");
    expect(issues).toHaveLength(1);
    expect(issues[0].count).toBe("2");
  });

  it("accepts gzip bodies and ignores item types it does not store", async () => {
    const body = envelope([
      { type: "client_report", payload: { discarded_events: [] } },
      { type: "event", payload: errorEvent("gzipped manifest failure"), withLength: true },
      { type: "attachment", payload: "binary-ish\ncontent", withLength: true },
    ]);
    const res = await post(gzipSync(body), { headers: { "content-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(await find("gzipped manifest failure")).toHaveLength(1);
  });

  it("counts sessions and session aggregates toward release health", async () => {
    const query =
      "/api/0/organizations/acme/sessions/?field=sum(session)&field=count_unique(user)&groupBy=session.status&project=4500003&query=release:9.0.0&statsPeriod=24h";
    const started = new Date().toISOString();
    await post(
      envelope([
        {
          type: "session",
          payload: {
            sid: "s-1",
            did: "user-a",
            init: true,
            started,
            status: "ok",
            errors: 0,
            attrs: { release: "9.0.0", environment: "production" },
          },
        },
      ]),
    );
    await post(
      envelope([
        {
          type: "session",
          payload: {
            sid: "s-1",
            did: "user-a",
            init: false,
            started,
            status: "crashed",
            errors: 1,
            attrs: { release: "9.0.0", environment: "production" },
          },
        },
      ]),
    );
    await post(
      envelope([
        {
          type: "sessions",
          payload: {
            aggregates: [{ started, did: "user-b", exited: 5, errored: 2 }],
            attrs: { release: "9.0.0", environment: "production" },
          },
        },
      ]),
    );
    const body = (await call(em, "GET", query)).body;
    const sessions = Object.fromEntries(
      body.groups.map((g: { by: Record<string, string>; totals: Record<string, number> }) => [
        g.by["session.status"],
        g.totals["sum(session)"],
      ]),
    );
    expect(sessions).toEqual({ healthy: 5, errored: 2, crashed: 1, abnormal: 0 });
    const release = (await call(em, "GET", "/api/0/organizations/acme/releases/9.0.0/?health=1&project=bosun")).body;
    expect(release.projects.find((p: { slug: string }) => p.slug === "bosun").healthData).toMatchObject({
      totalSessions: 8,
      sessionsCrashed: 1,
      totalUsers: 2,
      crashFreeSessions: 87.5,
    });
  });

  it("rejects unknown keys, other projects' keys and malformed envelopes", async () => {
    expect((await post(envelope([]), { auth: "0".repeat(32) })).status).toBe(401);
    expect((await post(envelope([]), { auth: null })).status).toBe(401);
    expect((await post(envelope([]), { projectId: "4500000" })).status).toBe(403);
    expect((await post("not json\n")).status).toBe(400);
    expect((await post(`{}\n${JSON.stringify({ type: "event", length: 9999 })}\n{}`)).status).toBe(400);
  });

  it("accepts the legacy store endpoint", async () => {
    const res = await fetch(`${em.url}/api/${BOSUN_ID}/store/?sentry_key=${BOSUN_DSN_PUBLIC_KEY}`, {
      method: "POST",
      body: JSON.stringify(errorEvent("stored through the legacy endpoint")),
    });
    expect(res.status).toBe(200);
    expect(await find("legacy endpoint")).toHaveLength(1);
  });
});
