import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { saveSnapshot } from "./sprint-snapshots";

/** Which snapshot stands when a page load, the reconciliation pass and Jira's webhook each record one. */
describe("saveSnapshot", () => {
  let orgId: string;
  useSeededDatabase({ label: "snapshots" });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
  });

  const snapshot = (sprintId: number, origin: "webhook" | "reconciled" | "observed" | "backfill", committed: number) =>
    saveSnapshot({
      orgId,
      boardId: 900,
      sprintId,
      sprintName: `S${sprintId}`,
      kind: "start",
      takenAt: new Date(origin === "webhook" ? "2026-11-24T09:00:00Z" : "2026-11-24T11:30:00Z"),
      sprintStart: new Date("2026-11-24T09:00:00Z"),
      sprintEnd: null,
      committedPoints: committed,
      completedPoints: 0,
      addedPoints: 0,
      removedPoints: 0,
      issues: { source: "observed", items: [] },
      origin,
      delaySeconds: origin === "reconciled" ? 9_000 : null,
    });

  it("the webhook's snapshot replaces one a page load or the reconciliation pass guessed", async () => {
    await snapshot(1, "observed", 10);
    expect(await snapshot(1, "webhook", 13)).toMatchObject({
      origin: "webhook",
      committedPoints: 13,
      delaySeconds: null,
    });
    await snapshot(2, "reconciled", 10);
    expect(await snapshot(2, "webhook", 13)).toMatchObject({
      origin: "webhook",
      takenAt: new Date("2026-11-24T09:00:00Z"),
    });
  });

  it("nothing replaces the webhook's snapshot, not even another webhook (a redelivery)", async () => {
    await snapshot(3, "webhook", 13);
    for (const origin of ["observed", "reconciled", "backfill", "webhook"] as const)
      expect(await snapshot(3, origin, 99)).toMatchObject({ origin: "webhook", committedPoints: 13 });
  });

  it("a page load or reconciliation records only where nothing is yet", async () => {
    await snapshot(4, "reconciled", 8);
    expect(await snapshot(4, "observed", 99)).toMatchObject({
      origin: "reconciled",
      committedPoints: 8,
      delaySeconds: 9_000,
    });
    expect(await db.sprintSnapshot.count({ where: { orgId, sprintId: 4 } })).toBe(1);
  });
});
