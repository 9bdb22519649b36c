import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/**
 * A Jira write that failed for good is not the end of it: it can be retried
 * (from the automations page or from the errors page's message), or corrected
 * and sent again, which replaces it. Jira is made unreachable for ticket
 * creates through the emulator's control URL, and the write is aged past the
 * org's 24-hour retry window in the database, so the worker's next try gives up
 * on it just as it would after a day-long outage.
 */
const JIRA_CONTROL = "http://127.0.0.1:4102/__emulator";
const JIRA_DOWN_FOR_CREATES = {
  errorRate: 1,
  errorStatus: 503,
  methods: ["POST"],
  pathPrefix: "/globex/rest/api/3/issue",
};
const summaryOf = (shortId: string) => `Created a Jira bug for Sentry issue ${shortId}`;

// Both demo orgs have Sentry projects of the same names, so a short id is only globex's within globex.
const intentsFor = (shortId: string) =>
  e2eQuery<{ status: string; retried: boolean }>(
    `SELECT i.status::text AS status, i."retriedAt" IS NOT NULL AS retried FROM "OutboxIntent" i JOIN "Organization" o ON o.id = i."orgId" WHERE o.slug = 'globex' AND i.operation = 'jira.issue.create' AND i.payload->'meta'->>'summary' = $1 ORDER BY i."createdAt"`,
    [summaryOf(shortId)],
  );

