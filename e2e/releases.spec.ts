import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/** Release notes for the seeded release still rolling out: generated, edited, exported and published to Jira. */
const JIRA = "http://127.0.0.1:4102/acme/rest/api/3";
const jiraAuth = { authorization: `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}` };
const VERSION = "2.15.0";

test.describe("release notes as a manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("generates grouped notes with health, edits, exports and publishes them, and Jira marks the version released", async ({
    page,
    request,
  }) => {
    await page.goto(`/acme/releases/${VERSION}`);
    await page.getByRole("link", { name: "Release notes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Release notes ${VERSION}` })).toBeVisible();

    const preview = page.locator(".release-notes");
    await expect(preview.getByRole("heading", { level: 1, name: `Release ${VERSION}` })).toBeVisible();
    await expect(preview.getByRole("heading", { level: 2, name: "Release health" })).toBeVisible();
    await expect(preview.getByText(/Crash-free sessions: \d+\.\d\d%/)).toBeVisible();
    await expect(
      preview
        .getByRole("heading", { level: 2 })
        .filter({ hasText: /New features|Improvements|Bug fixes/ })
        .first(),
    ).toBeVisible();
    await expect(preview.getByRole("link", { name: /^ACME-\d+$/ }).first()).toBeVisible();

    const markdown = page.getByLabel("Release notes Markdown");
    await markdown.fill(`${await markdown.inputValue()}\nThanks to the **harbour** team.\n`);
    await expect(preview.getByText("harbour")).toHaveJSProperty("tagName", "STRONG");
    await page.getByRole("button", { name: "Save revision" }).click();
    await expect(page.getByText("Saved as revision 1.")).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export .md" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`release-notes-${VERSION}-internal.md`);
    expect(readFileSync((await file.path()) as string, "utf8")).toContain("Thanks to the **harbour** team.");

    await expect(page.getByLabel(/Mark the Jira version released today/)).toBeChecked();
    await page.getByRole("button", { name: "Publish revision 1" }).click();
    await expect(page.getByText(/^Published, and \d+ Jira change\(s\) made\.$/)).toBeVisible();
    const today = new Date().toISOString().slice(0, 10);
    await expect(page.getByRole("list", { name: "Jira changes" })).toContainText(
      `Marked ACME version ${VERSION} released on ${today} — succeeded`,
    );

    const versions = (await (await request.get(`${JIRA}/project/ACME/versions`, { headers: jiraAuth })).json()) as {
      name: string;
      released: boolean;
      releaseDate?: string;
    }[];
    expect(versions.find((v) => v.name === VERSION)).toMatchObject({ released: true, releaseDate: today });
    expect(
      await e2eQuery(`SELECT variant, "publishedRevision" FROM "ReleaseNote" WHERE version = '${VERSION}'`),
    ).toEqual([{ variant: "internal", publishedRevision: 1 }]);

    // The customer variant leaves out ticket keys.
    await page.getByRole("tab", { name: "Customer-facing" }).click();
    await expect(preview.getByRole("heading", { level: 1, name: `Release ${VERSION}` })).toBeVisible();
    await expect(preview.getByRole("link", { name: /^ACME-\d+$/ })).toHaveCount(0);
  });

  test("a member can read the notes but not change them", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: STORAGE_STATE.linus })).newPage();
    await page.goto(`/acme/releases/${VERSION}/notes`);
    await expect(page.getByLabel("Release notes Markdown")).toHaveAttribute("readonly", "");
    await expect(page.getByRole("button", { name: /Publish/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Export .md" })).toBeVisible();
  });
});
