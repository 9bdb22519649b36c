import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./fixtures/sessions";
import { DEMO_PASSWORD } from "../lib/platform/config/demo";
import { totp } from "../emulators/workos/totp";
import { DEMO_TOTP_SECRET } from "../emulators/seed/world";
import { STORAGE_STATE, openMenu, removeAuthenticators, signInThroughHostedPage } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

const WORKOS_CONTROL = "http://127.0.0.1:4101/__emulator";

async function fillHostedSignIn(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function orgsInSwitcher(page: Page, current: string) {
  await openMenu(page, `${current}, switch organization`);
  return page.getByRole("list", { name: "Organizations" }).getByRole("button").allInnerTexts();
}

/** Runs `fn` as ada in a browser context of its own, e.g. to change org settings mid-test. */
async function asAda<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: STORAGE_STATE.ada });
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

async function setSecurity(page: Page, { requireMfa, idleMinutes }: { requireMfa: boolean; idleMinutes: string }) {
  await page.goto("/acme/settings");
  await page.getByLabel("Require two-step verification").setChecked(requireMfa);
  await page.getByLabel("Sign out after inactivity (minutes)").fill(idleMinutes);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}

test("each demo account sees only its own organizations", async ({ browser }) => {
  for (const [email, current, expected] of [
    ["ada@acme.test", "Acme Maritime", ["Acme Maritime"]],
    ["hedy@globex.test", "Globex Shipping", ["Globex Shipping"]],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughHostedPage(page, email);
    const orgs = await orgsInSwitcher(page, current);
    expect(orgs.map((o) => o.split("\n")[0])).toEqual(expected);
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughHostedPage(page, "margaret@acme.test", { organization: "Globex Shipping" });
  await expect(page).toHaveURL(/\/acme$|\/globex$/);
  expect(
    (await orgsInSwitcher(page, page.url().endsWith("/globex") ? "Globex Shipping" : "Acme Maritime")).map(
      (o) => o.split("\n")[0],
    ),
  ).toEqual(["Acme Maritime", "Globex Shipping"]);
  await context.close();
});

test("a user with an authenticator app enters its code on the hosted page", async ({ page }) => {
  await page.goto("/sign-in");
  await fillHostedSignIn(page, "barbara@acme.test");
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/code/i).first()).toBeVisible();
  await page.getByLabel("Authentication code").fill(totp(DEMO_TOTP_SECRET));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Maritime" })).toBeVisible();
});

test("when an org requires MFA, Bosun asks for its own code after the hosted page, and again before a bulk change", async ({
  page,
}) => {
  await e2eQuery(`UPDATE "Organization" SET "requireMfa" = true WHERE slug = 'acme'`);
  try {
    await page.goto("/sign-in");
    await fillHostedSignIn(page, "barbara@acme.test");
    await page.getByLabel("Authentication code").fill(totp(DEMO_TOTP_SECRET));
    await page.getByRole("button", { name: "Verify" }).click();
    // A code at WorkOS does not verify the session: SSO or a magic link would have skipped it.
    await expect(page).toHaveURL(/\/mfa\?org=acme$/);
    await expect(page.getByRole("button", { name: "Set up authenticator app" })).toHaveCount(0);
    await page.getByLabel("Authentication code").fill(totp(DEMO_TOTP_SECRET));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Acme Maritime" })).toBeVisible();

    // Triage of more than 10 issues needs a code from the last 15 minutes; this one is older.
    await e2eQuery(
      `UPDATE "UserSession" SET "mfaVerifiedAt" = now() - interval '20 minutes' WHERE "userId" = (SELECT id FROM "User" WHERE email = 'barbara@acme.test')`,
    );
    await page.goto("/acme/errors");
    const boxes = page.getByRole("checkbox", { name: /^Select / });
    for (let i = 0; i < 11; i++) await boxes.nth(i).check();
    await page.getByRole("button", { name: "Archive until escalating" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "needs a code from your authenticator app" })).toBeVisible();
    await page.getByRole("link", { name: "Verify with your authenticator app" }).click();
    await expect(page).toHaveURL(/\/mfa\?org=acme&returnTo=%2Facme%2Ferrors$/);
    await page.getByLabel("Authentication code").fill(totp(DEMO_TOTP_SECRET));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/acme\/errors$/);
    await expect(page.getByRole("heading", { level: 1, name: "Errors" })).toBeVisible();
  } finally {
    await e2eQuery(`UPDATE "Organization" SET "requireMfa" = false WHERE slug = 'acme'`);
  }
});

