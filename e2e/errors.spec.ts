import { expect, test } from "./fixtures/sessions";
import { STORAGE_STATE } from "./fixtures/auth";

const SENTRY = "http://127.0.0.1:4103/api/0/organizations/acme";
const JIRA = "http://127.0.0.1:4102/acme/rest/api/3";
const sentryAuth = { authorization: "Bearer sentry-demo-token" };
const jiraAuth = { authorization: `Basic ${Buffer.from("linus@acme.test:jira-demo-token").toString("base64")}` };

test.describe("errors as a member", () => {
  test.use({ storageState: STORAGE_STATE.linus });

  test("shows the error-rate chart and classified issues from Sentry", async ({ page, request }) => {
    await page.goto("/acme/errors");
    await expect(page.getByRole("img", { name: /^Error events: / })).toBeVisible();
    const unresolved = (await (
      await request.get(`${SENTRY}/issues/?query=is:unresolved&statsPeriod=14d&limit=100`, { headers: sentryAuth })
    ).json()) as unknown[];
    await expect(
      page.getByRole("heading", { name: new RegExp(`^Issues \\(${unresolved.length} of ${unresolved.length}\\)`) }),
    ).toBeVisible();
    await expect(page.getByRole("row").getByText("critical", { exact: true }).first()).toBeVisible();
    await page.getByRole("combobox", { name: "Severity", exact: true }).selectOption("critical");
    await page.getByRole("button", { name: "Apply" }).click();
    const rows = page.getByRole("row").filter({ has: page.getByRole("checkbox") });
    await expect(rows.first()).toContainText(/critical/i);
    for (const text of await rows.allInnerTexts()) expect(text.toLowerCase()).toContain("critical");
  });

  test("explains an issue's severity in a popover beside its Why? button, closed by Escape", async ({ page }) => {
    await page.goto("/acme/errors");
    const why = page.getByRole("button", { name: /^Why is [A-Z]+-\w+ (critical|high|medium|low)\?$/ }).first();
    await why.click();
    const panel = page.locator(`[id="${await why.getAttribute("popovertarget")}"]`);
    await expect(panel).toBeVisible();
    await expect(panel).not.toBeEmpty();
    // Anchored to its button (CSS anchor positioning): just below it, or flipped above when there is no room.
    const [button, box] = [(await why.boundingBox())!, (await panel.boundingBox())!];
    expect(box.y >= button.y + button.height - 1 || box.y + box.height <= button.y + 1).toBe(true);
    expect(box.width).toBeLessThan(300);
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
  });

  test("resolves and assigns issues, written back to Sentry", async ({ page, request }) => {
    await page.goto("/acme/errors?sort=events");
    const first = page
      .getByRole("row")
      .filter({ has: page.getByRole("checkbox") })
      .first();
    const shortId = (await first.locator(".font-mono").first().innerText()).trim();
    await first.getByRole("checkbox").check();
    await page.getByLabel("Assign selected issues to").selectOption({ label: "Grace Hopper" });
    await expect(page.getByRole("status").filter({ hasText: "Assigned to Grace Hopper: 1 issue(s)." })).toBeVisible();
    const issue = (await (await request.get(`${SENTRY}/issues/${shortId}/`, { headers: sentryAuth })).json()) as {
      id: string;
      assignedTo: { name: string } | null;
      status: string;
    };
    expect(issue.assignedTo?.name).toBe("Grace Hopper");

    await page.reload();
    await page.getByRole("row").filter({ hasText: shortId }).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Resolved: 1 issue(s)." })).toBeVisible();
    expect(
      (
        (await (await request.get(`${SENTRY}/issues/${issue.id}/`, { headers: sentryAuth })).json()) as {
          status: string;
        }
      ).status,
    ).toBe("resolved");
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: shortId })).toHaveCount(0);
  });

  test("turns a Sentry issue into one linked Jira ticket, found again by its key", async ({ page, request }) => {
    await page.goto("/acme/errors");
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("button", { name: /Create ticket/ }) })
      .first();
    const shortId = (await row.locator(".font-mono").first().innerText()).trim();
    await row.getByRole("button", { name: /Create ticket/ }).click();
    const created = page.getByRole("status").filter({ hasText: /^Created [A-Z]+-\d+[.,]/ });
    await expect(created).toBeVisible();
    const key = /Created ([A-Z]+-\d+)/.exec(await created.innerText())?.[1] as string;

    const jiraIssue = (await (
      await request.get(`${JIRA}/issue/${key}?fields=summary,labels,priority`, { headers: jiraAuth })
    ).json()) as { fields: { summary: string; labels: string[]; priority: { name: string } } };
    expect(jiraIssue.fields.summary).toContain(`[${shortId}]`);
    expect(jiraIssue.fields.labels).toEqual(expect.arrayContaining(["sentry", "production-error"]));
    const remote = (await (await request.get(`${JIRA}/issue/${key}/remotelink`, { headers: jiraAuth })).json()) as {
      object: { url: string };
    }[];
    expect(remote[0]?.object.url).toContain("/issues/");
    const sentryIssue = (await (await request.get(`${SENTRY}/issues/${shortId}/`, { headers: sentryAuth })).json()) as {
      id: string;
    };
    const external = (await (
      await request.get(`${SENTRY}/issues/${sentryIssue.id}/external-issues/`, { headers: sentryAuth })
    ).json()) as { webUrl: string }[];
    expect(external[0]?.webUrl).toContain(`/browse/${key}`);

    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: shortId })).toContainText(key);
    await page.getByLabel("Search").fill(key);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("heading", { name: `Sentry issues linked to ${key}` })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: shortId })).toHaveCount(1);
  });
});

