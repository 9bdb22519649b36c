import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { listRecentSyncActivity } from "./sync-activity";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 12, 0) + minutes * 60_000);

/** The sync's log is cut at `limit` rows, so an order other than "latest first" is taken in SQL, within the org. */
describe("listRecentSyncActivity", () => {
  useSeededDatabase({ label: "sync-activity-orders", seed: false });
  let orgId: string;

  beforeAll(async () => {
    const [org, other] = await Promise.all([
      db.organization.create({ data: { slug: "tally", name: "Tally", workosOrgId: "org_tally" } }),
      db.organization.create({ data: { slug: "other", name: "Other", workosOrgId: "org_other" } }),
    ]);
    orgId = org.id;
    const row = (
      id: string,
      occurredMinutes: number,
      recordedMinutes: number,
      direction: "jira_to_sentry" | "sentry_to_jira" | "github_to_sentry",
      outcome: "applied" | "skipped" | "failed",
    ) => ({
      id,
      orgId,
      direction,
      outcome,
      field: "status",
      trigger: `event ${id}`,
      sourceKey: `${id}:status`,
      occurredAt: at(occurredMinutes),
      createdAt: at(recordedMinutes),
    });
    await db.syncActivity.createMany({
      data: [
        // Recorded last but happened first: a redelivered, late event.
        row("act_1", 0, 50, "sentry_to_jira", "applied"),
        row("act_2", 10, 10, "jira_to_sentry", "failed"),
        row("act_3", 20, 20, "github_to_sentry", "skipped"),
        row("act_4", 30, 30, "jira_to_sentry", "applied"),
        { ...row("act_other", 40, 40, "jira_to_sentry", "applied"), orgId: other.id },
      ],
    });
  });

  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

  it("lists the latest recorded first when no order is asked for", async () => {
    expect(ids(await listRecentSyncActivity({ orgId }))).toEqual(["act_1", "act_4", "act_3", "act_2"]);
  });

  it("orders by when each change happened, over the whole log", async () => {
    expect(ids(await listRecentSyncActivity({ orgId, limit: 1, orderBy: { by: "occurredAt", dir: "asc" } }))).toEqual([
      "act_1",
    ]);
    expect(ids(await listRecentSyncActivity({ orgId, orderBy: { by: "occurredAt", dir: "desc" } }))).toEqual([
      "act_4",
      "act_3",
      "act_2",
      "act_1",
    ]);
  });

  it("orders by direction and outcome in the schema's order, the latest first within one", async () => {
    expect(ids(await listRecentSyncActivity({ orgId, orderBy: { by: "direction", dir: "asc" } }))).toEqual([
      "act_4",
      "act_2",
      "act_1",
      "act_3",
    ]);
    expect(ids(await listRecentSyncActivity({ orgId, limit: 1, orderBy: { by: "outcome", dir: "desc" } }))).toEqual([
      "act_2",
    ]);
  });
});
