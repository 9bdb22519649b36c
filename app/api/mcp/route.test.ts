import { generateKeyPairSync } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, JIRA_DEMO_API_TOKEN, SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { parseEnv } from "@/lib/platform/env/schema";
import { TOOL_NAMES } from "@/lib/features/agents/tools/specs";
import { generateApiKey } from "@/lib/features/api-keys/keys";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { serveRoutes } from "@/test/route-server";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { type RunningWorkosEmulator, startWorkosEmulator } from "@/emulators/workos";
import { createPkcePair, readForm, submitForm } from "@/emulators/workos/test-support";
import { buildWorld } from "@/emulators/seed/world";
import * as metadata from "@/app/.well-known/oauth-protected-resource/[[...path]]/route";
import type * as ApiKeyQueries from "@/lib/db/queries/api-keys";
import type * as Dashboard from "@/lib/features/sprints/dashboard";
import type * as Releases from "@/lib/features/releases/load";
import type * as ReleaseNotesSource from "@/lib/features/release-notes/load";
import type * as ReleaseNotes from "@/lib/domain/release-notes";
import * as route from "./route";
import { db } from "@/lib/db/client";

type Issue = { id: string; shortId: string; title: string; jiraKey: string | null };
type SentryApiIssue = { id: string; status: string; project: { slug: string } };
type Key = { id: string; key: string; name: string };

const world = buildWorld();
const person = (key: string) => world.people.find((p) => p.key === key)!;
const REDIRECT_URI = "http://127.0.0.1:6274/oauth/callback";

/**
 * Bosun's MCP endpoint end to end: the real route handlers served over HTTP,
 * the MCP SDK's own client, a real PostgreSQL, the Jira and Sentry emulators
 * behind the tools, and the WorkOS emulator as the OAuth authorization server.
 */