test.describe("releases as a member", () => {
  test.use({ storageState: STORAGE_STATE.linus });

  test("shows crash-free rates per release and flags the seeded regression", async ({ page, request }) => {
    await page.goto("/acme/releases");
    const regressed = page.getByRole("row").filter({ has: page.getByRole("link", { name: "2.14.0", exact: true }) });
    await expect(regressed.getByText("Regression")).toBeVisible();
    // Flagged for both: the crash-free rule and the seeded slowdown of its page loads, each with its reason.
    await expect(regressed.getByText(/crash-free sessions [\d.]+% vs [\d.]+% in 2\.13\.0/)).toBeVisible();
    await expect(regressed.getByText(/p75 LCP [\d.]+ s vs [\d.]+ s in 2\.13\.0, \+\d+%/)).toBeVisible();
    await expect(
      page
        .getByRole("row")
        .filter({ has: page.getByRole("link", { name: "2.13.0", exact: true }) })
        .getByText("Regression"),
    ).toHaveCount(0);

    // The rates on the page are the ones Sentry's sessions API reports.
    const sessions = (await (
      await request.get(
        `${SENTRY}/sessions/?field=crash_free_rate(session)&groupBy=release&statsPeriod=30d&interval=1d&includeSeries=0`,
        { headers: sentryAuth },
      )
    ).json()) as { groups: { by: { release: string }; totals: Record<string, number> }[] };
    const rate = sessions.groups.find((g) => g.by.release === "2.14.0")?.totals["crash_free_rate(session)"] ?? 0;
    await expect(regressed).toContainText(`${(Math.round(rate * 10_000) / 100).toFixed(2)}%`);

    await page.getByLabel("Only regressions").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("link", { name: "2.13.0", exact: true })).toHaveCount(0);

    await page.getByRole("link", { name: "2.14.0", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Release 2.14.0" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Regression: crash-free sessions" })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Crash-free sessions per day/ })).toBeVisible();
    await expect(page.getByText(/^\d+ of \d+ done$/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Scorecard vs 2.13.0" })).toBeVisible();
    const feedback = page.getByRole("list", { name: "User feedback on 2.14.0" });
    await expect(feedback.getByRole("listitem").first()).toBeVisible();
    await page.getByLabel("Search feedback").fill("zzz-nothing-says-this");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No feedback mentions “zzz-nothing-says-this”.")).toBeVisible();
  });
});

