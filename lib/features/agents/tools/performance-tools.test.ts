import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/domain/permissions";
import type { AgentContext } from "@/lib/features/agents/context";
import type { ReleaseScorecard, UserFeedback } from "@/lib/features/performance";
import * as performance from "@/lib/features/performance";
import { registerBosunTools } from "./index";

/**
 * performance_by_release and list_user_feedback through the protocol, over the performance feature's answers: each
 * asks for the caller's org only, passes the filters on, and answers in words and data. (The reads themselves are
 * tested against the Sentry emulator with the feature.)
 */
vi.mock("@/lib/features/performance", () => ({ loadReleaseScorecards: vi.fn(), listUserFeedback: vi.fn() }));
const loadReleaseScorecards = vi.mocked(performance.loadReleaseScorecards);
const listUserFeedback = vi.mocked(performance.listUserFeedback);

const context = (role: Role, scope: AgentContext["scope"] = "read"): AgentContext => ({
  org: { id: "org_acme", slug: "acme", name: "Acme" },
  role,
  scope,
  actor: { type: "agent", id: "key_test", label: "Test key" },
  requestId: "req-test",
  via: { kind: "api_key", keyId: "key_test" },
});

const open: Client[] = [];
async function connect(ctx: AgentContext) {
  const server = new McpServer({ name: "bosun-test", version: "0.0.0" });
  registerBosunTools(server, ctx);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "test", version: "0.0.0" });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  open.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

const text = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;
const data = <T>(result: unknown) => (result as CallToolResult).structuredContent as T;

const scorecard = (version: string, comparedTo: string | null, reasons: string[] = []): ReleaseScorecard => ({
  version,
  dateReleased: "2026-11-20T10:00:00Z",
  comparedTo,
  metrics: [],
  crashRegression: { isRegression: false, reason: null },
  performanceRegressions: [],
  isRegression: reasons.length > 0,
  reasons,
});
const SCORECARDS = [
  scorecard("2.15.0", "2.14.0"),
  scorecard("2.14.0", "2.13.0", [
    "crash-free sessions 97.10% vs 99.40% in 2.13.0",
    "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads",
  ]),
  scorecard("2.13.0", null),
];
const FEEDBACK: UserFeedback = {
  id: "9001",
  shortId: "WEB-FB-1",
  message: "The berth map takes ages to load since yesterday",
  name: "Ada",
  contactEmail: "ada@example.com",
  source: "new_feedback_envelope",
  associatedEventId: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
  projectSlug: "web",
  release: "2.14.0",
  status: "unresolved",
  firstSeen: "2026-11-21T09:00:00Z",
  permalink: "https://sentry.example/organizations/acme/feedback/?feedbackSlug=web:9001",
};

beforeEach(() => {
  loadReleaseScorecards.mockReset();
  listUserFeedback.mockReset();
  loadReleaseScorecards.mockResolvedValue({
    scorecards: SCORECARDS,
    fetchedAt: new Date("2026-11-22T08:00:00Z"),
    stale: false,
    error: null,
  });
  listUserFeedback.mockResolvedValue({
    status: "ok",
    items: [FEEDBACK],
    isComplete: true,
    fetchedAt: new Date("2026-11-22T08:00:00Z"),
    stale: false,
    error: null,
  });
});

describe("performance_by_release", () => {
  it("reads the caller's org and names each regression with its reasons", async () => {
    const client = await connect(context("member"));
    const result = await client.callTool({ name: "performance_by_release", arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(loadReleaseScorecards).toHaveBeenCalledWith({ orgId: "org_acme", requestId: "req-test" });
    expect(text(result)).toBe(
      "3 release scorecard(s). Regressions: 2.14.0 (crash-free sessions 97.10% vs 99.40% in 2.13.0; p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads).",
    );
    expect(data<{ releases: ReleaseScorecard[] }>(result).releases.map((r) => r.version)).toEqual([
      "2.15.0",
      "2.14.0",
      "2.13.0",
    ]);
  });

  it("filters to one release or to regressions, and names an unknown version", async () => {
    const client = await connect(context("manager"));
    const only = await client.callTool({ name: "performance_by_release", arguments: { onlyRegressions: true } });
    expect(data<{ releases: ReleaseScorecard[] }>(only).releases.map((r) => r.version)).toEqual(["2.14.0"]);
    const one = await client.callTool({ name: "performance_by_release", arguments: { version: "2.15.0" } });
    expect(text(one)).toBe("1 release scorecard(s). No regressions.");
    const unknown = await client.callTool({ name: "performance_by_release", arguments: { version: "9.9.9" } });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toContain('Sentry has no release named "9.9.9"');
  });

  it("says why when Sentry could not be read", async () => {
    loadReleaseScorecards.mockResolvedValue({
      scorecards: [],
      fetchedAt: null,
      stale: false,
      error: "Sentry is not connected",
    });
    const result = await (await connect(context("admin"))).callTool({ name: "performance_by_release", arguments: {} });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe("Sentry could not be read for Acme: Sentry is not connected");
  });
});

describe("list_user_feedback", () => {
  it("passes the filters on for the caller's org and lists the feedback with its linked event", async () => {
    const client = await connect(context("member"));
    const result = await client.callTool({
      name: "list_user_feedback",
      arguments: { release: "2.14.0", query: "slow", limit: 5 },
    });
    expect(result.isError).toBeFalsy();
    expect(listUserFeedback).toHaveBeenCalledWith({
      orgId: "org_acme",
      release: "2.14.0",
      sentryIssueId: undefined,
      query: "slow",
      requestId: "req-test",
    });
    expect(text(result)).toBe('1 feedback submission(s) for release 2.14.0, "slow".');
    expect(data<{ feedback: UserFeedback[] }>(result).feedback).toEqual([FEEDBACK]);
  });

  it("refuses an issue id that is not Sentry's numeric id, before reading anything", async () => {
    const result = await (
      await connect(context("member"))
    ).callTool({
      name: "list_user_feedback",
      arguments: { sentryIssueId: "WEB-1" },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("must be a Sentry issue id");
    expect(listUserFeedback).not.toHaveBeenCalled();
  });

  it("says Sentry is not connected", async () => {
    listUserFeedback.mockResolvedValue({ status: "not-connected" });
    const result = await (await connect(context("member"))).callTool({ name: "list_user_feedback", arguments: {} });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("Sentry");
  });
});
