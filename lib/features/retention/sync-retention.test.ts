import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";

/** The daily pass also prunes the sync's run log (the automation run log's window) and expired echoes. */
describe("retention of sync history", () => {
  useSeededDatabase({ label: "sync-retention" });
  let orgId: string;
  const now = new Date("2026-12-03T03:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });

  it("deletes activity older than the run log's window and echoes past their expiry, and audits it", async () => {
    const activity = (sourceKey: string, createdAt: Date) => ({
      orgId,
      direction: "jira_to_sentry" as const,
      field: "status",
      trigger: "ACME-1 moved to Done",
      outcome: "applied" as const,
      occurredAt: createdAt,
      sourceKey,
      createdAt,
    });
    await db.syncActivity.createMany({ data: [activity("old", daysAgo(120)), activity("recent", daysAgo(10))] });
    const echo = (value: string, expiresAt: Date) => ({
      orgId,
      service: "sentry",
      objectId: "1",
      field: "status",
      value,
      expiresAt,
    });
    await db.syncEcho.createMany({
      data: [echo("expired", daysAgo(1)), echo("live", new Date(now.getTime() + 60_000))],
    });

    const { pruneOrg } = await import("./prune");
    await pruneOrg({ orgId, now });

    expect((await db.syncActivity.findMany({ where: { orgId } })).map((a) => a.sourceKey)).toEqual(["recent"]);
    expect((await db.syncEcho.findMany({ where: { orgId } })).map((e) => e.value)).toEqual(["live"]);
    const entry = await db.auditLog.findFirst({
      where: { orgId, action: "org.retention_pruned" },
      orderBy: { createdAt: "desc" },
    });
    expect(entry?.summary).toContain("1 sync activity row and 1 expired sync echo");
  });
});
