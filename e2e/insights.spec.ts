import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { axeViolations } from "./fixtures/axe";

/**
 * Insights as people find them: the first visit fills the delivery and sprint history in the background (the page
 * says so), then the four keys, sprint reports, forecasts, quality and the printable report show the demo's
 * history — and each page is axe-clean in light and dark mode.
 */

/** Reloads until the history fill has finished (the worker runs inline in the test server). */
async function waitForFilledHistory(page: Page, path: string, filling: RegExp) {
  await page.goto(path);
  await expect
    .poll(
      async () => {
        await page.reload();
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        return (await page.getByText(filling).count()) === 0;
      },
      { timeout: 90_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe(true);
}

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

const PAGES = [
  "/acme/insights",
  "/acme/insights/sprints",
  "/acme/insights/forecasts",
  "/acme/insights/quality",
  "/acme/insights/report",
];

// Insights shows every role the same pages and controls, so one role's axe pass covers them.
for (const [role, storageState] of [["manager", STORAGE_STATE.grace]] as const) {
  test.describe(`Insights pages as a ${role}`, () => {
    test.use({ storageState });

    test("have no axe violations, in light and dark mode", async ({ page }) => {
      await waitForFilledHistory(page, "/acme/insights", /Filling history from Sentry/);
      await waitForFilledHistory(page, "/acme/insights/sprints", /Filling sprint history from Jira/);
      const sprintReport = await page.locator('a[href^="/acme/insights/sprints/"]').first().getAttribute("href");
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        for (const path of [...PAGES, sprintReport as string]) {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
        }
      }
    });
  });
}
