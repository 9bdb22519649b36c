import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/** A manager turns a feature's requirements into an epic, stories and subtasks in the Jira emulator. */
const JIRA = "http://127.0.0.1:4102/acme/rest/api/3";
const jiraAuth = { authorization: `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}` };
type Issue = {
  key: string;
  fields: {
    summary: string;
    issuetype: { name: string };
    parent?: { key: string };
    assignee: { displayName: string } | null;
    labels: string[];
  };
};
const jiraIssue = async (request: APIRequestContext, key: string) =>
  (await (
    await request.get(`${JIRA}/issue/${key}?fields=summary,issuetype,parent,assignee,labels`, { headers: jiraAuth })
  ).json()) as Issue;

const STORIES = `## Dispatchers see upcoming berth bookings
Estimate: 5
Component: Platform
Acceptance criteria:
- Lists bookings for the next 7 days
Checklist:
- [ ] Bookings API
- [ ] Bookings table

## Agents get a reminder before arrival
Estimate: 3
Component: Billing
Acceptance criteria:
- E-mail 24 hours before the berth slot
Checklist:
- [ ] Reminder job
- [ ] E-mail template

## Reminders survive a restart
Estimate: 2
Component: Infrastructure
Checklist:
- [ ] Persist scheduled reminders
`;

test.describe("tickets from requirements as a manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("a feature with three stories and checklists becomes an epic, stories and subtasks with the previewed assignees", async ({
    page,
    request,
  }) => {
    const name = `Berth booking reminders ${Date.now()}`;
    await page.goto("/acme/sprints");
    await page.getByRole("link", { name: "New feature" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New feature" })).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Labels").fill("berths, reminders");
    await page.getByText("Paste stories as Markdown").click();
    await page.getByLabel("Stories in Markdown").fill(STORIES);
    await page.getByRole("button", { name: "Add these stories" }).click();
    await expect(page.getByRole("group", { name: "Story 3" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Story 4" })).toHaveCount(0);

    // A bad estimate is named by its field.
    await page.getByRole("group", { name: "Story 2" }).getByLabel("Estimate").fill("300");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("group", { name: "Story 2" }).getByText(/100/).first()).toBeVisible();
    await page.getByRole("group", { name: "Story 2" }).getByLabel("Estimate").fill("3");
    await page.getByRole("button", { name: "Preview" }).click();

    const preview = page.getByRole("table", { name: "Stories and subtasks to create" });
    await expect(preview.getByRole("row")).toHaveCount(4);
    const previewed = new Map<string, string>();
    for (const title of [
      "Dispatchers see upcoming berth bookings",
      "Agents get a reminder before arrival",
      "Reminders survive a restart",
    ]) {
      const cells = preview.getByRole("row").filter({ hasText: title }).getByRole("cell");
      previewed.set(title, (await cells.nth(2).textContent())?.trim() ?? "");
      await expect(cells.nth(3)).not.toBeEmpty();
    }

    await page.getByRole("button", { name: "Create 9 issues in Jira" }).click();
    await expect(page.getByText("Created 9 issues in ACME.")).toBeVisible({ timeout: 60_000 });
    const progress = page.getByRole("progressbar", { name: "Creating in Jira" });
    await expect(progress).toHaveAttribute("aria-valuenow", (await progress.getAttribute("aria-valuemax")) as string);

    const epicKey = (
      await page
        .getByRole("region", { name: /Changes in Jira/ })
        .getByRole("link")
        .first()
        .textContent()
    )?.trim() as string;
    const epic = await jiraIssue(request, epicKey);
    expect(epic.fields).toMatchObject({ summary: name, issuetype: { name: "Epic" } });
    for (const [title, assignee] of previewed) {
      const row = preview.getByRole("row").filter({ hasText: title });
      const keys = await row.getByRole("link").allTextContents();
      const [storyKey, ...subtaskKeys] = keys.map((k) => k.trim());
      const story = await jiraIssue(request, storyKey as string);
      expect(story.fields.issuetype.name).toBe("Story");
      expect(story.fields.parent?.key).toBe(epicKey);
      expect(story.fields.labels).toEqual(expect.arrayContaining(["berths", "reminders"]));
      expect(story.fields.assignee?.displayName ?? "Unassigned").toBe(assignee);
      expect(subtaskKeys.length).toBeGreaterThan(0);
      for (const key of subtaskKeys) expect((await jiraIssue(request, key)).fields.parent?.key).toBe(storyKey);
    }
    const audit = await e2eQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'jira.issues.create_bulk' AND summary LIKE '%${name}%'`,
    );
    expect(audit[0]!.n).toBe(3);
  });

  test("a member cannot create features", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: STORAGE_STATE.linus })).newPage();
    await page.goto("/acme/tickets/new");
    await expect(
      page.getByText("Managers and admins of Acme Maritime create features from requirements."),
    ).toBeVisible();
  });
});