/** Sets up an authenticator on the /mfa page and returns its secret. */
async function enrolAuthenticator(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  await page.getByLabel("Authentication code").fill(totp(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  return secret;
}

test("when an org requires MFA, a member without an authenticator sets one up first", async ({ browser, page }) => {
  await asAda(browser, async (admin) => {
    await admin.goto("/acme/settings");
    await admin.getByLabel("Require two-step verification").check();
    await admin.getByRole("button", { name: "Save", exact: true }).click();
    // The admin must have it before requiring it of everyone.
    await expect(
      admin.getByRole("alert").filter({ hasText: "Set up two-step verification for yourself before requiring it" }),
    ).toBeVisible();
    await admin.getByRole("link", { name: "Set up two-step verification" }).click();
    await enrolAuthenticator(admin);
    await expect(admin.getByRole("heading", { level: 1, name: "Acme Maritime" })).toBeVisible();
    await setSecurity(admin, { requireMfa: true, idleMinutes: "" });
  });
  try {
    await page.goto("/sign-in");
    await fillHostedSignIn(page, "donald@acme.test");
    await expect(page).toHaveURL(/\/mfa\?org=acme$/);
    await page.getByRole("button", { name: "Set up authenticator app" }).click();
    const secret = (await page.getByTestId("totp-secret").innerText()).trim();
    await page.getByLabel("Authentication code").fill(totp(secret, Date.now() - 300_000));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /not right|can no longer be used/ })).toBeVisible();
    await page.getByLabel("Authentication code").fill(totp(secret));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Acme Maritime" })).toBeVisible();
    await page.goto("/acme/sprints");
    await expect(page.getByRole("heading", { level: 1, name: "Sprints" })).toBeVisible();
  } finally {
    // Through the database: ada's stored session is not the one that verified.
    await e2eQuery(`UPDATE "Organization" SET "requireMfa" = false WHERE slug = 'acme'`);
    // Later tests sign ada in afresh, without a code.
    await removeAuthenticators("ada@acme.test");
  }
});

test("an idle session is signed out by the org's timeout", async ({ browser, page }) => {
  await asAda(browser, (admin) => setSecurity(admin, { requireMfa: false, idleMinutes: "15" }));
  try {
    await signInThroughHostedPage(page, "ken@acme.test");
    await e2eQuery(
      `UPDATE "UserSession" SET "lastSeenAt" = now() - interval '20 minutes' WHERE "userId" = (SELECT id FROM "User" WHERE email = 'ken@acme.test')`,
    );
    await page.goto("/acme/errors");
    await expect(page.getByText("You were signed out after a period of inactivity.")).toBeVisible();
    await page.goto("/acme");
    await expect(page).toHaveURL(/127\.0\.0\.1:4101\/user_management\/authorize/);
  } finally {
    await asAda(browser, (admin) => setSecurity(admin, { requireMfa: false, idleMinutes: "" }));
  }
});

test("signing out on every device ends the other sessions too", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signInThroughHostedPage(first, "radia@globex.test");
  await signInThroughHostedPage(second, "radia@globex.test");
  await openMenu(first, "Account menu for Radia Perlman");
  await first.getByRole("button", { name: "Sign out on every device" }).click();
  await expect(first.getByRole("link", { name: "Sign in" })).toBeVisible();
  await second.goto("/globex/releases");
  await expect(second.getByText(/Your session was ended/)).toBeVisible();
});

test("parallel requests with an expiring access token share one refresh and stay signed in", async ({
  page,
  request,
}) => {
  // Tokens that expire within AuthKit's refresh window: every request wants a refresh.
  await request.put(`${WORKOS_CONTROL}/tokens`, { data: { accessTokenTtlSeconds: 20 } });
  try {
    await signInThroughHostedPage(page, "frances@globex.test");
    const statuses = await page.evaluate(() =>
      Promise.all(
        Array.from({ length: 8 }, () => fetch("/globex/releases", { headers: { RSC: "1" } }).then((r) => r.status)),
      ),
    );
    expect(statuses).toEqual(Array(8).fill(200));
    await page.goto("/globex/errors");
    await expect(page.getByRole("heading", { level: 1, name: "Errors" })).toBeVisible();
  } finally {
    await request.put(`${WORKOS_CONTROL}/tokens`, { data: { accessTokenTtlSeconds: 300 } });
  }
});

