import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { generateApiKey } from "@/lib/features/api-keys/keys";
import { deeplyMutated, hostileString, randomJson } from "./arbitraries";
import { enterRequest } from "@/test/fake-next-headers";
import { type Fixtures, loadFixtures } from "./fixtures";
import {
  assertPrototypesClean,
  createTally,
  fuzzParameters,
  PROPERTY_TIMEOUT_MS,
  judgeRouteOutcome,
  settle,
} from "./harness";
import { validFor } from "./json-schema";
import { buildRouteCatalog, type GeneratedRequest, type RouteContext } from "./route-catalog";
import { type FuzzWorld, persona, signInAs, startFuzzWorld, world } from "./world";

vi.mock("@workos-inc/authkit-nextjs", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  ...(await import("./fake-authkit")).fakeAuthkit(),
}));
vi.mock("next/headers", async () => (await import("@/test/fake-next-headers")).fakeNextHeaders());
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
}));

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

const APP = path.resolve(import.meta.dirname, "../../app");
const FILE = "test/fuzz/routes.fuzz.test.ts";
const SLOW = PROPERTY_TIMEOUT_MS;
const ROUTE_SCALE = 4;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const ROUTES = buildRouteCatalog();

function findRouteFiles(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(full);
    return entry.name === "route.ts" ? [path.relative(APP, full).replace(/\.ts$/, "")] : [];
  });
}
const importRoute = async (file: string) =>
  (await import(/* @vite-ignore */ path.join(APP, `${file}.ts`))) as Record<string, unknown>;

/** A generated request as Next hands it to a handler; header values HTTP cannot carry are left out. */
function toRequest(method: string, generated: GeneratedRequest, base: string): NextRequest {
  const url = new URL(generated.path, base);
  for (const [name, value] of generated.query) url.searchParams.append(name, value);
  const headers = new Headers();
  for (const [name, value] of generated.headers) {
    try {
      headers.append(name, value);
    } catch {
      // Not a valid header value on the wire either.
    }
  }
  const hasBody = generated.body !== undefined && method !== "GET" && method !== "HEAD";
  return new NextRequest(url, { method, headers, ...(hasBody ? { body: generated.body } : {}) });
}

/**
 * Reliability figure R4 for route handlers: every exported handler, sent
 * generated requests (bodies, signatures over fuzzed JSON, query strings,
 * headers, cookies) as each role, answers below 500.
 */
