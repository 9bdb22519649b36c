import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";

/**
 * The keyboard on org pages: `g s` goes to Sprints, `?` lists the shortcuts,
 * and Ctrl/⌘+K opens the command palette, which finds a release (from the
 * releases page's cached read) and a Jira key.
 */
const VERSION = "2.15.0";
const PALETTE_KEY = process.platform === "darwin" ? "Meta+k" : "Control+k";

/** The shortcuts arrive a moment after the page has hydrated; the listener marks <html> when it is live. */
const shortcutsLive = (page: Page) => expect(page.locator("html[data-shortcuts=on]")).toHaveCount(1);

test.describe("keyboard shortcuts for an acme manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("g s goes to Sprints, and keys typed into a field do not", async ({ page }) => {
    await page.goto("/acme");
    await expect(page.getByRole("heading", { level: 1, name: "Acme Maritime" })).toBeVisible();
    await shortcutsLive(page);
    await page.keyboard.press("g");
    await page.keyboard.press("s");
    await expect(page).toHaveURL(/\/acme\/sprints$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sprints" })).toBeVisible();

    await page.goto("/acme/errors");
    const search = page.getByRole("search").getByRole("textbox").first();
    await shortcutsLive(page);
    await search.click();
    await page.keyboard.type("gs");
    await expect(page).toHaveURL(/\/acme\/errors/);
  });

  test("? opens the list of shortcuts and Esc closes it", async ({ page }) => {
    await page.goto("/acme");
    await expect(page.getByRole("heading", { level: 1, name: "Acme Maritime" })).toBeVisible();
    await shortcutsLive(page);
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help.getByText("Go to Sprints")).toBeVisible();
    await expect(help.getByText(/^Open the command palette/)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(help).toHaveCount(0);
  });

  test("the command palette finds a release and a Jira key", async ({ page }) => {
    // The palette searches what the pages have read: the releases page fills the cached release list.
    await page.goto("/acme/releases");
    await expect(page.getByRole("link", { name: VERSION }).first()).toBeVisible();
    await shortcutsLive(page);

    await page.keyboard.press(PALETTE_KEY);
    const palette = page.getByRole("dialog", { name: "Command palette" });
    const input = palette.getByRole("combobox");
    await expect(input).toBeFocused();
    await input.fill(VERSION);
    const release = palette.getByRole("option").filter({ hasText: VERSION }).first();
    await expect(release).toBeVisible();
    await expect(release).toContainText("Release");

    await input.fill("ACME-12");
    await expect(palette.getByRole("option").first()).toContainText("ACME-12");
    await expect(palette.getByRole("option").first()).toContainText("Jira");

    await input.fill(VERSION);
    await expect(palette.getByRole("option").first()).toContainText(VERSION);
    await expect(input).toHaveAttribute("aria-activedescendant", /.+/);
    await input.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/acme/releases/${VERSION.replace(/\./g, "\\.")}$`));
    await expect(palette).toHaveCount(0);
  });
});
