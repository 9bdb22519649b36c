import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/**
 * Sprint snapshots at the true moment: a sprint starts in the emulated Jira
 * while nobody has the sprints page open, Jira's signed admin webhook reaches
 * the running Bosun, and when someone opens the page later the commitment is
 * the one recorded at the start, labelled as coming from the webhook. Runs
 * against globex, so acme's sprints (used by the sprint and planning tests)
 * are left alone.
 */
const JIRA = "http://127.0.0.1:4102/globex/rest";
const auth = { authorization: `Basic ${Buffer.from("hedy@globex.test:jira-demo-token").toString("base64")}` };

type Sprint = { id: number; name: string; state: string };

async function jira<T>(request: APIRequestContext, method: "GET" | "POST", path: string, data?: unknown) {
  const response = await request.fetch(`${JIRA}${path}`, { method, headers: auth, data });
  expect(response.ok(), `${method} ${path}: ${response.status()}`).toBe(true);
  // Moving issues into a sprint answers 204 with no body.
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

test.describe("sprint snapshots from Jira's webhook", () => {
  test.use({ storageState: STORAGE_STATE.hedy });

  test("a sprint started while nobody had the page open shows the commitment recorded at its start", async ({
    page,
    request,
  }) => {
    const board = (
      await jira<{ values: { id: number; name: string }[] }>(request, "GET", "/agile/1.0/board?type=scrum")
    ).values[0]!;
    const sprints = (
      await jira<{ values: Sprint[] }>(request, "GET", `/agile/1.0/board/${board.id}/sprint?state=active,future`)
    ).values;
    // One sprint runs per board: the running one closes, then a new one starts with a few backlog issues.
    const running = sprints.find((s) => s.state === "active");
    if (running) await jira(request, "POST", `/agile/1.0/sprint/${running.id}`, { state: "closed" });
    const next = await jira<Sprint>(request, "POST", "/agile/1.0/sprint", {
      name: `Webhook sprint ${Date.now() % 100_000}`,
      originBoardId: board.id,
    });
    const backlog = await jira<{ issues: { key: string; fields: { customfield_10016?: number | null } }[] }>(
      request,
      "GET",
      `/agile/1.0/board/${board.id}/backlog?maxResults=4&fields=customfield_10016`,
    );
    await jira(request, "POST", `/agile/1.0/sprint/${next.id}/issue`, { issues: backlog.issues.map((i) => i.key) });
    const committed = backlog.issues.reduce((total, issue) => total + (issue.fields.customfield_10016 ?? 0), 0);
    await jira(request, "POST", `/agile/1.0/sprint/${next.id}`, {
      state: "active",
      startDate: new Date().toISOString(),
      endDate: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    });

    // No page has loaded this board since: the snapshot can only come from the webhook.
    await expect
      .poll(
        async () =>
          (
            await e2eQuery<{ origin: string; committed: number }>(
              `SELECT origin::text, "committedPoints" AS committed FROM "SprintSnapshot" WHERE "sprintId" = $1 AND kind = 'start'`,
              [next.id],
            )
          )[0] ?? null,
        { timeout: 60_000 },
      )
      .toEqual({ origin: "webhook", committed });

    await page.goto(`/globex/sprints?board=${board.id}`);
    await expect(page.getByText(new RegExp(`^${next.name} ·`))).toBeVisible();
    await expect(page.getByText("Committed", { exact: true }).first().locator("..")).toContainText(String(committed));
    await expect(page.getByText(/^Commitment:/)).toContainText("recorded at start (Jira webhook)");

    // The sprint that closed was recorded at its close the same way, and the velocity list says so.
    if (running) {
      const records = page.getByRole("list", { name: "How each sprint was recorded" });
      await expect(records.getByRole("listitem").filter({ hasText: running.name })).toContainText(
        "recorded at close (Jira webhook)",
      );
    }
  });
});
