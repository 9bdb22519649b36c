import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { db } from "@/lib/db/client";
import * as plan from "./plan";
import * as apply from "./apply-plan";

/** Preview and apply against the Jira emulator and a real database, as the plan page does. */
describe("sprint planning, end to end", () => {
  let jira: JiraEmulator;
  let orgId: string;
  const actor = { type: "user" as const, id: null, label: "grace@acme.test" };
  const jiraGet = async <T>(path: string): Promise<T> =>
    (
      await fetch(`${jira.url}/acme/rest${path}`, {
        headers: { authorization: `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}` },
      })
    ).json() as Promise<T>;

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({ label: "plan", seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(async () => {
    await jira.close();
  });

  it("previews a plan within capacity and applies it to Jira exactly once", async () => {
    const boards = await jiraGet<{ values: { id: number }[] }>("/agile/1.0/board?type=scrum");
    const boardId = boards.values[0]!.id;
    const preview = await plan.previewPlan({
      orgId,
      request: {
        boardId,
        name: "ACME Sprint 42",
        startDate: "2026-12-07",
        endDate: "2026-12-21",
        goal: "",
        bufferPercent: 10,
      },
    });
    if ("error" in preview) throw new Error(preview.error);
    expect(preview.plan.assignments.length).toBeGreaterThan(0);
    for (const person of preview.plan.perPerson) expect(person.plannedPoints).toBeLessThanOrEqual(person.limitPoints);
    expect(preview.diff.moves.map((m) => m.key).sort()).toEqual(preview.plan.assignments.map((a) => a.key).sort());
    expect(await plan.findPreview({ orgId, id: preview.id })).toMatchObject({ id: preview.id });

    const steps = apply.applySteps(preview);
    for (const step of steps)
      expect(await apply.applyStep({ orgId, preview, step, actor, requestId: "req-plan" })).toMatchObject({
        status: "done",
      });

    const sprints = await jiraGet<{ values: { id: number; name: string; goal: string | null; state: string }[] }>(
      `/agile/1.0/board/${boardId}/sprint?state=future`,
    );
    const created = sprints.values.filter((s) => s.name === "ACME Sprint 42");
    expect(created).toHaveLength(1);
    expect(created[0]!.goal).toBe(preview.plan.goal);
    const inSprint = await jiraGet<{ issues: { key: string; fields: { assignee: { accountId: string } | null } }[] }>(
      `/agile/1.0/sprint/${created[0]!.id}/issue?maxResults=100&fields=assignee`,
    );
    expect(inSprint.issues.map((i) => i.key).sort()).toEqual(preview.plan.assignments.map((a) => a.key).sort());
    for (const assignment of preview.plan.assignments) {
      expect(inSprint.issues.find((i) => i.key === assignment.key)?.fields.assignee?.accountId).toBe(
        assignment.accountId,
      );
    }

    const writes = await db.outboxIntent.count({ where: { orgId } });
    const audits = await db.auditLog.count({ where: { orgId, action: { startsWith: "jira." } } });
    expect(audits).toBe(writes);
    // Applying the same preview again changes nothing more.
    for (const step of steps) await apply.applyStep({ orgId, preview, step, actor, requestId: "req-plan-again" });
    expect(await db.outboxIntent.count({ where: { orgId } })).toBe(writes);
    expect(
      (await jiraGet<{ values: { name: string }[] }>(`/agile/1.0/board/${boardId}/sprint?state=future`)).values.filter(
        (s) => s.name === "ACME Sprint 42",
      ),
    ).toHaveLength(1);
  });

  it("refuses a name already used by an open sprint on the board", async () => {
    const boards = await jiraGet<{ values: { id: number }[] }>("/agile/1.0/board?type=scrum");
    const open = await jiraGet<{ values: { name: string }[] }>(
      `/agile/1.0/board/${boards.values[0]!.id}/sprint?state=active`,
    );
    const result = await plan.previewPlan({
      orgId,
      request: {
        boardId: boards.values[0]!.id,
        name: open.values[0]!.name,
        startDate: "2026-12-07",
        endDate: "2026-12-21",
        goal: "",
        bufferPercent: 10,
      },
    });
    expect(result).toEqual({ error: expect.stringContaining("is already open") });
  });

  it("names the wrong field in a bad plan request", () => {
    const result = plan.planRequestSchema.safeParse({
      boardId: 1,
      name: "",
      startDate: "2026-12-21",
      endDate: "2026-12-07",
      goal: "",
      bufferPercent: 80,
    });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      name: "is required",
      bufferPercent: "must be between 0 and 50",
      endDate: "must be after the start date",
    });
  });
});
