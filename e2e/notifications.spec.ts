import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/**
 * The incident loop from a member's seat: a new fatal error in a path the org's ownership rules give to Linus
 * reaches him as one notification in the header's inbox and one e-mail in the demo mail catcher; following the
 * notification opens the issue and marks it read.
 */
const SENTRY_CONTROL = "http://127.0.0.1:4103/__emulator";
const MAIL = "http://127.0.0.1:4104/__emulator/messages";
const OWNED_PATH = "app/e2e-notify";

type CaughtMessage = { from: string; to: string[]; subject: string; text: string; html: string; receivedAt: string };

test.describe("notifications for an acme member", () => {
  test.use({ storageState: STORAGE_STATE.linus });

  test("a member reads their inbox and follows a notification to the issue; the mail catcher has the e-mail", async ({
    page,
    request,
  }) => {
    // The last matching rule wins: this one, appended to the seeded rules of acme's web project, names Linus.
    await e2eQuery(
      `UPDATE "OwnershipRuleSet" SET raw = raw || $1 WHERE "sentryProjectSlug" = 'web' AND "orgId" = (SELECT id FROM "Organization" WHERE slug = 'acme')`,
      [`\npath:${OWNED_PATH}/* linus@acme.test`],
    );
    expect((await request.delete(MAIL)).ok()).toBe(true);
    // Another spec may have e-mailed Linus minutes ago; his 10-minute batch window starts afresh for this one.
    await e2eQuery(
      `UPDATE "Notification" SET "emailedAt" = now() - interval '1 hour' WHERE "emailedAt" > now() - interval '1 hour' AND "userId" = (SELECT id FROM "User" WHERE email = 'linus@acme.test')`,
    );

    const value = `Cannot read properties of undefined (reading 'berth') e2e-${Date.now().toString(36)}`;
    const created = await request.post(`${SENTRY_CONTROL}/orgs/acme/issues`, {
      data: { project: "web", type: "TypeError", value, level: "fatal", filename: `${OWNED_PATH}/handler.ts` },
    });
    expect(created.status()).toBe(201);
    const issue = ((await created.json()) as { issue: { id: string; shortId: string } }).issue;

    // The webhook is processed by the job queue, then the e-mail batch: wait for both.
    await expect
      .poll(
        async () =>
          (
            await e2eQuery<{ n: number }>(
              `SELECT count(*)::int AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = 'linus@acme.test' AND n.event = 'critical_issue' AND n."dedupeKey" = $1`,
              [`critical_issue:${issue.id}`],
            )
          )[0]?.n,
        { timeout: 90_000 },
      )
      .toBe(1);
    const toLinus = async () =>
      ((await (await request.get(MAIL)).json()) as CaughtMessage[]).filter(
        (m) => m.to.includes("linus@acme.test") && m.text.includes(`/acme/errors/${issue.id}/investigation`),
      );
    // The batch job runs within the minute (queued by the notification, or by the once-a-minute scheduler).
    await expect.poll(async () => (await toLinus()).length, { timeout: 120_000 }).toBe(1);
    const [email] = await toLinus();
    expect(email?.subject).toContain(issue.shortId);
    expect(email?.text).toMatch(/\/unsubscribe\/[\w-]+/);

    await page.goto("/acme");
    const inbox = page.getByTestId("inbox");
    const bell = inbox.getByRole("button", { name: /Notifications, / });
    await expect(bell).toContainText(/Notifications, \d+ unread/);
    await bell.click();
    const latest = inbox.getByRole("list", { name: "Latest notifications" });
    const link = latest.getByRole("link", { name: new RegExp(`Critical: ${issue.shortId}`) });
    await expect(link).toBeVisible();
    await link.click();

    await expect(page).toHaveURL(new RegExp(`/acme/errors/${issue.id}/investigation$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(issue.id);
    // Followed means read: the notifications page no longer lists it as unread.
    await page.goto("/acme/notifications?filter=unread");
    await expect(page.getByRole("link", { name: new RegExp(`Critical: ${issue.shortId}`) })).toHaveCount(0);
    await page.goto("/acme/notifications");
    await expect(page.getByRole("link", { name: new RegExp(`Critical: ${issue.shortId}`) })).toBeVisible();
  });
});

test.describe("acme's notifications for a globex admin", () => {
  test.use({ storageState: STORAGE_STATE.hedy });

  test("are not found: the pages, and a notification's link", async ({ page, request }) => {
    for (const path of ["/acme/notifications", "/acme/notifications/preferences"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
    const readState = (id: string) =>
      e2eQuery<{ readAt: Date | null }>(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [id]);
    // An unread notification of an acme member's, made here so the check never depends on another test.
    const id = `e2e${Date.now().toString(36)}`;
    await e2eQuery(
      `INSERT INTO "Notification" (id, "orgId", "userId", event, title, body, link, "dedupeKey")
       SELECT $1, o.id, u.id, 'critical_issue', 'New Critical issue', 'An acme issue.', '/acme/errors', $1
       FROM "Organization" o, "User" u WHERE o.slug = 'acme' AND u.email = 'linus@acme.test'`,
      [id],
    );
    expect(await readState(id)).toEqual([{ readAt: null }]);
    const response = await request.get(`/acme/notifications/${id}`, { maxRedirects: 0 });
    expect(response.status()).toBe(404);
    // Nothing changed: following someone else's notification does not mark it read.
    expect(await readState(id)).toEqual([{ readAt: null }]);
  });
});
