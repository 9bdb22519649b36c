import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy } from "@/test/counting-proxy";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import type * as Connections from "@/lib/integrations/connections";
import type * as Jira from "@/lib/integrations/jira";
import { db } from "@/lib/db/client";
import * as loader from "./deactivated-issues";
import * as jiraModule from "@/lib/integrations/jira";

/** The members page's open issues of deactivated members, against the Jira emulator through a counting proxy. */
describe("open issues of deactivated members", () => {
  let jira: JiraEmulator;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let config: Jira.JiraClientConfig;
  let orgId: string;
  let accountIds: string[];

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
    proxy = await startCountingProxy(jira.url);
  });
  useSeededDatabase({
    label: "deactivatedissues",
    seed: () => ({ urls: { jira: proxy.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    accountIds = (
      await db.membership.findMany({ where: { orgId, jiraAccountId: { not: null } }, orderBy: { id: "asc" } })
    ).map((m) => m.jiraAccountId as string);
    const connections: typeof Connections = await import("@/lib/integrations/connections");
    config = (await connections.getJiraConfig({ orgId }))!;
  });
  afterAll(async () => {
    await proxy.close();
    await jira.close();
  });

  it("makes one Jira search for N deactivated members, grouped as one search per person would, and none while cached", async () => {
    expect(accountIds.length).toBeGreaterThanOrEqual(4);
    const perPerson = Object.fromEntries(
      await Promise.all(
        accountIds.map(async (id) => [id, await jiraModule.listOpenIssuesAssignedTo(config, id)] as const),
      ),
    );
    expect(Object.values(perPerson).filter((issues) => issues.length > 0).length).toBeGreaterThanOrEqual(2);

    proxy.reset();
    const cold = await loader.readDeactivatedMembersOpenIssues({ orgId, config, accountIds });
    expect(proxy.count()).toBe(1);
    expect(cold).toMatchObject({ fromCache: false, stale: false });
    for (const id of accountIds)
      expect(cold.value[id]!.map((i) => i.key).sort()).toEqual(perPerson[id]!.map((i) => i.key).sort());

    proxy.reset();
    const warm = await loader.readDeactivatedMembersOpenIssues({
      orgId,
      config,
      accountIds: [...accountIds].reverse(),
    });
    expect(proxy.count()).toBe(0);
    expect(warm).toMatchObject({ fromCache: true, stale: false });
    expect(warm.value).toEqual(cold.value);
  });

  it("searches again when the set of deactivated members changes, or after issues were reassigned", async () => {
    proxy.reset();
    const fewer = await loader.readDeactivatedMembersOpenIssues({ orgId, config, accountIds: accountIds.slice(0, 2) });
    expect(proxy.count()).toBe(1);
    expect(Object.keys(fewer.value).sort()).toEqual(accountIds.slice(0, 2).sort());

    await loader.forgetDeactivatedMembersOpenIssues({ orgId });
    proxy.reset();
    await loader.readDeactivatedMembersOpenIssues({ orgId, config, accountIds: accountIds.slice(0, 2) });
    expect(proxy.count()).toBe(1);
  });

  it("shows the last answer, marked stale, while Jira is down", async () => {
    await fetch(`${jira.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({ errorRate: 1, errorStatus: 503 }),
    });
    try {
      await db.cacheEntry.updateMany({
        where: { orgId, key: { startsWith: "jira:deactivated-members" } },
        data: { expiresAt: new Date(Date.now() - 60_000) },
      });
      const during = await loader.readDeactivatedMembersOpenIssues({
        orgId,
        config,
        accountIds: accountIds.slice(0, 2),
      });
      expect(during).toMatchObject({ stale: true, error: expect.stringMatching(/503/) });
    } finally {
      await fetch(`${jira.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify({ errorRate: 0 }) });
    }
  });
});
