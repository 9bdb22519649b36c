import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures/sessions";
import { branchCreatedPayload, pullRequestPayload, sendGithubEvent } from "../emulators/github";
import { STORAGE_STATE } from "./fixtures/auth";
import { e2eQuery } from "./fixtures/database";

/**
 * Automations end to end: the emulated Sentry and a signed GitHub sender
 * deliver real webhooks to the running Bosun, the queue processes them, and the
 * Jira emulator ends up with the bugs and transitions. Runs against globex, so
 * acme's sprint backlog (used by the sprint tests) is left alone.
 */
const SENTRY_CONTROL = "http://127.0.0.1:4103/__emulator";
const JIRA_CONTROL = "http://127.0.0.1:4102/__emulator";
const JIRA = "http://127.0.0.1:4102/globex/rest/api/3";
const jiraAuth = { authorization: `Basic ${Buffer.from("hedy@globex.test:jira-demo-token").toString("base64")}` };
const GITHUB_SECRET = "globex-github-webhook-secret";

async function newSentryIssue(request: APIRequestContext, title: string) {
  const response = await request.post(`${SENTRY_CONTROL}/orgs/globex/issues`, {
    data: { project: "api", level: "error", title },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { issue: { id: string; shortId: string } }).issue;
}

const ticketFor = async (sentryIssueId: string) =>
  (
    await e2eQuery<{ key: string }>(
      `SELECT "jiraIssueKey" AS key FROM "TicketLink" WHERE "sentryIssueId" = '${sentryIssueId}'`,
    )
  )[0]?.key ?? null;
const jiraStatus = async (request: APIRequestContext, key: string) =>
  (
    (await (await request.get(`${JIRA}/issue/${key}?fields=status`, { headers: jiraAuth })).json()) as {
      fields: { status: { name: string } };
    }
  ).fields.status.name;

test.describe("automations for a globex admin", () => {
  test.use({ storageState: STORAGE_STATE.hedy });

  test("a new Sentry error becomes one Jira bug, and the run log shows every step", async ({ page, request }) => {
    const issue = await newSentryIssue(request, `TypeError: e2e automation ${Date.now()}`);
    await expect.poll(() => ticketFor(issue.id), { timeout: 60_000 }).not.toBeNull();
    const key = (await ticketFor(issue.id)) as string;
    const bug = (await (
      await request.get(`${JIRA}/issue/${key}?fields=issuetype,priority,labels,summary`, { headers: jiraAuth })
    ).json()) as {
      fields: { issuetype: { name: string }; priority: { name: string }; labels: string[]; summary: string };
    };
    expect(bug.fields.issuetype.name).toBe("Bug");
    expect(bug.fields.priority.name).toBe("High");
    expect(bug.fields.labels).toEqual(expect.arrayContaining(["sentry", "production-error"]));
    expect(bug.fields.summary).toContain(issue.shortId);
    expect(await e2eQuery(`SELECT count(*)::int AS n FROM "TicketLink" WHERE "sentryIssueId" = '${issue.id}'`)).toEqual(
      [{ n: 1 }],
    );

    await page.goto("/globex/automations");
    const row = page.getByRole("row").filter({ hasText: `Sentry issue ${issue.shortId} created` });
    await expect(row).toContainText(`Created ${key}`);
    await expect(row).toContainText("jira.issue.create");
    await expect(row.getByText("succeeded").first()).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "issue.created" }).first()).toBeVisible();
  });

  test("a branch, a pull request and its merge move an issue forward, never back", async ({ page, request }) => {
    const created = await request.post(`${JIRA}/issue`, {
      headers: jiraAuth,
      data: {
        fields: {
          project: { key: "GLX" },
          issuetype: { name: "Task" },
          summary: "Route planner honours port closures",
        },
      },
    });
    const { key } = (await created.json()) as { key: string };
    const number = Number(key.split("-")[1]);
    const url = `${test.info().project.use.baseURL}/api/webhooks/github/globex`;
    const send = async (event: "create" | "pull_request", payload: object) =>
      expect((await sendGithubEvent({ url, secret: GITHUB_SECRET, event, payload: payload as never })).status).toBe(
        202,
      );

    await send("create", branchCreatedPayload({ repo: "globex/routing", branch: `glx-${number}-port-closures` }));
    await expect.poll(() => jiraStatus(request, key), { timeout: 60_000 }).toBe("In Progress");
    await send(
      "pull_request",
      pullRequestPayload({
        repo: "globex/routing",
        number: 77,
        title: `${key}: honour port closures`,
        branch: `glx-${number}-port-closures`,
      }),
    );
    await expect.poll(() => jiraStatus(request, key), { timeout: 60_000 }).toBe("In Review");
    await send(
      "pull_request",
      pullRequestPayload({
        repo: "globex/routing",
        number: 77,
        title: `${key}: honour port closures`,
        branch: `glx-${number}-port-closures`,
        action: "closed",
        merged: true,
      }),
    );
    await expect.poll(() => jiraStatus(request, key), { timeout: 60_000 }).toBe("Done");
    // The comment is the write after the transition, so it may land a moment later.
    const comments = async () =>
      JSON.stringify(
        (
          (await (await request.get(`${JIRA}/issue/${key}/comment`, { headers: jiraAuth })).json()) as {
            comments: unknown[];
          }
        ).comments,
      );
    await expect.poll(comments, { timeout: 60_000 }).toContain("https://github.com/globex/routing/pull/77");

    // A late "opened" for another pull request does not pull a finished issue back to review.
    await send(
      "pull_request",
      pullRequestPayload({ repo: "globex/routing", number: 78, title: `${key} follow-up`, branch: "follow-up" }),
    );
    const finished = async () =>
      (
        await e2eQuery<{ status: string }>(
          `SELECT status FROM "AutomationRun" WHERE input->>'type' = 'git.pull_request' AND input->>'number' = '78' AND input->>'title' LIKE '${key}%'`,
        )
      )[0]?.status;
    await expect.poll(finished, { timeout: 60_000 }).toBe("succeeded");
    await page.goto("/globex/automations");
    await expect(page.getByRole("row").filter({ hasText: "Pull request #78 opened" })).toContainText(
      `${key} stays Done`,
    );
    expect(await jiraStatus(request, key)).toBe("Done");
    await expect(page.getByRole("row").filter({ hasText: "Pull request #77 merged" })).toContainText(
      `${key}: In Review → Done`,
    );
  });

  test("writes wait in the outbox while Jira is down, and land once it is back", async ({ page, request }) => {
    await request.put(`${JIRA_CONTROL}/faults`, {
      data: { errorRate: 1, errorStatus: 503, pathPrefix: "/globex/rest/api/3/issue" },
    });
    let issue: { id: string; shortId: string };
    try {
      issue = await newSentryIssue(request, `RangeError: e2e outage ${Date.now()}`);
      await expect
        .poll(
          async () =>
            (
              await e2eQuery<{ n: number }>(
                `SELECT count(*)::int AS n FROM "OutboxIntent" WHERE "idempotencyKey" = 'sentry-ticket:${issue.id}' AND status = 'pending' AND "lastError" IS NOT NULL`,
              )
            )[0]?.n,
          { timeout: 60_000 },
        )
        .toBe(1);
      await page.goto("/globex/automations");
      const waiting = page.getByRole("row").filter({ hasText: `Created a Jira bug for Sentry issue ${issue.shortId}` });
      await expect(waiting).toContainText("pending");
      await expect(waiting).toContainText("503");
    } finally {
      await request.put(`${JIRA_CONTROL}/faults`, { data: { errorRate: 0 } });
    }
    await expect.poll(() => ticketFor(issue.id), { timeout: 60_000 }).not.toBeNull();
    expect(
      await e2eQuery(
        `SELECT count(*)::int AS n FROM "OutboxIntent" WHERE "idempotencyKey" = 'sentry-ticket:${issue.id}'`,
      ),
    ).toEqual([{ n: 1 }]);
    await page.reload();
    await expect(
      page.getByRole("row").filter({ hasText: `Created a Jira bug for Sentry issue ${issue.shortId}` }),
    ).toHaveCount(0);
  });
});

