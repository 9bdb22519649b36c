import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { waitForFilledHistory } from "./fixtures/history";

/**
 * Insights as people find them: the first visit fills the delivery and sprint history in the background (the page
 * says so), then the four keys, sprint reports, forecasts, quality and the printable report show the demo's
 * history. (Every Insights page's axe pass is in accessibility.spec.ts.)
 */

test.describe("Insights as a manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("shows the four keys from the demo's deploys, the hotfix counted as a failure", async ({ page }) => {
    await waitForFilledHistory(page, "/acme/insights?days=30", /Filling history from Sentry/);
    const frequency = page.getByRole("article", { name: "Deployment frequency" });
    await expect(frequency.getByRole("link", { name: /^Based on [1-9]\d* deploys?/ })).toBeVisible();
    await expect(page.getByRole("article", { name: "Change failure rate" })).toContainText(/Elite|High|Low/);
    const failures = page.locator("#dora-failures");
    await expect(failures).toContainText("2.14.1");
    const csv = await page.request.get("/api/orgs/acme/insights/export?table=dora-deploys&format=csv&days=30");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expect((await csv.text()).split("\r\n").length).toBeGreaterThan(2);
  });

  test("reports a closed sprint with its burndown, carryover and accuracy", async ({ page }) => {
    await waitForFilledHistory(page, "/acme/insights/sprints", /Filling sprint history from Jira/);
    await expect(page.getByRole("heading", { name: "Velocity" })).toBeVisible();
    const sprintLinks = page.locator('a[href^="/acme/insights/sprints/"]');
    expect(await sprintLinks.count()).toBeGreaterThanOrEqual(12);
    await sprintLinks.first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Sprint report" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Burndown and burnup" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Planning and capacity accuracy" })).toBeVisible();
    await expect(page.getByRole("img").first()).toHaveAttribute("aria-label", /.+/);
  });

  test("forecasts open epics with P50, P85 and P95 dates, and prints one report", async ({ page }) => {
    await waitForFilledHistory(page, "/acme/insights/sprints", /Filling sprint history from Jira/);
    await page.goto("/acme/insights/forecasts");
    await expect(page.getByRole("columnheader", { name: "P85" }).first()).toBeVisible();
    // An epic's row: its remaining work and a forecast date in each percentile column.
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: /\d{4}-\d{2}-\d{2}/ })
        .first(),
    ).toBeVisible();
    await page.goto("/acme/insights/report");
    await expect(page.getByRole("heading", { level: 1, name: /Delivery report/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "DORA four keys" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  });
});
