import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/**
 * Every org page, action and API route, tried by a member of the other org:
 * each answers 404 (never 403, never data) and nothing changes.
 */
const SECTIONS = [
  "",
  "/sprints",
  "/errors",
  "/errors/1/feedback",
  "/errors/1/investigation",
  "/performance",
  "/releases",
  "/releases/2.14.0",
  "/releases/1.0.0/notes",
  "/tickets/new",
  "/automations",
  "/notifications",
  "/notifications/preferences",
  "/settings",
  "/settings/members",
  "/settings/ownership",
  "/settings/integrations",
  "/settings/audit-log",
  "/settings/api-keys",
];

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText(/Acme Maritime|Globex Shipping/).first()).not.toBeVisible();
}

/** Sends the page's own server action, but with the org in its arguments swapped for the victim's. */
async function retargetActions(page: Page, from: string, to: string, replacements: [string, string][] = []) {
  const statuses: number[] = [];
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    let body = (request.postData() ?? "").replaceAll(`"orgSlug":"${from}"`, `"orgSlug":"${to}"`);
    for (const [a, b] of replacements) body = body.replaceAll(a, b);
    const response = await route.fetch({ postData: body });
    statuses.push(response.status());
    await route.fulfill({ response });
  });
  return statuses;
}

test.describe("a globex admin and acme", () => {
  test.use({ storageState: STORAGE_STATE.hedy });

  test("every acme page is not found", async ({ page }) => {
    for (const section of SECTIONS) await expectNotFound(page, `/acme${section}`);
  });

  test("the acme audit-log export is not found", async ({ request }) => {
    const response = await request.get("/api/orgs/acme/audit-log/export");
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", message: "Not found." });
  });

  test("acme's member actions, sent from globex's own page, are refused and change nothing", async ({ page }) => {
    const [{ id: linusId }] = (await e2eQuery<{ id: string }>(
      `SELECT id FROM "User" WHERE email = 'linus@acme.test'`,
    )) as [{ id: string }];
    const [{ id: alanId }] = (await e2eQuery<{ id: string }>(
      `SELECT id FROM "User" WHERE email = 'alan@globex.test'`,
    )) as [{ id: string }];
    const before = await e2eQuery(
      `SELECT m.role, m.status FROM "Membership" m JOIN "Organization" o ON o.id = m."orgId" WHERE o.slug = 'acme' ORDER BY m."userId"`,
    );
    const intentsBefore = await e2eQuery(
      `SELECT i.id FROM "OutboxIntent" i JOIN "Organization" o ON o.id = i."orgId" WHERE o.slug = 'acme' ORDER BY i.id`,
    );
    const statuses = await retargetActions(page, "globex", "acme", [[alanId, linusId]]);
    await page.goto("/globex/settings/members");
    await page.getByLabel("Role of Alan Turing").selectOption("admin");
    await expect.poll(() => statuses.length).toBeGreaterThan(0);
    expect(statuses[0]).toBe(404);
    expect(
      await e2eQuery(
        `SELECT m.role, m.status FROM "Membership" m JOIN "Organization" o ON o.id = m."orgId" WHERE o.slug = 'acme' ORDER BY m."userId"`,
      ),
    ).toEqual(before);
    expect(
      await e2eQuery(
        `SELECT i.id FROM "OutboxIntent" i JOIN "Organization" o ON o.id = i."orgId" WHERE o.slug = 'acme' ORDER BY i.id`,
      ),
    ).toEqual(intentsBefore);
  });

  test("acme's security settings, sent from globex's own page, are refused and change nothing", async ({ page }) => {
    const statuses = await retargetActions(page, "globex", "acme");
    await page.goto("/globex/settings");
    await page.getByLabel("Require two-step verification").check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => statuses.length).toBeGreaterThan(0);
    expect(statuses[0]).toBe(404);
    expect(await e2eQuery(`SELECT "requireMfa" FROM "Organization" WHERE slug = 'acme'`)).toEqual([
      { requireMfa: false },
    ]);
  });
});

test.describe("an acme admin and globex", () => {
  test.use({ storageState: STORAGE_STATE.ada });

  test("every globex page is not found", async ({ page }) => {
    for (const section of SECTIONS) await expectNotFound(page, `/globex${section}`);
  });

  test("the globex audit-log export is not found", async ({ request }) => {
    expect((await request.get("/api/orgs/globex/audit-log/export")).status()).toBe(404);
  });

  test("globex's automation rules, switched from acme's own page, are refused and change nothing", async ({ page }) => {
    const rules = () =>
      e2eQuery(
        `SELECT r.id, r.enabled, r.config FROM "AutomationRule" r JOIN "Organization" o ON o.id = r."orgId" WHERE o.slug = 'globex' ORDER BY r.id`,
      );
    const before = await rules();
    const statuses = await retargetActions(page, "acme", "globex", [["rule_acme_", "rule_globex_"]]);
    await page.goto("/acme/automations");
    await page.getByRole("switch", { name: /Branches start work is on/ }).click();
    await expect.poll(() => statuses.length).toBeGreaterThan(0);
    expect(statuses[0]).toBe(404);
    expect(await rules()).toEqual(before);
  });

  test("globex's integrations, sent from acme's own page, are refused and change nothing", async ({ page }) => {
    const before = await e2eQuery(
      `SELECT c.config, c."encryptedCredentials" FROM "IntegrationConnection" c JOIN "Organization" o ON o.id = c."orgId" WHERE o.slug = 'globex' ORDER BY c.provider`,
    );
    const statuses = await retargetActions(page, "acme", "globex");
    await page.goto("/acme/settings/integrations");
    await page.getByRole("region", { name: "GitHub" }).getByLabel("Webhook secret").fill("stolen-secret");
    await page.getByRole("region", { name: "GitHub" }).getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => statuses.length).toBeGreaterThan(0);
    expect(statuses[0]).toBe(404);
    expect(
      await e2eQuery(
        `SELECT c.config, c."encryptedCredentials" FROM "IntegrationConnection" c JOIN "Organization" o ON o.id = c."orgId" WHERE o.slug = 'globex' ORDER BY c.provider`,
      ),
    ).toEqual(before);
  });
});

test("signed-out API calls get 401 JSON", async ({ request }) => {
  const response = await request.get("/api/orgs/acme/audit-log/export");
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: "unauthenticated" });
});