test.describe("failed writes for a globex admin", () => {
  test.use({ storageState: STORAGE_STATE.hedy });

  /**
   * Asks for a ticket for the first issue without one, and without any earlier write (the demo's automation history
   * holds some), while Jira is down, then lets the write give up; returns the short id.
   */
  async function failTicket(page: Page, request: APIRequestContext) {
    await page.goto("/globex/errors");
    const rows = page.getByRole("row").filter({ has: page.getByRole("button", { name: /Create ticket/ }) });
    // The table streams in after the page: count its rows only once they are there.
    await expect(rows.first()).toBeVisible();
    let shortId = "";
    for (let index = 0, count = await rows.count(); index < count; index++) {
      shortId = (await rows.nth(index).locator(".font-mono").first().innerText()).trim();
      if ((await intentsFor(shortId)).length === 0) break;
    }
    expect(shortId).toMatch(/^[A-Z]+-[A-Z0-9]+$/);
    // Held by its short id, not its position: the table may re-order while the rows are read one by one.
    const row = rows.filter({ hasText: new RegExp(`\\b${shortId}\\b`) });
    expect((await request.put(`${JIRA_CONTROL}/faults`, { data: JIRA_DOWN_FOR_CREATES })).ok()).toBe(true);
    try {
      await row.getByRole("button", { name: /Create ticket/ }).click();
      await expect(page.getByRole("status").filter({ hasText: "Jira is not answering" })).toBeVisible();
      // A day passes: the write is now older than the retry window, and due (one being tried keeps its lease).
      await e2eQuery(
        `UPDATE "OutboxIntent" SET "createdAt" = now() - interval '25 hours', "nextAttemptAt" = CASE WHEN status = 'pending' THEN now() ELSE "nextAttemptAt" END WHERE status IN ('pending', 'in_flight') AND operation = 'jira.issue.create' AND payload->'meta'->>'summary' = $1 AND "orgId" = (SELECT id FROM "Organization" WHERE slug = 'globex')`,
        [summaryOf(shortId)],
      );
      await expect
        .poll(async () => (await intentsFor(shortId)).map((i) => i.status), { timeout: 60_000 })
        .toEqual(["failed"]);
    } finally {
      await request.delete(`${JIRA_CONTROL}/faults`);
    }
    return shortId;
  }

  test("a failed ticket is listed as failed on the automations page, retried there, and goes through", async ({
    page,
    request,
  }) => {
    const shortId = await failTicket(page, request);

    await page.goto("/globex/automations");
    const row = page.getByRole("row").filter({ hasText: summaryOf(shortId) });
    await expect(row).toContainText("failed");
    await expect(row).toContainText("gave up after 24 h of retries");
    await row.getByRole("button", { name: /^Retry/ }).click();
    // Once it went through, the page refreshes and the write is no longer pending or failed.
    await expect(page.getByRole("row").filter({ hasText: summaryOf(shortId) })).toHaveCount(0);
    expect(await intentsFor(shortId)).toEqual([{ status: "succeeded", retried: true }]);
    expect(
      await e2eQuery(
        `SELECT count(*)::int AS n FROM "AuditLog" a JOIN "Organization" o ON o.id = a."orgId" WHERE o.slug = 'globex' AND a.action = 'outbox.write_retried' AND a.summary LIKE $1`,
        [`%Sentry issue ${shortId}%`],
      ),
    ).toEqual([{ n: 1 }]);

    // Retried the errors page's way, the ticket is linked to the Sentry issue as well as created.
    const [link] = await e2eQuery<{ key: string }>(
      `SELECT l."jiraIssueKey" AS key FROM "TicketLink" l JOIN "Organization" o ON o.id = l."orgId" WHERE o.slug = 'globex' AND l."sentryShortId" = $1`,
      [shortId],
    );
    expect(link?.key).toMatch(/^GLX-\d+$/);
    await page.goto("/globex/errors");
    await expect(page.getByRole("row").filter({ hasText: shortId })).toContainText(link!.key);
  });

  test("a failed ticket is retried from the errors page's message and linked", async ({ page, request }) => {
    const shortId = await failTicket(page, request);

    await page.goto("/globex/errors");
    await page
      .getByRole("row")
      .filter({ hasText: shortId })
      .getByRole("button", { name: /Create ticket/ })
      .click();
    const failure = page.getByRole("alert").filter({ hasText: "gave up after 24 h of retries" });
    await expect(failure).toContainText("retry it, or create it in the right Jira project to replace it");
    await failure.getByRole("button", { name: "Retry" }).click();
    const created = page.getByRole("status").filter({ hasText: /^Created [A-Z]+-\d+[.,]/ });
    await expect(created).toBeVisible();
    const key = /Created ([A-Z]+-\d+)/.exec(await created.innerText())?.[1] as string;
    expect(await intentsFor(shortId)).toEqual([{ status: "succeeded", retried: true }]);
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: shortId })).toContainText(key);
  });

  test("Edit and resend: the ticket filed again in another project replaces the failed one", async ({
    page,
    request,
  }) => {
    const shortId = await failTicket(page, request);

    await page.goto("/globex/automations");
    const row = page.getByRole("row").filter({ hasText: summaryOf(shortId) });
    await expect(row).toContainText("failed");
    await row.getByRole("link", { name: "Edit and resend" }).click();
    await expect(page).toHaveURL(/\/globex\/errors/);

    await page.getByLabel("File tickets in").selectOption("CARGO");
    await page
      .getByRole("row")
      .filter({ hasText: shortId })
      .getByRole("button", { name: /Create ticket/ })
      .click();
    await expect(page.getByRole("status").filter({ hasText: /^Created CARGO-\d+[.,]/ })).toBeVisible();
    expect((await intentsFor(shortId)).map((i) => i.status)).toEqual(["superseded", "succeeded"]);
    expect(
      await e2eQuery(
        `SELECT count(*)::int AS n FROM "AuditLog" a JOIN "Organization" o ON o.id = a."orgId" WHERE o.slug = 'globex' AND a.action = 'outbox.write_superseded' AND a.summary LIKE $1`,
        [`%Sentry issue ${shortId}%`],
      ),
    ).toEqual([{ n: 1 }]);

    await page.goto("/globex/automations");
    await expect(page.getByRole("row").filter({ hasText: summaryOf(shortId) })).toHaveCount(0);
  });
});
