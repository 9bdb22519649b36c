import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE, openMenu, signInThroughHostedPage, trackConsoleErrors } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

test.describe("org shell", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("lands on the org overview and every section opens without console errors", async ({ page }) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/acme$/);
    await expect(page.getByRole("heading", { level: 1, name: "Acme Maritime" })).toBeVisible();
    await expect(page.getByText("You are signed in as manager.")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "All systems normal" })).toBeVisible();

    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText([
      "Overview",
      "Sprints",
      "Errors",
      "Performance",
      "Releases",
      "Insights",
      "Automations",
      "Settings",
    ]);

    await nav.getByRole("link", { name: "Sprints" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sprints" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Boards" })).toBeVisible();
    await nav.getByRole("link", { name: "Errors" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Errors" })).toBeVisible();
    await nav.getByRole("link", { name: "Releases" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Releases" })).toBeVisible();
    await nav.getByRole("link", { name: "Insights" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Delivery" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Insights" })).toBeVisible();
    await nav.getByRole("link", { name: "Automations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Automations" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Automations" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: "Production errors become bugs" })).toBeVisible();
    await nav.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    const settingsNav = page.getByRole("navigation", { name: "Settings" });
    await expect(settingsNav.getByRole("link")).toHaveText([
      "Organization",
      "Members",
      "Ownership",
      "Integrations",
      "Audit log",
      "API keys",
    ]);
    await settingsNav.getByRole("link", { name: "Ownership" }).click();
    await expect(page.getByRole("heading", { name: "How ownership works" })).toBeVisible();
    const inbox = page.getByTestId("inbox");
    await inbox.getByRole("button", { name: /Notifications, / }).click();
    await inbox.getByRole("link", { name: "All notifications" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("shows the org's real integrations and people", async ({ page }) => {
    await page.goto("/acme");
    const integrations = page
      .getByRole("region", { name: "Integrations" })
      .or(page.locator("section", { hasText: "Integrations" }));
    await expect(integrations.getByText("connected")).toHaveCount(3);
    const counts = await e2eQuery<{ role: string; n: number }>(
      `SELECT m.role, count(*)::int AS n FROM "Membership" m JOIN "Organization" o ON o.id = m."orgId" WHERE o.slug = 'acme' AND m.status = 'active' GROUP BY m.role`,
    );
    const count = (role: string) => counts.find((c) => c.role === role)?.n ?? 0;
    await expect(
      page.getByText(`${count("admin")} admin · ${count("manager")} manager · ${count("member")} member`),
    ).toBeVisible();
  });

  test("switches between light and dark, and remembers the choice", async ({ page }) => {
    await page.goto("/acme");
    await openMenu(page, "Account menu for Grace Hopper");
    await page.getByText("Dark", { exact: true }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await openMenu(page, "Account menu for Grace Hopper");
    await page.getByText("Light", { exact: true }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });

  test("answers 404 for an org the user is not a member of, and for one that does not exist", async ({ page }) => {
    for (const path of ["/globex", "/globex/sprints", "/no-such-org"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
  });
});

test("a member of two orgs can switch between them", async ({ page }) => {
  await signInThroughHostedPage(page, "margaret@acme.test", { organization: "Acme Maritime" });
  await openMenu(page, "Acme Maritime, switch organization");
  await page.getByRole("button", { name: /Globex Shipping/ }).click();
  await expect(page).toHaveURL(/\/globex$/);
  await expect(page.getByText("You are signed in as manager.")).toBeVisible();
});

test("a member of two orgs opening the other org's page is moved into that org first", async ({ page }) => {
  await signInThroughHostedPage(page, "margaret@acme.test", { organization: "Acme Maritime" });
  await page.goto("/globex/errors");
  await expect(page).toHaveURL(/\/globex\/errors$/);
  await expect(page.getByRole("heading", { level: 1, name: "Errors" })).toBeVisible();
  await openMenu(page, "Globex Shipping, switch organization");
  await expect(
    page.getByRole("list", { name: "Organizations" }).getByRole("button", { name: /Globex Shipping/ }),
  ).toHaveAttribute("aria-current", "true");
  // The session is in globex now: acme's pages switch back the same way.
  await page.goto("/acme");
  await expect(page).toHaveURL(/\/acme$/);
  await expect(page.getByText("You are signed in as member.")).toBeVisible();
});

test("signed-out visitors are sent to sign in, and come back where they were", async ({ page }) => {
  await page.goto("/acme/errors");
  await expect(page).toHaveURL(/127\.0\.0\.1:4101\/user_management\/authorize/);
  await page.getByLabel("Email").fill("linus@acme.test");
  await page.getByLabel("Password").fill("bosun-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/acme\/errors$/);
  await expect(page.getByRole("heading", { level: 1, name: "Errors" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("grace@acme.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signInThroughHostedPage(page, "linus@acme.test");
  await openMenu(page, "Account menu for Linus Torvalds");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/acme");
  await expect(page.getByLabel("Email")).toBeVisible();
});

test("a link to /sign-out signs no one out; the button on the page it opens does", async ({ page }) => {
  await signInThroughHostedPage(page, "linus@acme.test");
  await page.goto("/sign-out?reason=idle");
  await expect(page).toHaveURL(/\/sign-out\/confirm$/);
  await page.goto("/acme");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("You were signed out after a period of inactivity.")).toHaveCount(0);
});