test.describe("severity thresholds as an admin", () => {
  test.use({ storageState: STORAGE_STATE.ada });

  test("are validated field by field and change how issues are classified", async ({ page }) => {
    const setThresholds = async (high: string, events: string, critical: string) => {
      await page.goto("/acme/settings");
      await page.getByLabel("High from users affected").fill(high);
      await page.getByLabel("High from events in 24 h").fill(events);
      await page.getByLabel("Critical from users affected").fill(critical);
      await page.getByRole("button", { name: "Save thresholds" }).click();
    };
    await setThresholds("100", "1000", "10");
    await expect(
      page.getByRole("alert").filter({ hasText: "criticalUserThreshold: must be at least the high user threshold" }),
    ).toBeVisible();
    await expect(page.getByText("must be at least the high user threshold", { exact: true })).toBeVisible();

    await setThresholds("1", "1000", "1");
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    try {
      // With every affected user counting as critical, no error-level issue is merely medium.
      await page.goto("/acme/errors?severity=medium");
      const rows = page.getByRole("row").filter({ has: page.getByRole("checkbox") });
      for (const text of await rows.allInnerTexts()) expect(text).not.toMatch(/· error ·/);
    } finally {
      await setThresholds("50", "1000", "500");
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    }
  });
});

test.describe("ticket routing as an admin", () => {
  test.use({ storageState: STORAGE_STATE.ada });

  test("files a Sentry project's ticket to the owner of its Jira component", async ({ page, request }) => {
    // Two rule saves, each possibly tried again (below), on top of the ticket itself.
    test.setTimeout(180_000);
    // Ownership rules come first, and the first web issue still without a ticket differs from run to run (earlier
    // tests and automations file some); several match a rule. With web's rules set aside, any of them shows the
    // component fallback. Restored in `finally`.
    await page.goto("/acme/settings/ownership");
    const rules = page.getByRole("form", { name: "Ownership rules for web" });
    const field = rules.getByLabel("Rules (one per line)");
    const webRules = await field.inputValue();
    expect(webRules).toContain("tags.browser.name:Safari");
    // Typing that lands while the editor is still hydrating can be merged with the text it started with, so each
    // save is checked on a fresh load and tried again if the stored rules are not exactly `raw`.
    const saveWebRules = (raw: string) =>
      expect(async () => {
        await page.goto("/acme/settings/ownership");
        await expect(page.locator("html[data-shortcuts=on]")).toHaveCount(1);
        await field.fill(raw);
        await expect(field).toHaveValue(raw, { timeout: 1_000 });
        await rules.getByRole("button", { name: "Save rules for web" }).click();
        await expect(rules.getByRole("status")).toHaveText(/^(Saved \d+ rules? for web|Nothing changed)\.$/, {
          timeout: 10_000,
        });
        await page.reload();
        await expect(field).toHaveValue(raw, { timeout: 5_000 });
      }).toPass({ timeout: 90_000 });
    await saveWebRules("# set aside by the ticket routing test");
    try {
      // Sprint history (snapshots) is what component ownership is computed from.
      await page.goto("/acme/sprints");
      await expect(page.getByRole("img", { name: /^Velocity: / })).toBeVisible();
      await page.goto("/acme/settings");
      await page.getByLabel("Jira component for web").fill("Platform");
      await page.getByRole("button", { name: "Save routing" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

      await page.goto("/acme/errors?project=web");
      // Filtered to one project, it can be watched: its new Critical issues and regressions then reach Ada too.
      await page.getByRole("button", { name: "Watch project web" }).click();
      await expect(page.getByRole("button", { name: "Watching project web" })).toHaveAttribute("aria-pressed", "true");
      const row = page
        .getByRole("row")
        .filter({ has: page.getByRole("button", { name: /Create ticket/ }) })
        .first();
      await row.getByRole("button", { name: /Create ticket/ }).click();
      const created = page
        .getByRole("status")
        .filter({ hasText: /^Created [A-Z]+-\d+, assigned to .+ \(\d+ Platform issues completed recently\)\./ });
      await expect(created).toBeVisible();
      const [, key, name] = /Created ([A-Z]+-\d+), assigned to (.+?) \(/.exec(await created.innerText()) ?? [];
      const jiraIssue = (await (
        await request.get(`${JIRA}/issue/${key}?fields=assignee`, { headers: jiraAuth })
      ).json()) as { fields: { assignee: { displayName: string } | null } };
      expect(jiraIssue.fields.assignee?.displayName).toBe(name);
    } finally {
      await saveWebRules(webRules);
    }
  });
});
