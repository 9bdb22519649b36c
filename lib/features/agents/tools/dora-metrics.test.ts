import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { AgentContext } from "@/lib/features/agents/context";
import { DELIVERY_HISTORY_QUEUE } from "@/lib/features/delivery";
import { useSeededDatabase } from "@/test/fixtures/database";
import { registerBosunTools } from "./index";

/**
 * dora_metrics through the protocol over a seeded database with hand-written history: it counts the caller's
 * org's deploys only, answers with the bands and their source, and queues the first fill once.
 */
const HOUR = 3_600_000;
const now = Date.now();
const ago = (hours: number) => new Date(now - hours * HOUR);

const open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

describe("dora_metrics", () => {
  useSeededDatabase({
    label: "dora-tool",
    seed: () => ({ urls: { sentry: "http://127.0.0.1:1", jira: "http://127.0.0.1:1" } }),
  });
  let acme: { id: string; slug: string; name: string };
  let globex: { id: string; slug: string; name: string };

  beforeAll(async () => {
    acme = await db.organization.findUniqueOrThrow({
      where: { slug: "acme" },
      select: { id: true, slug: true, name: true },
    });
    globex = await db.organization.findUniqueOrThrow({
      where: { slug: "globex" },
      select: { id: true, slug: true, name: true },
    });
    const deploy = (
      orgId: string,
      sentryId: string,
      version: string,
      hoursAgo: number,
      environment = "production",
    ) => ({
      orgId,
      sentryId,
      version,
      environment,
      projects: ["web"],
      dateFinished: ago(hoursAgo),
    });
    await db.deploy.createMany({
      data: [
        deploy(acme.id, "1", "3.0.0", 24 * 20),
        deploy(acme.id, "2", "3.1.0", 24 * 10),
        deploy(acme.id, "3", "3.1.0", 24 * 10 + 2, "staging"),
        deploy(acme.id, "4", "3.1.1", 24 * 10 - 3),
        deploy(acme.id, "5", "2.9.0", 24 * 60),
        deploy(globex.id, "6", "9.0.0", 24 * 2),
        deploy(globex.id, "7", "9.1.0", 24 * 1),
      ],
    });
    await db.releaseCommit.createMany({
      data: [
        { orgId: acme.id, version: "3.1.0", sha: "aaa", committedAt: ago(24 * 10 + 6) },
        { orgId: acme.id, version: "3.1.0", sha: "bbb", committedAt: null },
      ],
    });
  });

  async function call(org: typeof acme, args: Record<string, unknown>) {
    const ctx: AgentContext = {
      org,
      role: "member",
      scope: "read",
      actor: { type: "agent", id: "key_test", label: "Test key" },
      requestId: "req-test",
      via: { kind: "api_key", keyId: "key_test" },
    };
    const server = new McpServer({ name: "bosun-test", version: "0.0.0" });
    registerBosunTools(server, ctx);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: "test", version: "0.0.0" });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    open.push(client);
    return (await client.callTool({ name: "dora_metrics", arguments: args })) as CallToolResult;
  }

  type Output = {
    deployments: number;
    deploymentFrequencyPerWeek: number;
    leadTimeHours: { p50: number | null; p85: number | null; samples: number };
    changeFailureRate: number | null;
    recoveryHours: { p50: number | null };
    bands: Record<string, string | null>;
    thresholdsSource: { year: number; url: string };
    excluded: { reason: string; count: number }[];
    history: { status: string };
  };

  it("answers the caller's org's production figures with bands, their source and what was left out", async () => {
    const result = await call(acme, {});
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as Output;
    expect(output.deployments).toBe(3);
    expect(output.deploymentFrequencyPerWeek).toBeCloseTo(3 / (30 / 7), 2);
    expect(output.leadTimeHours).toEqual({ p50: 6, p85: 6, samples: 1 });
    // 3.1.1 is a hotfix of 3.1.0 three hours later: one failed deploy of three, recovered in 3 h.
    expect(output.changeFailureRate).toBeCloseTo(1 / 3, 3);
    expect(output.recoveryHours.p50).toBe(3);
    expect(output.bands).toEqual({
      deploymentFrequency: "medium",
      leadTime: "elite",
      changeFailureRate: "low",
      recovery: "high",
    });
    expect(output.thresholdsSource).toMatchObject({ year: 2024, url: "https://dora.dev/research/2024/dora-report/" });
    expect(output.excluded).toEqual([expect.objectContaining({ reason: "commit_without_time", count: 1 })]);
    expect((result.content[0] as { text: string }).text).toContain("3 deploys");
  });

  it("reads another window and environment when asked", async () => {
    expect(((await call(acme, { days: 90 })).structuredContent as Output).deployments).toBe(4);
    expect(((await call(acme, { environment: "staging" })).structuredContent as Output).deployments).toBe(1);
    expect((await call(acme, { days: 45 })).isError).toBe(true);
  });

  it("never counts another org's deploys", async () => {
    expect(((await call(globex, {})).structuredContent as Output).deployments).toBe(2);
    expect(((await call(acme, { days: 30 })).structuredContent as Output).deployments).toBe(3);
  });

  it("queues the first fill of history once per org, and says it is filling", async () => {
    await call(acme, {});
    const output = (await call(acme, {})).structuredContent as Output;
    expect(output.history.status).toBe("filling");
    const jobs = await db.job.findMany({ where: { queue: DELIVERY_HISTORY_QUEUE, orgId: acme.id } });
    expect(jobs).toHaveLength(1);
  });
});
