import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { loadAutomationRunLog, loadAutomationsPage } from "./load-page";

const MINUTE = 60_000;

/**
 * The run log, the delivery list and the sync log are cut at 50, 25 and 50 rows, so an order asked for must be the
 * order of the whole table: rows that sort first but are older than the newest page still come first.
 */
describe("automations page order", () => {
  useSeededDatabase({ label: "automations-order", seed: false });
  let orgId: string;
  let userId: string;
  const now = new Date();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);

  beforeAll(async () => {
    const org = await db.organization.create({ data: { slug: "order", name: "Order", workosOrgId: "org_order" } });
    const user = await db.user.create({ data: { workosUserId: "user_order", email: "ada@order.test", name: "Ada" } });
    orgId = org.id;
    userId = user.id;
    const rule = (name: string) =>
      db.automationRule.create({ data: { orgId, kind: "sentry_issue_to_jira", name, config: {} } });
    const [alpha, zulu] = [await rule("Alpha"), await rule("Zulu")];
    // 60 recent runs of Zulu, then 5 older runs of Alpha: the newest 50 hold no Alpha run.
    await db.automationRun.createMany({
      data: [
        ...Array.from({ length: 60 }, (_, i) => ({ orgId, ruleId: zulu.id, input: {}, startedAt: ago(i + 1) })),
        ...Array.from({ length: 5 }, (_, i) => ({ orgId, ruleId: alpha.id, input: {}, startedAt: ago(100 + i) })),
      ],
    });
    // 30 recent Sentry deliveries, then 2 older GitHub ones whose event sorts first.
    await db.webhookDelivery.createMany({
      data: [
        ...Array.from({ length: 30 }, (_, i) => ({
          orgId,
          source: "sentry" as const,
          idempotencyKey: `sentry-${i}`,
          eventType: "issue.created",
          payload: {},
          receivedAt: ago(i + 1),
        })),
        ...Array.from({ length: 2 }, (_, i) => ({
          orgId,
          source: "github" as const,
          idempotencyKey: `github-${i}`,
          eventType: "create",
          payload: {},
          receivedAt: ago(100 + i),
        })),
      ],
    });
    // 55 recent skipped sync decisions, then 3 older applied ones, which sort first by outcome.
    const decision = (outcome: "skipped" | "applied", i: number, minutesAgo: number) => ({
      orgId,
      direction: "jira_to_sentry" as const,
      field: "status",
      trigger: `WEB-${i} moved`,
      outcome,
      occurredAt: ago(minutesAgo),
      createdAt: ago(minutesAgo),
      sourceKey: `${outcome}-${i}`,
    });
    await db.syncActivity.createMany({
      data: [
        ...Array.from({ length: 55 }, (_, i) => decision("skipped", i, i + 1)),
        ...Array.from({ length: 3 }, (_, i) => decision("applied", i, 100 + i)),
      ],
    });
  });

  it("reads the run log newest first by default, so its first page holds only the recent rule", async () => {
    const runs = await loadAutomationRunLog({ orgId });
    expect(runs).toHaveLength(50);
    expect(new Set(runs.map((run) => run.rule?.name))).toEqual(new Set(["Zulu"]));
  });

  it("sorts the run log by rule in SQL: the older Alpha runs come first, then Zulu's newest", async () => {
    const runs = await loadAutomationRunLog({ orgId, order: { by: "rule", dir: "asc" } });
    expect(runs).toHaveLength(50);
    expect(runs.slice(0, 5).map((run) => run.rule?.name)).toEqual(Array(5).fill("Alpha"));
    expect(runs.slice(5).every((run) => run.rule?.name === "Zulu")).toBe(true);
    // Ties keep the newest first.
    expect(runs[0]?.startedAt.getTime()).toBe(ago(100).getTime());
    expect(runs[5]?.startedAt.getTime()).toBe(ago(1).getTime());

    const descending = await loadAutomationRunLog({ orgId, order: { by: "rule", dir: "desc" } });
    expect(descending.every((run) => run.rule?.name === "Zulu")).toBe(true);
  });

  it("sorts the page's deliveries and sync log in SQL, past their newest rows", async () => {
    const page = await loadAutomationsPage({
      orgId,
      orgSlug: "order",
      userId,
      role: "admin",
      now,
      deliveryOrder: { by: "eventType", dir: "asc" },
      syncOrder: { by: "outcome", dir: "asc" },
    });
    if (page.access !== "full") throw new Error("an admin sees the whole page");
    expect(page.deliveries).toHaveLength(25);
    expect(page.deliveries.slice(0, 3).map((d) => d.eventType)).toEqual(["create", "create", "issue.created"]);
    expect(page.sync.activity).toHaveLength(50);
    expect(page.sync.activity.slice(0, 4).map((row) => row.outcome)).toEqual([
      "applied",
      "applied",
      "applied",
      "skipped",
    ]);
  });

  it("lists deliveries and sync decisions newest first without an order", async () => {
    const page = await loadAutomationsPage({ orgId, orgSlug: "order", userId, role: "admin", now });
    if (page.access !== "full") throw new Error("an admin sees the whole page");
    expect(page.deliveries.every((d) => d.source === "sentry")).toBe(true);
    expect(page.sync.activity.every((row) => row.outcome === "skipped")).toBe(true);
  });
});
