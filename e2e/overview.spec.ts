import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";

/** The org Overview as a manager opens it: four panels, each answering one question from cached data. */
test.describe("the overview as a manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("answers whether each team can carry its sprint, what is breaking, how releases are doing and what needs her", async ({
    page,
  }) => {
    await page.goto("/acme");
    await expect(page.getByRole("heading", { level: 1, name: "Acme Maritime" })).toBeVisible();

    const sprints = page.getByRole("region", { name: "Can each team carry its sprint?" });
    const running = sprints.getByRole("list", { name: "Running sprints" });
    await expect(running.getByRole("listitem")).toHaveCount(3);
    for (const board of ["ACME board", "PORT board", "HULL board"])
      await expect(running.getByRole("link", { name: board })).toHaveAttribute("href", /^\/acme\/sprints\?board=\d+$/);
    await expect(running.getByText(/^[\d.]+ \/ [\d.]+ pts/).first()).toBeVisible();
    await expect(running.getByText(/^\d+ days? left$/).first()).toBeVisible();
    await expect(running.getByText(/^\d+ conflicts?$/).first()).toBeVisible();
    await expect(
      running.getByRole("img", { name: /^Burndown of .+ points at the start, [\d.]+ left now/ }),
    ).toHaveCount(3);
    await expect(sprints.getByText(/^Updated (just now|\d+ min ago)$/)).toBeVisible();

    const breaking = page.getByRole("region", { name: "What is breaking?" });
    const issues = breaking.getByRole("list", { name: "Critical and regressed issues" });
    await expect(issues.getByRole("listitem").first()).toBeVisible();
    await expect(issues.getByRole("link").first()).toHaveAttribute("href", /^\/acme\/errors\/\d+\/investigation$/);
    await expect(issues.getByText(/^(critical|Regressed)$/i).first()).toBeVisible();
    await expect(breaking.getByRole("link", { name: /^See all errors/ })).toHaveAttribute("href", "/acme/errors");

    const releases = page.getByRole("region", { name: "How are the latest releases doing?" });
    const latest = releases.getByRole("list", { name: "Latest releases" });
    await expect(latest.getByRole("article")).toHaveCount(3);
    await expect(latest.getByText("Crash-free sessions", { exact: true })).toHaveCount(3);
    await expect(latest.getByText(/^\d+\.\d\d%$/).first()).toBeVisible();
    // Each scorecard says whether the release regressed (other browser tests may have created newer releases, so
    // which three are newest is not fixed here; the loader's test checks acme's seeded 2.14.0 regression).
    for (const card of await latest.getByRole("article").all())
      await expect(card.getByText(/^(Regression|Healthy)$/)).toBeVisible();

    const needs = page.getByRole("region", { name: "What needs you?" });
    await expect(needs.getByText(/unread notifications?|Nothing needs you right now/).first()).toBeVisible();
    await expect(needs.getByText(/^Updated (just now|\d+ min ago)$/)).toBeVisible();

    await running.getByRole("link", { name: "PORT board" }).click();
    await expect(page).toHaveURL(/\/acme\/sprints\?board=\d+$/);
    await expect(
      page.getByRole("navigation", { name: "Boards" }).getByRole("link", { name: "PORT board" }),
    ).toHaveAttribute("aria-current", "page");
  });
});
