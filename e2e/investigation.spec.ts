import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";

const SENTRY = "http://127.0.0.1:4103/api/0/organizations/acme";
const JIRA = "http://127.0.0.1:4102/acme/rest/api/3";
const sentryAuth = { authorization: "Bearer sentry-demo-token" };
const jiraAuth = { authorization: `Basic ${Buffer.from("linus@acme.test:jira-demo-token").toString("base64")}` };

test.describe("investigation report as a member", () => {
  test.use({ storageState: STORAGE_STATE.linus });

  test("shows a seeded issue's stack frames and suspect commit, and the Jira bug filed for it carries them without the event's e-mail or IP", async ({
    page,
    request,
  }) => {
    await page.goto("/acme/errors?project=api");
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("button", { name: /Create ticket/ }) })
      .first();
    const shortId = (await row.locator(".font-mono").first().innerText()).trim();
    await row.getByRole("link", { name: `Investigate ${shortId}` }).click();
    await expect(page.getByRole("heading", { name: /^Investigation of Sentry issue \d+$/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Exception and stack trace" })).toBeVisible();
    await expect(page.getByText("src/middleware/request-context.ts").first()).toBeVisible();
    await expect(page.getByText("in app").first()).toBeVisible();
    const suspects = page.locator("section").filter({ has: page.getByRole("heading", { name: "Suspect commits" }) });
    await expect(suspects.locator("li").first()).toContainText(/[0-9a-f]{12}/);
    await expect(page.getByRole("table", { name: /Breadcrumbs of the latest event/ })).toBeVisible();

    const issueId = /\/errors\/(\d+)\/investigation/.exec(page.url())?.[1];
    const event = (await (
      await request.get(`${SENTRY}/issues/${issueId}/events/latest/`, { headers: sentryAuth })
    ).json()) as { user: { ip_address: string } };

    await page.goto("/acme/errors?project=api");
    await page
      .getByRole("row")
      .filter({ hasText: shortId })
      .getByRole("button", { name: /Create ticket/ })
      .click();
    const created = page.getByRole("status").filter({ hasText: /^Created [A-Z]+-\d+/ });
    await expect(created).toBeVisible();
    const [, key] = /Created ([A-Z]+-\d+)/.exec(await created.innerText()) ?? [];
    const jiraIssue = (await (
      await request.get(`${JIRA}/issue/${key}?fields=description`, { headers: jiraAuth })
    ).json()) as { fields: { description: unknown } };
    const description = JSON.stringify(jiraIssue.fields.description);
    expect(description).toContain("src/middleware/request-context.ts");
    expect(description).toContain("Suspect commits");
    expect(description).not.toContain(event.user.ip_address);
    expect(description).not.toMatch(/[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9-]+\.[a-z]{2,}/i);
  });
});