describe("R4 fuzz: route handlers", () => {
  let fuzz: FuzzWorld;
  let fixtures: Fixtures;
  let context: RouteContext;
  const tally = createTally("route handlers", { scale: ROUTE_SCALE });

  /** Several keys per holder, so the MCP rate limit (30 a burst) answers 429 only now and then. */
  async function mcpKeys(orgId: string, createdById: string, role: "admin" | "member", scope: "read" | "read_write") {
    const keys: string[] = [];
    for (let i = 0; i < 4; i++) {
      const generated = generateApiKey();
      await fuzz.db.apiKey.create({
        data: {
          orgId,
          name: `fuzz ${role} ${i}`,
          prefix: generated.prefix,
          hashedKey: generated.hash,
          scope,
          role,
          createdById,
        },
      });
      keys.push(generated.key);
    }
    return keys;
  }

  beforeAll(async () => {
    fuzz = await startFuzzWorld("fuzzroute");
    fixtures = await loadFixtures(fuzz);
    const acme = world.orgs.find((o) => o.slug === "acme")!;
    const issueId = fixtures.sentryIssueIds[0]!;
    const sentryIssue = (await (
      await fetch(`${fuzz.sentry.url}/api/0/organizations/${acme.sentry.orgSlug}/issues/${issueId}/`, {
        headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
      })
    ).json()) as Record<string, unknown>;

    const holders = {
      admin: await mcpKeys(fixtures.orgs.acme.id, fixtures.userIds.ada, "admin", "read_write"),
      member: await mcpKeys(fixtures.orgs.acme.id, fixtures.userIds.ada, "member", "read_write"),
      reader: await mcpKeys(fixtures.orgs.acme.id, fixtures.userIds.ada, "admin", "read"),
      globex: await mcpKeys(fixtures.orgs.globex.id, fixtures.userIds.hedy, "admin", "read_write"),
    };
    const mcp = (await importRoute("api/mcp/route")) as Record<string, Handler>;
    const listed = await mcp.POST!(
      toRequest(
        "POST",
        {
          path: "/api/mcp",
          query: [],
          headers: [
            ["content-type", "application/json"],
            ["accept", "application/json, text/event-stream"],
            ["authorization", `Bearer ${holders.admin[0]}`],
          ],
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
          params: {},
        },
        fuzz.publicUrl,
      ),
      { params: Promise.resolve({}) },
    );
    const tools = (
      (await listed.json()) as { result?: { tools: { name: string; inputSchema: Record<string, unknown> }[] } }
    ).result?.tools;
    if (!tools?.length) throw new Error(`setup could not list the MCP tools (${listed.status})`);

    const hints = {
      boardId: fc.constantFrom(...fixtures.boardIds, fixtures.globexBoardId),
      issueId: fc.constantFrom(...fixtures.sentryIssueIds),
      sentryIssueId: fc.constantFrom(...fixtures.sentryIssueIds),
      jiraKey: fc.constantFrom(...fixtures.jiraIssueKeys),
      projectKey: fc.constantFrom(...fixtures.jiraProjectKeys),
      jiraProjectKey: fc.constantFrom(...fixtures.jiraProjectKeys),
      version: fc.constantFrom(...fixtures.versions),
      release: fc.constantFrom(...fixtures.versions),
    };
    const toolCall = fc.oneof(
      ...tools.map((tool) => {
        const args = validFor(tool.inputSchema as never, hints);
        return fc.record({
          jsonrpc: fc.constant("2.0"),
          id: fc.nat(),
          method: fc.constant("tools/call"),
          params: fc.record({
            name: fc.constant(tool.name),
            arguments: fc.oneof(
              { arbitrary: args, weight: 3 },
              { arbitrary: deeplyMutated(args), weight: 2 },
              { arbitrary: randomJson, weight: 1 },
            ),
          }),
        });
      }),
    );
    context = {
      sentryIssue,
      sentryIssueIds: fixtures.sentryIssueIds,
      mcpBodies: fc.oneof(
        { arbitrary: toolCall, weight: 8 },
        {
          arbitrary: fc.constantFrom(
            { jsonrpc: "2.0", id: 1, method: "tools/list" },
            {
              jsonrpc: "2.0",
              id: 1,
              method: "initialize",
              params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "fuzz", version: "0" } },
            },
            { jsonrpc: "2.0", method: "notifications/initialized" },
            { jsonrpc: "2.0", id: 1, method: "resources/list" },
            { jsonrpc: "2.0", id: 1, method: "prompts/list" },
          ),
          weight: 2,
        },
        { arbitrary: fc.array(toolCall, { minLength: 1, maxLength: 3 }), weight: 1 },
        {
          arbitrary: fc.record({
            jsonrpc: fc.oneof(fc.constant("2.0"), hostileString),
            id: fc.oneof(fc.nat(), fc.string(), fc.constant(null)),
            method: fc.oneof(fc.constantFrom("tools/call", "ping"), hostileString),
            params: randomJson,
          }),
          weight: 2,
        },
      ),
      mcpAuthorization: fc.oneof(
        { arbitrary: fc.constantFrom(...Object.values(holders).flat()).map((key) => `Bearer ${key}`), weight: 8 },
        {
          arbitrary: fc.constantFrom(
            null,
            "Bearer ",
            "Basic YWRhOnB3",
            `Bearer ${generateApiKey().key}`,
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
            `bearer ${holders.admin[0]}`,
          ),
          weight: 2,
        },
        { arbitrary: hostileString.filter((s) => /^[\x20-\x7e]*$/.test(s)).map((s) => `Bearer ${s}`), weight: 1 },
      ),
    };
    // AuthKit logs every refused callback; the answers are judged below.
    const log = console.error.bind(console);
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith("[AuthKit callback error]")) log(...args);
    });
    tally.start();
  }, SLOW);

  afterAll(async () => {
    tally.stop();
    tally.report();
    await fuzz?.close();
  }, SLOW);

  it("covers every exported handler of every route.ts under app/", async () => {
    const exported = (
      await Promise.all(
        findRouteFiles().map(async (file) =>
          Object.keys(await importRoute(file))
            .filter((name) => HTTP_METHODS.includes(name))
            .map((method) => `${file}#${method}`),
        ),
      )
    ).flat();
    expect(exported.length).toBeGreaterThan(10);
    expect(ROUTES.map((r) => `${r.file}#${r.method}`).sort()).toEqual(exported.sort());
  });

  for (const spec of ROUTES) {
    const title = `${spec.method} ${spec.file.replace(/\/route$/, "")} answers every request and role below 500`;
    it(
      title,
      async () => {
        const handler = (await importRoute(spec.file))[spec.method] as Handler;
        try {
          await fc.assert(
            fc.asyncProperty(persona, spec.request(context), async (who, generated) => {
              signInAs(who);
              const request = toRequest(spec.method, generated, fuzz.publicUrl);
              enterRequest(request);
              const outcome = await settle(() => handler(request, { params: Promise.resolve(generated.params) }));
              assertPrototypesClean();
              const failure = tally.record(spec.file, outcome, judgeRouteOutcome(outcome));
              if (failure) throw new Error(`${spec.method} ${generated.path} as ${who}: ${failure}`);
            }),
            // A request costs a fraction of an action's run, so each route gets several times the runs.
            fuzzParameters(`${FILE} -t "${title}"`, { scale: ROUTE_SCALE }),
          );
        } finally {
          if (spec.disturbs) await fuzz.restoreBaseline();
        }
      },
      SLOW,
    );
  }

  it(
    "the job queue works through every delivery the webhooks accepted, and nothing it does throws",
    async () => {
      const { drainJobs } = await import("@/lib/platform/jobs");
      const { JOB_HANDLERS } = await import("@/lib/features/automations/handlers");
      const statuses = new Map<string, number>();
      // Retries wait for their backoff, so the passes end once every due job has run once.
      for (let pass = 0; pass < 100; pass++) {
        const outcomes = await drainJobs({ handlers: JOB_HANDLERS, limit: 20, concurrency: 2 });
        if (outcomes.length === 0) break;
        for (const outcome of outcomes) statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      }
      console.log(
        `  jobs from fuzzed deliveries: ${[...statuses].map(([status, count]) => `${status} ${count}`).join(", ") || "none"}`,
      );
      expect(await fuzz.db.job.count({ where: { status: { in: ["running"] } } })).toBe(0);
    },
    SLOW,
  );

  it("left no rejection unhandled", () => {
    expect(tally.rejections).toEqual([]);
  });
});