test.describe("automation rules for an acme admin", () => {
  test.use({ storageState: STORAGE_STATE.ada });

  test("switches a rule off and on, previews it, and is told which field is wrong", async ({ page }) => {
    await page.goto("/acme/automations");
    const toggle = page.getByRole("switch", { name: /Pull requests move work to review and done is on/ });
    await toggle.click();
    await expect(page.getByRole("switch", { name: /Pull requests move work to review and done is off/ })).toBeVisible();
    expect(
      await e2eQuery(`SELECT enabled FROM "AutomationRule" WHERE id = 'rule_acme_git_pull_request_to_jira'`),
    ).toEqual([{ enabled: false }]);
    await page.getByRole("switch", { name: /Pull requests move work to review and done is off/ }).click();
    await expect(page.getByRole("switch", { name: /Pull requests move work to review and done is on/ })).toBeVisible();

    const rule = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Production errors become bugs" }) });
    await rule.getByRole("button", { name: "Preview with recent events" }).click();
    await expect(rule.getByRole("heading", { name: /Preview: the last \d+ events/ })).toBeVisible();

    await rule.getByRole("button", { name: "Edit" }).click();
    await rule.getByLabel("Jira project key").fill("not a key");
    await rule.getByRole("button", { name: "Save rule" }).click();
    await expect(rule.getByText("must be a Jira project key such as ACME").first()).toBeVisible();
    await rule.getByLabel("Jira project key").fill("acme");
    await rule.getByRole("button", { name: "Save rule" }).click();
    await expect(rule.getByText("Rule saved.")).toBeVisible();
    const audit = await e2eQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE action IN ('automation.rule_updated', 'automation.rule_disabled', 'automation.rule_enabled')`,
    );
    expect(audit[0]!.n).toBeGreaterThanOrEqual(3);
  });
});

test.describe("automations for other roles", () => {
  test("a manager sees the rules and the run log but cannot change them", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: STORAGE_STATE.grace })).newPage();
    await page.goto("/acme/automations");
    await expect(page.getByText("Admins edit rules")).toBeVisible();
    await expect(page.getByRole("switch")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Run log" })).toBeVisible();
  });

  test("a member is told automations are for admins and managers", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: STORAGE_STATE.linus })).newPage();
    await page.goto("/acme/automations");
    await expect(page.getByText("Only admins and managers of Acme Maritime can see automations.")).toBeVisible();
  });
});
