import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { DEMO_JIRA_WEBHOOK_SECRETS } from "@/lib/platform/config/demo";
import { jiraWebhookUrl, loadJiraWebhookPanel, registerJiraWebhook } from "./webhook-setup";

/** The Jira card's webhook section and its "Register webhook in Jira" write, against the emulated Jira. */
describe("Jira webhook setup", () => {
  let jira: JiraEmulator;
  let orgId: string;
  const actor = { type: "user" as const, id: "user-admin", label: "admin@acme.test" };
  const registrations = () => jira.store().sites.get("acme")!.data.webhooks;

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "jirahooksetup",
    seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(async () => {
    await jira.close();
  });

  it("shows the URL, that a secret is set (not its value), the events, no delivery yet, and that the token may register", async () => {
    const panel = await loadJiraWebhookPanel({ orgId, orgSlug: "acme" });
    expect(panel).toMatchObject({
      connected: true,
      url: jiraWebhookUrl("acme"),
      secretSet: true,
      lastDelivery: null,
      canRegister: true,
      registered: false,
      problem: null,
    });
    expect(panel.url).toMatch(/\/api\/webhooks\/jira\/acme$/);
    expect(panel.events).toEqual(expect.arrayContaining(["sprint_started", "sprint_closed", "jira:issue_updated"]));
    expect(JSON.stringify(panel)).not.toContain(DEMO_JIRA_WEBHOOK_SECRETS.acme);
  });

  it("registers the webhook once through the outbox, with the stored secret, audited without it", async () => {
    const first = await registerJiraWebhook({ orgId, orgSlug: "acme", actor, requestId: "req-1" });
    expect(first).toEqual({ ok: true, message: expect.stringMatching(/^Registered/) });
    expect(registrations()).toEqual([
      expect.objectContaining({
        url: jiraWebhookUrl("acme"),
        secret: DEMO_JIRA_WEBHOOK_SECRETS.acme,
        events: expect.arrayContaining(["sprint_started", "sprint_closed"]),
        enabled: true,
      }),
    ]);
    // Asked again later: the registration is updated, not doubled (Jira would send every event twice).
    const again = await registerJiraWebhook({ orgId, orgSlug: "acme", actor, requestId: "req-2" });
    expect(again).toEqual({ ok: true, message: expect.stringMatching(/^Updated/) });
    expect(registrations()).toHaveLength(1);
    expect((await loadJiraWebhookPanel({ orgId, orgSlug: "acme" })).registered).toBe(true);

    const intents = await db.outboxIntent.findMany({ where: { orgId, operation: "jira.webhook.register" } });
    expect(intents.map((i) => i.status)).toEqual(["succeeded", "succeeded"]);
    const audit = await db.auditLog.findMany({ where: { orgId, summary: { contains: "Jira's admin webhook" } } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify([intents, audit])).not.toContain(DEMO_JIRA_WEBHOOK_SECRETS.acme);
  });

  it("a token without Jira admin rights is told so, and cannot register", async () => {
    const site = jira.store().sites.get("acme")!;
    const admins = [...site.data.adminAccountIds];
    site.data.adminAccountIds.length = 0;
    try {
      const panel = await loadJiraWebhookPanel({ orgId, orgSlug: "acme" });
      expect(panel).toMatchObject({ canRegister: false, registered: null });
      const refused = await registerJiraWebhook({ orgId, orgSlug: "acme", actor, requestId: "req-3" });
      expect(refused.ok).toBe(false);
    } finally {
      site.data.adminAccountIds.push(...admins);
    }
  });
});
