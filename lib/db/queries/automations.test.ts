import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { listDeliveries, listRuns } from "./automations";

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 12, 0) + minutes * MINUTE);

/**
 * The run log and the delivery list are cut at a few dozen rows, so their order is taken in SQL: a short list in
 * an order other than "newest first" holds the first rows of that order across everything stored, not the newest
 * rows re-sorted. Another org's rows never appear.
 */
describe("automation lists ordered in SQL", () => {
  useSeededDatabase({ label: "automation-orders", seed: false });
  let orgId: string;

  beforeAll(async () => {
    const [org, other] = await Promise.all([
      db.organization.create({ data: { slug: "tally", name: "Tally", workosOrgId: "org_tally" } }),
      db.organization.create({ data: { slug: "other", name: "Other", workosOrgId: "org_other" } }),
    ]);
    orgId = org.id;
    const rule = (id: string, name: string, owner = orgId) =>
      db.automationRule.create({ data: { id, orgId: owner, kind: "sentry_issue_to_jira", name, config: {} } });
    await Promise.all([rule("rule_b", "Bravo"), rule("rule_a", "Alpha"), rule("rule_z", "Aardvark", other.id)]);
    const run = (id: string, minutes: number, status: "succeeded" | "failed" | "pending", ruleId: string | null) => ({
      id,
      orgId,
      ruleId,
      triggerKey: id,
      status,
      input: {},
      startedAt: at(minutes),
    });
    await db.automationRun.createMany({
      data: [
        // The oldest run is the only one of rule "Alpha": a window of the newest would miss it.
        run("run_1", 0, "failed", "rule_a"),
        run("run_2", 10, "succeeded", "rule_b"),
        run("run_3", 20, "succeeded", "rule_b"),
        run("run_4", 30, "pending", null),
        run("run_5", 40, "succeeded", "rule_b"),
        { ...run("run_other", 50, "failed", "rule_z"), orgId: other.id },
      ],
    });
    const delivery = (id: string, minutes: number, source: "sentry" | "github" | "jira", eventType: string) => ({
      id,
      orgId,
      source,
      idempotencyKey: id,
      eventType,
      payload: {},
      status: "processed" as const,
      receivedAt: at(minutes),
    });
    await db.webhookDelivery.createMany({
      data: [
        delivery("del_1", 0, "github", "create"),
        delivery("del_2", 10, "sentry", "issue.created"),
        delivery("del_3", 20, "sentry", "event_alert.triggered"),
        delivery("del_4", 30, "jira", "jira:issue_updated"),
        { ...delivery("del_other", 40, "sentry", "aaa.first"), orgId: other.id },
      ],
    });
  });

  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

  it("lists runs newest first by default, and oldest first when asked", async () => {
    expect(ids(await listRuns({ orgId }))).toEqual(["run_5", "run_4", "run_3", "run_2", "run_1"]);
    expect(ids(await listRuns({ orgId, take: 2, orderBy: { by: "startedAt", dir: "asc" } }))).toEqual([
      "run_1",
      "run_2",
    ]);
  });

  it("orders runs by rule name over all runs, with runs of deleted rules last either way", async () => {
    expect(ids(await listRuns({ orgId, take: 1, orderBy: { by: "rule", dir: "asc" } }))).toEqual(["run_1"]);
    const ascending = await listRuns({ orgId, orderBy: { by: "rule", dir: "asc" } });
    expect(ascending.map((run) => run.rule?.name ?? null)).toEqual(["Alpha", "Bravo", "Bravo", "Bravo", null]);
    // Equal names keep the newest first.
    expect(ids(ascending).slice(1, 4)).toEqual(["run_5", "run_3", "run_2"]);
    const descending = await listRuns({ orgId, orderBy: { by: "rule", dir: "desc" } });
    expect(ids(descending)).toEqual(["run_5", "run_3", "run_2", "run_1", "run_4"]);
    expect(ids(await listRuns({ orgId, take: 4, orderBy: { by: "rule", dir: "desc" } }))).not.toContain("run_4");
  });

  it("orders runs by status in the schema's order and keeps the filter", async () => {
    expect(ids(await listRuns({ orgId, take: 1, orderBy: { by: "status", dir: "desc" } }))).toEqual(["run_1"]);
    expect(ids(await listRuns({ orgId, orderBy: { by: "status", dir: "asc" } }))).toEqual([
      "run_4",
      "run_5",
      "run_3",
      "run_2",
      "run_1",
    ]);
    expect(
      ids(await listRuns({ orgId, filter: { status: "succeeded" }, orderBy: { by: "rule", dir: "asc" } })),
    ).toEqual(["run_5", "run_3", "run_2"]);
  });

  it("orders deliveries by any listed column over all of the org's deliveries", async () => {
    expect(ids(await listDeliveries({ orgId }))).toEqual(["del_4", "del_3", "del_2", "del_1"]);
    expect(ids(await listDeliveries({ orgId, take: 1, orderBy: { by: "receivedAt", dir: "asc" } }))).toEqual(["del_1"]);
    expect(ids(await listDeliveries({ orgId, take: 1, orderBy: { by: "eventType", dir: "asc" } }))).toEqual(["del_1"]);
    // Sources in the schema's order (sentry, github, workos, jira); the newest first within one.
    expect(ids(await listDeliveries({ orgId, orderBy: { by: "source", dir: "asc" } }))).toEqual([
      "del_3",
      "del_2",
      "del_1",
      "del_4",
    ]);
    expect(
      ids(await listDeliveries({ orgId, sources: ["sentry", "github"], orderBy: { by: "status", dir: "desc" } })),
    ).toEqual(["del_3", "del_2", "del_1"]);
  });
});