test.describe("as an admin", () => {
  test.use({ storageState: STORAGE_STATE.ada });

  test("changes a member's role and finds it in the audit log", async ({ page }) => {
    await page.goto("/acme/settings/members");
    await page.getByLabel("Role of Donald Knuth").selectOption("manager");
    await expect(page.getByText("Donald Knuth is now a manager.")).toBeVisible();
    await page.getByLabel("Role of Donald Knuth").selectOption("member");
    await expect(page.getByText("Donald Knuth is now a member.")).toBeVisible();

    await page.goto("/acme/settings/audit-log?action=workos.membership.update_role");
    await expect(page.getByRole("cell", { name: "Changed Donald Knuth's role from member to manager" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Changed Donald Knuth's role from manager to member" })).toBeVisible();
    const promotion = page.getByRole("cell", { name: "Changed Donald Knuth's role from member to manager" });
    await promotion.getByText(/^Changes \(\d+ fields\)$/).click();
    await expect(promotion.getByRole("row", { name: "role member manager" })).toBeVisible();
  });

  test("cannot demote the last admin", async ({ page }) => {
    await page.goto("/acme/settings/members");
    await page.getByLabel("Role of Ada Lovelace").selectOption("member");
    await expect(page.getByRole("alert").filter({ hasText: "last admin" })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Role of Ada Lovelace")).toHaveValue("admin");
  });

  test("sees sign-ins in the audit log and exports them as CSV", async ({ page }) => {
    await page.goto("/acme/settings/audit-log");
    await page.getByLabel("Action").selectOption("user.signed_in");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("cell", { name: "Ada Lovelace signed in" }).first()).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await (await download).createReadStream();
    let csv = "";
    for await (const chunk of file) csv += chunk;
    expect(csv.split("\r\n")[0]).toBe(
      "time,actor_type,actor,action,target_type,target,summary,result,request_id,changes",
    );
    expect(csv).toContain("user.signed_in");
    expect(csv).not.toContain("user.signed_out_everywhere");
  });

  test("sees people the directory adds and removes", async ({ page, request }) => {
    const create = await request.post(`${WORKOS_CONTROL}/directory/users`, {
      data: {
        organization: "acme",
        action: "create",
        email: "edsger.dir@acme.test",
        firstName: "Edsger",
        lastName: "Directory",
        role: "member",
      },
    });
    expect(create.ok()).toBe(true);
    // Each directory event reaches Bosun as a webhook and is applied on the job queue, behind whatever the worker
    // is doing: reload until it has been, rather than once.
    await page.goto("/acme/settings/members");
    const row = page.getByRole("row", { name: /Edsger Directory/ });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText("active", { timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    await expect(row).toContainText("directory");
    await request.post(`${WORKOS_CONTROL}/directory/users`, {
      data: { organization: "acme", action: "deactivate", email: "edsger.dir@acme.test" },
    });
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("row", { name: /Edsger Directory/ })).toContainText("deactivated", {
        timeout: 1_000,
      });
    }).toPass({ timeout: 90_000 });
  });

  test("hands a deprovisioned person's open Jira issues to someone else in one click", async ({ page, request }) => {
    await request.post(`${WORKOS_CONTROL}/directory/users`, {
      data: { organization: "acme", action: "create", email: "ken@acme.test" },
    });
    await request.post(`${WORKOS_CONTROL}/directory/users`, {
      data: { organization: "acme", action: "deactivate", email: "ken@acme.test" },
    });
    await page.goto("/acme/settings/members");
    const notice = page.getByText(/Ken Thompson was deactivated with \d+ open Jira issues?/);
    // Both events are applied on the job queue: reload until they have been.
    await expect(async () => {
      await page.reload();
      await expect(notice).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    const count = Number(/with (\d+)/.exec(await notice.innerText())?.[1]);
    await page.getByLabel("Reassign all to").selectOption({ label: "Grace Hopper" });
    await page.getByRole("button", { name: "Reassign" }).click();
    // Once the issues are reassigned the notice has nothing left to show.
    await expect(page.getByText(/Ken Thompson was deactivated/)).toHaveCount(0);
    await page.goto("/acme/settings/audit-log?action=jira.issue.assign");
    await expect(
      page.getByRole("cell", { name: /^Reassigned [A-Z]+-\d+ from Ken Thompson to Grace Hopper/ }),
    ).toHaveCount(count);
  });

  test("tests the Jira connection with a specific answer", async ({ page }) => {
    await page.goto("/acme/settings/integrations");
    // Exactly: the card holds a "Jira webhook" region of its own.
    const jira = page.getByRole("region", { name: "Jira", exact: true });
    await jira.getByRole("button", { name: "Test connection" }).click();
    await expect(jira.getByRole("status")).toContainText("Connected to");
    await expect(jira).not.toContainText("jira-demo-token");
  });
});

test.describe("as a member", () => {
  test.use({ storageState: STORAGE_STATE.linus });

  test("sees members read-only and no audit log", async ({ page }) => {
    await page.goto("/acme/settings/members");
    await expect(page.getByText("Only admins can invite, change roles or remove members.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
    await expect(page.getByLabel(/Role of/)).toHaveCount(0);
    await page.goto("/acme/settings/audit-log");
    await expect(page.getByText("Only admins can see the audit log of Acme Maritime.")).toBeVisible();
    expect((await page.request.get("/api/orgs/acme/audit-log/export")).status()).toBe(403);
  });
});
