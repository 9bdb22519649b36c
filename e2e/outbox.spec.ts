import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/**
 * A Jira write that failed for good is not the end of it: from the automations
 * page it can be retried, or corrected and sent again, which replaces it. Jira
 * is made to refuse ticket creation (a 400, as for a wrong project) through the
 * emulator's control URL, so the failure is real and permanent until lifted.
 */
const JIRA_CONTROL = "http://127.0.0.1:4102/__emulator";
const REFUSE_CREATES = { errorRate: 1, errorStatus: 400, methods: ["POST"], pathPrefix: "/globex/rest/api/3/issue" };

const intentsFor = (shortId: string) =>
  e2eQuery<{ status: string; retried: boolean }>(
    `SELECT i.status::text AS status, i."retriedAt" IS NOT NULL AS retried FROM "OutboxIntent" i WHERE i.operation = 'jira.issue.create' AND i.payload->'meta'->>'summary' = 'Created a Jira bug for Sentry issue ${shortId}' ORDER BY i."createdAt"`,
  );

test.describe("failed writes for a globex admin", () => {
  test.use({ storageState: STORAGE_STATE.hedy });

  /** Files a ticket for the first issue without one while Jira refuses creates; returns the short id. */
  async function failTicket(page: Page, request: APIRequestContext) {
    await page.goto("/globex/errors");
    const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: /Create ticket/ }) }).first();
    const shortId = (await row.locator(".font-mono").first().innerText()).trim();
    expect((await request.put(`${JIRA_CONTROL}/faults`, { data: REFUSE_CREATES })).ok()).toBe(true);
    try {
      await row.getByRole("button", { name: /Create ticket/ }).click();
      await expect(page.getByRole("alert").filter({ hasText: "400" })).toBeVisible();
    } finally {
      await request.delete(`${JIRA_CONTROL}/faults`);
    }
    expect((await intentsFor(shortId)).map((i) => i.status)).toEqual(["failed"]);
    return shortId;
  }

  test("a failed ticket is listed as failed, retried from the page, and goes through", async ({ page, request }) => {
    const shortId = await failTicket(page, request);

    await page.goto("/globex/automations");
    const row = page.getByRole("row").filter({ hasText: `Created a Jira bug for Sentry issue ${shortId}` });
    await expect(row).toContainText("failed");
    await expect(row).toContainText("400");
    await row.getByRole("button", { name: /^Retry/ }).click();
    // Once it went through, the page refreshes and the write is no longer pending or failed.
    await expect(page.getByRole("row").filter({ hasText: `Created a Jira bug for Sentry issue ${shortId}` })).toHaveCount(0);
    expect(await intentsFor(shortId)).toEqual([{ status: "succeeded", retried: true }]);
    expect(await e2eQuery(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'outbox.write_retried' AND summary LIKE '%Sentry issue ${shortId}%'`)).toEqual([{ n: 1 }]);

    // The created issue is this Sentry issue's ticket: asking again links it and files nothing new.
    await page.goto("/globex/errors");
    await page.getByRole("row").filter({ hasText: shortId }).getByRole("button", { name: /Create ticket/ }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Created [A-Z]+-\d+\./ })).toBeVisible();
    expect((await intentsFor(shortId)).length).toBe(1);
  });

  test("Edit and resend: the ticket filed again in another project replaces the failed one", async ({ page, request }) => {
    const shortId = await failTicket(page, request);

    await page.goto("/globex/automations");
    const row = page.getByRole("row").filter({ hasText: `Created a Jira bug for Sentry issue ${shortId}` });
    await expect(row).toContainText("failed");
    await row.getByRole("link", { name: "Edit and resend" }).click();
    await expect(page).toHaveURL(/\/globex\/errors/);

    await page.getByLabel("File tickets in").selectOption("CARGO");
    await page.getByRole("row").filter({ hasText: shortId }).getByRole("button", { name: /Create ticket/ }).click();
    const created = page.getByRole("status").filter({ hasText: /^Created CARGO-\d+\./ });
    await expect(created).toBeVisible();
    expect((await intentsFor(shortId)).map((i) => i.status)).toEqual(["superseded", "succeeded"]);
    expect(await e2eQuery(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'outbox.write_superseded' AND summary LIKE '%Sentry issue ${shortId}%'`)).toEqual([{ n: 1 }]);

    await page.goto("/globex/automations");
    await expect(page.getByRole("row").filter({ hasText: `Created a Jira bug for Sentry issue ${shortId}` })).toHaveCount(0);
  });
});
