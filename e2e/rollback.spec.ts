import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/**
 * The rollback gate on acme's regressed release: the periodic release check raises it (acme's demo window is ten
 * days, and 2.14.0's crash-free rate fell against 2.13.0), a manager previews the signed request, approves it in
 * the confirmation dialog, and the mail catcher's rollback receiver records exactly one request.
 */
const RECEIVER = "http://127.0.0.1:4104/__emulator/rollbacks";
const VERSION = "2.14.0";

type ReceivedRollback = {
  id: string;
  idempotencyKey: string;
  deliveries: number;
  headers: { timestamp: string; signature: string };
  body: { type: string; org: string; release: string; environment: string; approvedBy: string };
};

test.describe("rollback gate as a manager", () => {
  test.use({ storageState: STORAGE_STATE.grace });

  test("a manager approves a rollback from the release page, and the hook receives it once", async ({
    page,
    request,
  }) => {
    await request.delete(RECEIVER);
    await page.goto(`/acme/releases/${VERSION}`);
    const gate = page.getByRole("region", { name: `Rollback recommended: ${VERSION} in production` });
    // The gate is raised by the job queue's release check, queued at start-up: reload until it has run.
    await expect(async () => {
      await page.reload();
      await expect(gate).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    await expect(gate.getByTestId("rollback-status")).toHaveText("waiting for a decision");
    await expect(gate.getByText(/^Crash-free sessions fell to \d+\.\d\d% from \d+\.\d\d% in 2\.13\.0/)).toBeVisible();

    await gate.getByRole("button", { name: "Dry run" }).click();
    const preview = gate.getByRole("region", { name: "Dry run: the request approval would send" });
    await expect(preview).toContainText("POST http://127.0.0.1:4104/hooks/rollback");
    await expect(preview).toContainText(/X-Bosun-Signature: sha256=[0-9a-f]{64}/);
    await expect(preview).toContainText(/Idempotency-Key: rollback:\S+/);
    await expect(preview).not.toContainText("demo-rollback-secret");
    expect((await (await request.get(RECEIVER)).json()) as ReceivedRollback[]).toEqual([]);

    await gate.getByRole("button", { name: "Approve rollback…" }).click();
    const dialog = page.getByRole("dialog", { name: `Roll back ${VERSION} in production?` });
    await expect(dialog).toBeVisible();
    // Clicked twice: the button is disabled while the first click runs, and the server sends once regardless.
    await dialog.getByRole("button", { name: "Approve rollback", exact: true }).dblclick();
    await expect(gate.getByTestId("rollback-status")).toHaveText("sent");
    await expect(
      gate.getByRole("status").filter({ hasText: /^The deployment hook answered with 202: / }),
    ).toBeVisible();
    await expect(gate.getByText(/^Approved by Grace Hopper at /)).toBeVisible();

    const received = (await (await request.get(RECEIVER)).json()) as ReceivedRollback[];
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      idempotencyKey: expect.stringMatching(/^rollback:\S+$/),
      deliveries: 1,
      headers: { signature: expect.stringMatching(/^sha256=[0-9a-f]{64}$/) },
      body: {
        type: "rollback.requested",
        org: "acme",
        release: VERSION,
        environment: "production",
        approvedBy: "Grace Hopper",
      },
    });
    expect(
      await e2eQuery(
        `SELECT g.status::text AS status, g."responseStatus" AS "responseStatus" FROM "RollbackGate" g JOIN "Organization" o ON o.id = g."orgId" WHERE o.slug = 'acme' AND g.release = $1`,
        [VERSION],
      ),
    ).toEqual([{ status: "sent", responseStatus: 202 }]);

    // The releases list no longer flags it as waiting for a decision.
    await page.goto("/acme/releases");
    await expect(page.getByRole("row").filter({ hasText: VERSION }).getByText("Rollback recommended")).toHaveCount(0);
  });
});

test.describe("rollback gate as a member", () => {
  test.use({ storageState: STORAGE_STATE.linus });

  test("a member sees the gate but cannot decide it", async ({ page }) => {
    await page.goto(`/acme/releases/${VERSION}`);
    const gate = page.getByRole("region", { name: `Rollback recommended: ${VERSION} in production` });
    await expect(async () => {
      await page.reload();
      await expect(gate).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    await expect(gate.getByRole("button", { name: /Approve|Dismiss|Dry run/ })).toHaveCount(0);
  });
});
