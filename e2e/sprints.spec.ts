import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";

const JIRA = "http://127.0.0.1:4102/acme/rest";
const auth = { authorization: `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}` };

test.describe("sprint capacity as a manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("shows the active sprint from Jira: capacity, commitment, load, conflicts and velocity", async ({
    page,
    request,
  }) => {
    await page.goto("/acme/sprints");
    const boards = page.getByRole("navigation", { name: "Boards" });
    await expect(boards.getByRole("link")).toHaveText(["ACME board", "PORT board", "HULL board"]);

    // The numbers on the page are the emulated Jira's: committed = the active sprint's estimated points.
    const board = (
      (await (await request.get(`${JIRA}/agile/1.0/board?type=scrum`, { headers: auth })).json()) as {
        values: { id: number }[];
      }
    ).values[0]!;
    const active = (
      (await (
        await request.get(`${JIRA}/agile/1.0/board/${board.id}/sprint?state=active`, { headers: auth })
      ).json()) as { values: { id: number; name: string }[] }
    ).values[0]!;
    const search = (await (
      await request.get(`${JIRA}/api/3/search/jql?jql=sprint%3D${active.id}&fields=customfield_10016&maxResults=100`, {
        headers: auth,
      })
    ).json()) as { issues: { fields: { customfield_10016?: number | null } }[] };
    const committed = search.issues.reduce((total, issue) => total + (issue.fields.customfield_10016 ?? 0), 0);

    await expect(page.getByText(new RegExp(`^${active.name} ·`))).toBeVisible();
    await expect(page.getByText("Committed", { exact: true }).first().locator("..")).toContainText(String(committed));
    await expect(page.getByText("Load per person")).toBeVisible();
    await expect(page.getByRole("img", { name: /Grace Hopper: \d+(\.\d+)? of \d+(\.\d+)? points/ })).toBeVisible();
    await expect(page.getByText(/Dependency conflicts \(\d+\)/)).toBeVisible();
    await expect(page.getByRole("img", { name: /^Velocity: / })).toBeVisible();
    await expect(page.getByText(/Updated (just now|\d+ min ago)/)).toBeVisible();

    await boards.getByRole("link", { name: "PORT board" }).click();
    await expect(page.getByText(/^PORT Sprint \d+ ·/)).toBeVisible();
  });

  test("records time off, which the team's availability shows", async ({ page }) => {
    await page.goto("/acme/sprints/availability");
    await page.getByLabel("Person").selectOption({ label: "Linus Torvalds" });
    await page.getByLabel("From", { exact: true }).fill("2030-01-07");
    await page.getByLabel("To", { exact: true }).fill("2030-01-11");
    await page.getByLabel("Note").fill("Conference");
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText("Added time off for Linus Torvalds.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("row", { name: /Linus Torvalds/ })).toContainText("Time off 2030-01-07 – 2030-01-11");
    await page.getByLabel("To", { exact: true }).fill("2030-01-01");
    await page.getByLabel("From", { exact: true }).fill("2030-01-05");
    await page.getByRole("button", { name: "Add" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "endsOn: must not be before the start date" }),
    ).toBeVisible();
  });
});

test.describe("planning as a manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("previews a capacity-aware plan, applies it with progress, and Jira has the sprint, issues and assignees", async ({
    page,
    request,
  }) => {
    await page.goto("/acme/sprints");
    await page.getByRole("link", { name: "Plan next sprint" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Plan the next sprint · ACME board/ })).toBeVisible();
    await page.getByLabel("Sprint name").fill("ACME Sprint 77");
    await page.getByRole("button", { name: "Preview plan" }).click();
    await expect(page.getByRole("heading", { name: "Changes in Jira" })).toBeVisible();
    const moves = Number(/Move (\d+) issue/.exec(await page.getByText(/^Move \d+ issue/).innerText())?.[1]);
    expect(moves).toBeGreaterThan(0);
    await expect(page.getByRole("img", { name: /Grace Hopper: [\d.]+ of [\d.]+ points planned/ })).toBeVisible();

    await page.getByRole("button", { name: "Apply to Jira" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Applied to Jira." })).toBeVisible({ timeout: 60_000 });
    const progress = page.getByRole("progressbar", { name: "Applying the plan" });
    await expect(progress).toHaveAttribute("aria-valuenow", (await progress.getAttribute("aria-valuemax")) ?? "");

    const board = (
      (await (await request.get(`${JIRA}/agile/1.0/board?type=scrum`, { headers: auth })).json()) as {
        values: { id: number }[];
      }
    ).values[0]!;
    const future = (await (
      await request.get(`${JIRA}/agile/1.0/board/${board.id}/sprint?state=future`, { headers: auth })
    ).json()) as { values: { id: number; name: string }[] };
    const sprint = future.values.find((s) => s.name === "ACME Sprint 77");
    expect(sprint).toBeTruthy();
    const issues = (await (
      await request.get(`${JIRA}/agile/1.0/sprint/${sprint!.id}/issue?maxResults=100&fields=assignee`, {
        headers: auth,
      })
    ).json()) as { issues: { fields: { assignee: unknown } }[] };
    expect(issues.issues).toHaveLength(moves);
    expect(issues.issues.every((i) => i.fields.assignee !== null)).toBe(true);
  });
});

test.describe("availability as a member", () => {
  test.use({ storageState: STORAGE_STATE.linus });

  test("sees only their own availability and cannot set allocation", async ({ page }) => {
    await page.goto("/acme/sprints/availability");
    await expect(page.getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("row", { name: /Linus Torvalds/ })).toBeVisible();
    await expect(page.getByLabel(/Allocation of/)).toHaveCount(0);
  });
});

test.describe("planning as a member", () => {
  test.use({ storageState: STORAGE_STATE.linus });

  test("cannot plan or apply a sprint", async ({ page }) => {
    await page.goto("/acme/sprints");
    await expect(page.getByRole("navigation", { name: "Boards" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Plan next sprint" })).toHaveCount(0);
    await page.goto("/acme/sprints/plan");
    await expect(page.getByText("Only managers and admins can plan sprints.")).toBeVisible();
  });
});