describe("/api/mcp, end to end", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let workos: RunningWorkosEmulator;
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  let acmeId: string;
  let globexId: string;
  const keys = {} as Record<"admin" | "readOnly" | "member" | "globex" | "rateLimited" | "revoked", Key>;
  /** What reached /api/mcp: method, status and the bearer token, to see what clients do behind the SDK. */
  const requests: { method: string; status: number; token: string | null }[] = [];
  const clients: Client[] = [];
  let admin: Client;
  /** Shared across tests: the admin's plan and the ticket it filed. */
  let planId: string;
  let planBoardId: number;
  let filed: { issueId: string; shortId: string; key: string };

  // ─── Bosun ──────────────────────────────────────────────────────────────
  const mcpUrl = () => `${bosun.url}/api/mcp`;
  const mcp = async (request: Request) => {
    const handler = { POST: route.POST, GET: route.GET, DELETE: route.DELETE }[request.method];
    const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
    const response = handler ? await handler(request) : new Response(null, { status: 405 });
    requests.push({ method: request.method, status: response.status, token });
    return response;
  };
  const connect = async (token: string) => {
    const client = new Client({ name: "bosun-route-test", version: "0.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(mcpUrl()), {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      }),
    );
    clients.push(client);
    return client;
  };
  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = (result: CallToolResult) => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  /** The structured answer of a call that must have succeeded. */
  const data = <T>(result: CallToolResult): T => {
    expect(result.isError, text(result)).toBeFalsy();
    return result.structuredContent as T;
  };
  /** A raw JSON-RPC POST, for status codes and headers the SDK client hides. */
  const rawPost = (token: string | null, body: object = { jsonrpc: "2.0", id: 1, method: "ping" }) =>
    fetch(mcpUrl(), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const writes = async () => ({ intents: await db.outboxIntent.count(), audit: await db.auditLog.count() });

  // ─── Emulators ──────────────────────────────────────────────────────────
  const jiraApi = async <T>(site: string, path: string): Promise<T> => {
    const response = await fetch(`${jira.url}/${site}${path}`, {
      headers: { authorization: `Bearer ${JIRA_DEMO_API_TOKEN}` },
    });
    if (!response.ok) throw new Error(`Jira ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  const sentryIssue = async (org: string, id: string): Promise<SentryApiIssue | null> => {
    const response = await fetch(`${sentry.url}/api/0/organizations/${org}/issues/${id}/`, {
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Sentry issue ${id} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<SentryApiIssue>;
  };

  // ─── OAuth at the WorkOS emulator, driven like a browser ─────────────────
  const oauthToken = async ({ user, resource }: { user: string; resource?: string }): Promise<string> => {
    const registered = await fetch(`${workos.url}/oauth2/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: "Route test agent", redirect_uris: [REDIRECT_URI] }),
    });
    expect(registered.status).toBe(201);
    const client = (await registered.json()) as { client_id: string };
    const pkce = createPkcePair();
    const authorize = new URL("/oauth2/authorize", workos.url);
    authorize.search = new URLSearchParams({
      response_type: "code",
      client_id: client.client_id,
      redirect_uri: REDIRECT_URI,
      code_challenge: pkce.challenge,
      code_challenge_method: "S256",
      state: "route-test",
      scope: "openid profile email offline_access",
      ...(resource ? { resource } : {}),
    }).toString();
    const page = await fetch(authorize, { redirect: "manual" });
    expect(page.status).toBe(200);
    const signedIn = await submitForm(workos.url, readForm(await page.text()), {
      email: person(user).email,
      password: DEMO_PASSWORD,
    });
    expect(signedIn.status).toBe(302);
    const code = new URL(signedIn.headers.get("location")!).searchParams.get("code");
    expect(code).toBeTruthy();
    const token = await fetch(`${workos.url}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: code!,
        redirect_uri: REDIRECT_URI,
        client_id: client.client_id,
        code_verifier: pkce.verifier,
        ...(resource ? { resource } : {}),
      }).toString(),
    });
    const body = (await token.json()) as { access_token?: string };
    expect(token.status, JSON.stringify(body)).toBe(200);
    return body.access_token!;
  };

  beforeAll(async () => {
    // Bosun listens first; the handlers are bound once the modules are imported with the test env.
    bosun = await serveRoutes({
      "/api/mcp": mcp,
      "/.well-known/oauth-protected-resource": () => metadata.GET(),
      "/.well-known/oauth-protected-resource/api/mcp": () => metadata.GET(),
    });
    [jira, sentry, workos] = await Promise.all([
      startJiraEmulator({ port: 0 }),
      startSentryEmulator({ port: 0 }),
      startWorkosEmulator({ port: 0 }),
    ]);
  });
  useSeededDatabase({ label: "mcp", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    acmeId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    globexId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
    setTestEnv({ BOSUN_PUBLIC_URL: bosun.url, WORKOS_API_PORT: String(workos.port) });

    const queries: typeof ApiKeyQueries = await import("@/lib/db/queries/api-keys");
    const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
    const [ada, hedy] = await Promise.all([userId("ada@acme.test"), userId("hedy@globex.test")]);
    const create = async (
      name: string,
      orgId: string,
      createdById: string,
      scope: "read" | "read_write",
      role: "admin" | "manager" | "member",
    ): Promise<Key> => {
      const generated = generateApiKey();
      const row = await queries.createApiKey({
        orgId,
        name,
        prefix: generated.prefix,
        hashedKey: generated.hash,
        scope,
        role,
        createdById,
      });
      return { id: row.id, key: generated.key, name };
    };
    keys.admin = await create("Release agent", acmeId, ada, "read_write", "admin");
    keys.readOnly = await create("Dashboard reader", acmeId, ada, "read", "admin");
    keys.member = await create("Member agent", acmeId, ada, "read_write", "member");
    keys.globex = await create("Globex agent", globexId, hedy, "read_write", "admin");
    keys.rateLimited = await create("Runaway loop", acmeId, ada, "read_write", "admin");
    keys.revoked = await create("Old laptop", acmeId, ada, "read_write", "admin");
    expect(await queries.revokeApiKey({ orgId: acmeId, keyId: keys.revoked.id })).toMatchObject({ status: "revoked" });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    restoreTestEnv();
    await bosun?.close();
    await Promise.all([jira?.close(), sentry?.close(), workos?.close()]);
  });

  it("refuses missing, unknown and revoked credentials, pointing at the resource metadata", async () => {
    const challenge = `Bearer resource_metadata="${bosun.url}/.well-known/oauth-protected-resource"`;
    const none = await rawPost(null);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe(challenge);
    expect(await none.json()).toEqual({ error: "invalid_request", error_description: expect.any(String) });

    for (const [token, description] of [
      [generateApiKey().key, "The API key is not valid."],
      [keys.revoked.key, "The API key has been revoked."],
    ] as const) {
      const response = await rawPost(token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "invalid_token", error_description: description });
      expect(response.headers.get("www-authenticate")).toBe(
        `${challenge}, error="invalid_token", error_description="${description}"`,
      );
    }
    // The SDK client fails to connect without credentials.
    const anonymous = new Client({ name: "anonymous", version: "0.0.0" });
    await expect(anonymous.connect(new StreamableHTTPClientTransport(new URL(mcpUrl())))).rejects.toMatchObject({
      code: 401,
    });
  });

  it("publishes RFC 9728 metadata naming the WorkOS emulator as authorization server", async () => {
    for (const path of ["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/api/mcp"]) {
      const response = await fetch(`${bosun.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        resource: `${bosun.url}/api/mcp`,
        authorization_servers: [workos.url],
        bearer_methods_supported: ["header"],
      });
    }
    // ...and that server's own metadata closes the discovery chain.
    const as = (await (await fetch(`${workos.url}/.well-known/oauth-authorization-server`)).json()) as {
      issuer: string;
    };
    expect(as.issuer).toBe(workos.url);
    // A trailing slash in BOSUN_PUBLIC_URL does not change the resource, which tokens' audience must match exactly.
    expect(parseEnv({ BOSUN_PUBLIC_URL: `${bosun.url}/` }).publicUrl).toBe(bosun.url);
  });

  it("serves the SDK client every tool, and reads that match the UI's functions and the emulators", async () => {
    admin = await connect(keys.admin.key);
    const { tools } = await admin.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());

    // list_boards: the Jira emulator's boards.
    const boards = data<{ boards: { id: number; name: string; type: string }[] }>(
      await call(admin, "list_boards"),
    ).boards;
    const jiraBoards = await jiraApi<{ values: { id: number; name: string; type: string }[] }>(
      "acme",
      "/rest/agile/1.0/board?maxResults=50",
    );
    expect(boards.map((b) => [b.id, b.name, b.type]).sort()).toEqual(
      jiraBoards.values.map((b) => [b.id, b.name, b.type]).sort(),
    );
    expect(boards.length).toBeGreaterThan(0);

    // get_sprint_capacity: what the sprint capacity page loads.
    const dashboard: typeof Dashboard = await import("@/lib/features/sprints/dashboard");
    const page = await dashboard.loadSprintDashboard({ orgId: acmeId });
    if (page.status !== "ok") throw new Error(`dashboard: ${page.status}`);
    type Capacity = {
      board: { id: number };
      activeSprint: { name: string; endDate: string } | null;
      capacity: { capacityPoints: number; committedPoints: number; completedPoints: number } | null;
    };
    const capacity = data<Capacity>(await call(admin, "get_sprint_capacity", { boardId: page.board.id }));
    expect(capacity.board.id).toBe(page.board.id);
    expect(capacity.activeSprint?.name).toBe(page.activeSprint?.name);
    expect(page.health).not.toBeNull();
    expect(capacity.capacity).toMatchObject({
      capacityPoints: page.health!.capacityPoints,
      committedPoints: page.health!.committedPoints,
      completedPoints: page.health!.completedPoints,
    });

    // list_sentry_issues: only acme's unresolved issues.
    const listed = data<{ issues: Issue[]; matching: number }>(
      await call(admin, "list_sentry_issues", { period: "7d", limit: 100 }),
    );
    expect(listed.issues.length).toBeGreaterThan(1);
    for (const issue of listed.issues)
      expect(await sentryIssue("acme", issue.id), issue.id).toMatchObject({ id: issue.id, status: "unresolved" });

    // crash_free_by_release: the releases page, including the regressed 2.14.0.
    const releases: typeof Releases = await import("@/lib/features/releases/load");
    const releasesPage = await releases.loadReleasesPage({ orgId: acmeId });
    if (releasesPage.status !== "ok") throw new Error(`releases: ${releasesPage.status}`);
    type Release = { version: string; crashFreeSessions: number | null; regression: { isRegression: boolean } };
    const health = data<{ releases: Release[] }>(await call(admin, "crash_free_by_release", { limit: 100 }));
    const regressed = health.releases.find((r) => r.version === "2.14.0");
    expect(regressed?.crashFreeSessions).toEqual(expect.any(Number));
    expect(regressed!.crashFreeSessions!).toBeGreaterThan(0);
    expect(regressed!.crashFreeSessions!).toBeLessThan(100);
    expect(regressed?.crashFreeSessions).toBe(
      releasesPage.releases.find((r) => r.version === "2.14.0")?.crashFreeSessions,
    );
    expect(health.releases.map((r) => r.version)).toEqual(releasesPage.releases.map((r) => r.version));

    // generate_release_notes: the editor's fresh draft.
    const notes = data<{ markdown: string; title: string }>(
      await call(admin, "generate_release_notes", { version: "2.14.0" }),
    );
    expect(notes.markdown.startsWith("# Release 2.14.0")).toBe(true);
    const source: typeof ReleaseNotesSource = await import("@/lib/features/release-notes/load");
    const generator: typeof ReleaseNotes = await import("@/lib/domain/release-notes");
    const expected = generator.generateReleaseNotes(
      (await source.loadReleaseNotesSource({ orgId: acmeId, version: "2.14.0" })).input,
      { variant: "internal", groupBy: "component" },
    );
    expect(notes.markdown).toBe(expected.markdown);

    // find_sentry_issues_for_jira_key: the reverse lookup of Bosun's links.
    const linked = listed.issues.at(-1)!;
    await db.ticketLink.create({
      data: {
        orgId: acmeId,
        jiraIssueKey: "ACME-7",
        jiraIssueId: "10007",
        sentryIssueId: linked.id,
        sentryShortId: linked.shortId,
        createdVia: "user",
      },
    });
    const lookup = data<{ jiraKey: string; issues: { sentryIssueId: string; shortId: string }[] }>(
      await call(admin, "find_sentry_issues_for_jira_key", { jiraKey: "acme-7" }),
    );
    expect(lookup).toMatchObject({
      jiraKey: "ACME-7",
      issues: [{ sentryIssueId: linked.id, shortId: linked.shortId }],
    });
    expect(
      data<{ issues: unknown[] }>(await call(admin, "find_sentry_issues_for_jira_key", { jiraKey: "ACME-8" })).issues,
    ).toEqual([]);

    // plan_sprint: a preview with a plan id, nothing written.
    const before = await writes();
    const plan = data<{ planId: string; board: { id: number }; assignments: { items: { key: string }[] } }>(
      await call(admin, "plan_sprint", {
        boardId: page.board.id,
        name: "MCP planned sprint",
        startDate: "2031-01-06",
        endDate: "2031-01-17",
        bufferPercent: 10,
      }),
    );
    expect(plan.planId).toMatch(/^[0-9a-f]{24}$/);
    expect(plan.board.id).toBe(page.board.id);
    expect(plan.assignments.items.length).toBeGreaterThan(0);
    planId = plan.planId;
    planBoardId = plan.board.id;
    expect(await writes()).toEqual(before);

    // The automation-rules resource: acme's rules.
    const resource = await admin.readResource({ uri: "bosun://automation-rules" });
    const content = resource.contents[0] as { text: string; mimeType: string };
    expect(content.mimeType).toBe("application/json");
    const rules = JSON.parse(content.text) as { org: string; rules: { id: string; enabled: boolean }[] };
    const acmeRules = await db.automationRule.findMany({
      where: { orgId: acmeId },
      select: { id: true, enabled: true },
    });
    expect(rules.org).toBe("acme");
    expect(rules.rules.map((r) => [r.id, r.enabled]).sort()).toEqual(acmeRules.map((r) => [r.id, r.enabled]).sort());
  });

  it("answers GET with 405, so a connected client does not keep polling for a stream", async () => {
    const response = await fetch(mcpUrl(), {
      headers: { authorization: `Bearer ${keys.admin.key}`, accept: "text/event-stream" },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("POST");
    // The connected admin client tried a GET stream once, was told there is none, and stays quiet while idle
    // (the SDK reconnects to a stream that ends once a second, which would use up the key's rate limit).
    const adminGets = () => requests.filter((r) => r.method === "GET" && r.token === keys.admin.key);
    const before = adminGets();
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.every((r) => r.status === 405)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(adminGets()).toHaveLength(before.length);
  });

  it("refuses writes on a read-only key and writes nothing", async () => {
    const reader = await connect(keys.readOnly.key);
    const issue = data<{ issues: Issue[] }>(await call(reader, "list_sentry_issues", { limit: 1 })).issues[0]!;
    const before = await writes();
    const result = await call(reader, "triage_sentry_issue", { issueIds: [issue.id], action: "resolve" });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe("This API key is read-only.");
    expect(await writes()).toEqual(before);
    expect((await sentryIssue("acme", issue.id))?.status).toBe("unresolved");
  });

  it("refuses planning to a member-role key, and writes nothing", async () => {
    const member = await connect(keys.member.key);
    const before = await writes();
    const sprintsBefore = await jiraApi<{ values: { name: string }[] }>(
      "acme",
      `/rest/agile/1.0/board/${planBoardId}/sprint?maxResults=100`,
    );
    const applied = await call(member, "apply_sprint_plan", { planId });
    expect(applied.isError).toBe(true);
    expect(text(applied)).toMatch(
      /^Your role \(member\) in Acme Maritime does not allow this \(it needs sprints:plan\)/,
    );
    const planned = await call(member, "plan_sprint", {
      boardId: planBoardId,
      name: "Member sprint",
      startDate: "2031-02-03",
      endDate: "2031-02-14",
      bufferPercent: 10,
    });
    expect(planned.isError).toBe(true);
    expect(text(planned)).toContain("sprints:plan");
    expect(await writes()).toEqual(before);
    const sprintsAfter = await jiraApi<{ values: { name: string }[] }>(
      "acme",
      `/rest/agile/1.0/board/${planBoardId}/sprint?maxResults=100`,
    );
    expect(sprintsAfter.values.map((s) => s.name)).toEqual(sprintsBefore.values.map((s) => s.name));
    expect(sprintsAfter.values.map((s) => s.name)).not.toContain("MCP planned sprint");
  });

  it("audits the admin key's writes as agent actions, and they reach Sentry and Jira", async () => {
    const unlinked = data<{ issues: Issue[] }>(
      await call(admin, "list_sentry_issues", { period: "7d", limit: 100 }),
    ).issues.filter((i) => !i.jiraKey);
    expect(unlinked.length).toBeGreaterThan(2);
    const [toResolve, toFile] = [unlinked[0]!, unlinked[1]!];

    const triaged = await call(admin, "triage_sentry_issue", { issueIds: [toResolve.id], action: "resolve" });
    expect(data<{ status: string }>(triaged).status).toBe("succeeded");
    expect((await sentryIssue("acme", toResolve.id))?.status).toBe("resolved");
    const triageAudit = await db.auditLog.findMany({ where: { orgId: acmeId, targetId: toResolve.id } });
    expect(triageAudit).toEqual([
      expect.objectContaining({
        action: "sentry.issues.update",
        actorType: "agent",
        actorId: keys.admin.id,
        actorLabel: expect.stringContaining(keys.admin.name),
        result: "success",
      }),
    ]);

    const ticket = data<{ status: string; key: string; shortId: string }>(
      await call(admin, "sentry_issue_to_jira", { issueId: toFile.id, projectKey: "acme" }),
    );
    expect(ticket).toMatchObject({
      status: "created",
      shortId: toFile.shortId,
      key: expect.stringMatching(/^ACME-\d+$/),
    });
    filed = { issueId: toFile.id, shortId: toFile.shortId, key: ticket.key };
    const bug = await jiraApi<{ key: string; fields: { summary: string; issuetype: { name: string } } }>(
      "acme",
      `/rest/api/3/issue/${ticket.key}?fields=summary,issuetype`,
    );
    expect(bug.fields.issuetype.name).toBe("Bug");
    expect(bug.fields.summary).toContain(toFile.shortId);
    const fileAudit = await db.auditLog.findMany({
      where: { orgId: acmeId, OR: [{ targetId: toFile.id }, { targetId: ticket.key }] },
    });
    expect(fileAudit.map((a) => a.action)).toContain("jira.issue.create");
    for (const entry of fileAudit)
      expect(entry).toMatchObject({
        actorType: "agent",
        actorId: keys.admin.id,
        actorLabel: expect.stringContaining(keys.admin.name),
        result: "success",
      });
    const intents = await db.outboxIntent.findMany({ where: { orgId: acmeId, actorId: keys.admin.id } });
    expect(intents.length).toBeGreaterThanOrEqual(2);
    for (const intent of intents) expect(intent).toMatchObject({ actorType: "agent", status: "succeeded" });

    // A repeat returns the same ticket instead of filing another.
    expect(
      data<{ status: string; key: string }>(
        await call(admin, "sentry_issue_to_jira", { issueId: toFile.id, projectKey: "ACME" }),
      ),
    ).toMatchObject({ status: "existing", key: ticket.key });
    expect(
      data<{ issues: { sentryIssueId: string }[] }>(
        await call(admin, "find_sentry_issues_for_jira_key", { jiraKey: ticket.key }),
      ).issues,
    ).toEqual([expect.objectContaining({ sentryIssueId: toFile.id })]);
  });

  it("keeps another org's key out of acme's data", async () => {
    const globex = await connect(keys.globex.key);
    const acmeIssues = data<{ issues: Issue[] }>(
      await call(admin, "list_sentry_issues", { period: "30d", limit: 100 }),
    ).issues;
    const globexIssues = data<{ issues: Issue[] }>(
      await call(globex, "list_sentry_issues", { period: "30d", limit: 100 }),
    ).issues;
    expect(globexIssues.length).toBeGreaterThan(0);
    const acmeIds = new Set(acmeIssues.map((i) => i.id));
    expect(globexIssues.filter((i) => acmeIds.has(i.id))).toEqual([]);
    for (const issue of globexIssues.slice(0, 5)) expect(await sentryIssue("acme", issue.id), issue.id).toBeNull();

    expect(
      data<{ issues: unknown[] }>(await call(globex, "find_sentry_issues_for_jira_key", { jiraKey: filed.key })).issues,
    ).toEqual([]);

    // Triage goes to globex's Sentry org, which has no such issue: refused, and acme's issue is untouched.
    const acmeIssue = acmeIssues.find((i) => i.id !== filed.issueId)!;
    const triaged = await call(globex, "triage_sentry_issue", { issueIds: [acmeIssue.id], action: "resolve" });
    expect(triaged.isError).toBe(true);
    expect(text(triaged)).toContain("is in this Sentry organization");
    expect((await sentryIssue("acme", acmeIssue.id))?.status).toBe("unresolved");
    expect(await db.auditLog.count({ where: { orgId: acmeId, targetId: acmeIssue.id } })).toBe(0);

    const capacity = await call(globex, "get_sprint_capacity", { boardId: 1 });
    expect(capacity.isError).toBe(true);
    expect(text(capacity)).toContain("There is no scrum board 1");

    // Acme's stored plan is not globex's to apply.
    const applied = await call(globex, "apply_sprint_plan", { planId });
    expect(applied.isError).toBe(true);
    expect(text(applied)).toContain("expired or does not exist");

    const rules = JSON.parse(
      ((await globex.readResource({ uri: "bosun://automation-rules" })).contents[0] as { text: string }).text,
    ) as { org: string; rules: { id: string }[] };
    const acmeRuleIds = new Set((await db.automationRule.findMany({ where: { orgId: acmeId } })).map((r) => r.id));
    expect(rules.org).toBe("globex");
    expect(rules.rules.filter((r) => acmeRuleIds.has(r.id))).toEqual([]);
  });

  it("accepts an AuthKit OAuth token for this resource, acting as the signed-in manager", async () => {
    const token = await oauthToken({ user: "grace", resource: mcpUrl() });
    const grace = await connect(token);
    expect((await grace.listTools()).tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    const capacity = data<{ board: { id: number }; capacity: unknown }>(await call(grace, "get_sprint_capacity"));
    expect(capacity.board.id).toEqual(expect.any(Number));
    expect(capacity.capacity).not.toBeNull();

    // A manager gets past the gate to the tool's own checks.
    const applied = await call(grace, "apply_sprint_plan", { planId: "0123456789abcdef01234567" });
    expect(applied.isError).toBe(true);
    expect(text(applied)).toBe("This plan has expired or does not exist. Preview it again with plan_sprint.");

    // Writes are audited as the user, through the MCP client.
    const issue = data<{ issues: Issue[] }>(
      await call(grace, "list_sentry_issues", { period: "7d", limit: 100 }),
    ).issues.find((i) => !i.jiraKey && i.id !== filed.issueId)!;
    expect(
      data<{ status: string }>(await call(grace, "triage_sentry_issue", { issueIds: [issue.id], action: "ignore" }))
        .status,
    ).toBe("succeeded");
    const graceUser = await db.user.findUniqueOrThrow({ where: { email: "grace@acme.test" } });
    expect(await db.auditLog.findFirst({ where: { orgId: acmeId, targetId: issue.id } })).toMatchObject({
      actorType: "agent",
      actorId: graceUser.id,
      actorLabel: expect.stringContaining("grace@acme.test via MCP client client_"),
    });
  });

  it("refuses OAuth tokens for another audience, expired ones and forged ones", async () => {
    const expectInvalid = async (token: string, reason: RegExp) => {
      const response = await rawPost(token);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: string; error_description: string };
      expect(body.error).toBe("invalid_token");
      expect(body.error_description).toMatch(reason);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    };
    // Without `resource` the audience is the client id.
    await expectInvalid(await oauthToken({ user: "grace" }), /aud/);

    // A token that outlived the emulator's (shortened) lifetime.
    expect(
      (
        await fetch(`${workos.url}/__emulator/tokens`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ accessTokenTtlSeconds: 1 }),
        })
      ).status,
    ).toBe(200);
    let shortLived: string;
    try {
      shortLived = await oauthToken({ user: "grace", resource: mcpUrl() });
    } finally {
      await fetch(`${workos.url}/__emulator/tokens`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ accessTokenTtlSeconds: 300 }),
      });
    }
    const exp = (JSON.parse(Buffer.from(shortLived.split(".")[1]!, "base64url").toString()) as { exp: number }).exp;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 50));
    await expectInvalid(shortLived, /expired/);

    // Well-formed claims, but signed by a key the authorization server never published.
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = await new SignJWT({ org_id: world.orgs[0]!.workosOrgId, client_id: "client_forged" })
      .setProtectedHeader({ alg: "RS256", kid: workos.signingKey.kid })
      .setIssuer(workos.url)
      .setAudience(mcpUrl())
      .setSubject(person("ada").workosUserId)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
    await expectInvalid(forged, /signature/);
  });

  it("rate-limits a runaway key with 429 and Retry-After, leaving other keys alone", async () => {
    const responses = await Promise.all(
      Array.from({ length: 35 }, (_, i) => rawPost(keys.rateLimited.key, { jsonrpc: "2.0", id: i, method: "ping" })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(30);
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited[0]!.json()).toMatchObject({ error: "rate_limited" });
    const ok = responses.find((r) => r.status === 200)!;
    expect(await ok.json()).toMatchObject({ jsonrpc: "2.0", result: {} });

    const other = await rawPost(keys.member.key);
    expect(other.status).toBe(200);
    expect(data<{ boards: unknown[] }>(await call(admin, "list_boards")).boards.length).toBeGreaterThan(0);
  });
});
