import { createHash } from "node:crypto";
import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/**
 * API keys through the settings page: an admin creates one, sees it exactly
 * once, the database holds only its hash, and revoking takes effect; a manager
 * gets no form at all.
 */
test.describe("API keys for an acme admin", () => {
  test.use({ storageState: STORAGE_STATE.ada });

  test("creates a read-only key, sees it once, and revokes it", async ({ page }) => {
    const name = `e2e read key ${Date.now()}`;
    await page.goto("/acme/settings/api-keys");
    const form = page.getByRole("form", { name: "Create an API key" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Scope").selectOption({ label: "Read only" });
    await form.getByLabel("Acts as").selectOption("member");
    await form.getByRole("button", { name: "Create key" }).click();

    const shown = page.getByLabel("New API key");
    await expect(shown).toHaveValue(/^bsn_[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText("it will not be shown again")).toBeVisible();
    const key = await shown.inputValue();
    const prefix = key.slice(0, 12);

    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(`${prefix}…`);
    await expect(row).toContainText("read-only");
    await expect(row).toContainText("active");
    // The list was rendered again with the new row; the key, held in the action's result, is still shown.
    await expect(shown).toHaveValue(key);

    const [stored] = await e2eQuery<{
      id: string;
      hashedKey: string;
      prefix: string;
      scope: string;
      revokedAt: Date | null;
    }>(`SELECT id, "hashedKey", prefix, scope, "revokedAt" FROM "ApiKey" WHERE name = $1`, [name]);
    expect(stored).toMatchObject({
      hashedKey: createHash("sha256").update(key).digest("hex"),
      prefix,
      scope: "read",
      revokedAt: null,
    });
    const secret = key.slice(4);
    expect(
      await e2eQuery(`SELECT count(*)::int AS n FROM "ApiKey" WHERE row_to_json("ApiKey")::text LIKE $1`, [
        `%${secret}%`,
      ]),
    ).toEqual([{ n: 0 }]);
    expect(
      await e2eQuery(`SELECT count(*)::int AS n FROM "AuditLog" WHERE row_to_json("AuditLog")::text LIKE $1`, [
        `%${secret}%`,
      ]),
    ).toEqual([{ n: 0 }]);

    // Once the page is left, the key is gone for good.
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText(`${prefix}…`);
    await expect(page.getByLabel("New API key")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    await page
      .getByRole("row")
      .filter({ hasText: name })
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    await page
      .getByRole("dialog", { name: `Revoke the API key “${name}”?` })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("revoked");
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: name })
        .getByRole("button", { name: /Revoke/ }),
    ).toHaveCount(0);
    const [revoked] = await e2eQuery<{ revokedAt: Date | null }>(`SELECT "revokedAt" FROM "ApiKey" WHERE id = $1`, [
      stored?.id,
    ]);
    expect(revoked?.revokedAt).not.toBeNull();
    expect(
      await e2eQuery(`SELECT action FROM "AuditLog" WHERE "targetId" = $1 ORDER BY "createdAt"`, [stored?.id]),
    ).toEqual([{ action: "api_key.created" }, { action: "api_key.revoked" }]);
  });

  test("shows where to connect an MCP client", async ({ page }) => {
    await page.goto("/acme/settings/api-keys");
    await expect(page.getByText(/\/api\/mcp/).first()).toBeVisible();
    await expect(page.getByLabel("Example MCP client configuration")).toContainText("Bearer <your API key>");
  });
});

test.describe("API keys for an acme manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("sees an explanation and no form or keys", async ({ page }) => {
    await page.goto("/acme/settings/api-keys");
    await expect(page.getByText("Only admins can create, see or revoke them")).toBeVisible();
    await expect(page.getByRole("form", { name: "Create an API key" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});
