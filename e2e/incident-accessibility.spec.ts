import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { axeViolations } from "./fixtures/axe";

/**
 * The pages of the incident loop — an investigation report, the inbox and its preferences, the ownership rules
 * and a release with its rollback gate — as a manager finds them, checked by axe (WCAG 2.1 A/AA) in light and
 * dark mode.
 */
test.describe("incident pages as a manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("have no axe violations, in light and dark mode", async ({ page }) => {
    await page.goto("/acme/errors");
    const investigate = page.getByRole("link", { name: /^Investigate / }).first();
    const reportPath = (await investigate.getAttribute("href")) as string;
    expect(reportPath).toMatch(/^\/acme\/errors\/\d+\/investigation$/);

    const pages: { path: string; ready: (p: typeof page) => Promise<void> }[] = [
      {
        path: reportPath,
        ready: async (p) => {
          await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
          await expect(p.getByText(/in-app/i).first()).toBeVisible();
        },
      },
      {
        path: "/acme/notifications",
        ready: async (p) => expect(p.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible(),
      },
      {
        path: "/acme/notifications/preferences",
        ready: async (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible(),
      },
      {
        path: "/acme/settings/ownership",
        ready: async (p) => expect(p.getByRole("heading", { name: "How ownership works" })).toBeVisible(),
      },
      {
        path: "/acme/releases/2.14.0",
        ready: async (p) => expect(p.getByRole("heading", { level: 1 })).toContainText("2.14.0"),
      },
    ];
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const { path, ready } of pages) {
        await page.goto(path);
        await ready(page);
        expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
      }
    }
  });
});
