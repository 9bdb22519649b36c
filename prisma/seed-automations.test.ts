import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { loadAutomationsPage } from "@/lib/features/automations";
import { buildJiraSite } from "@/emulators/seed/jira";
import { buildSentryData } from "@/emulators/seed/sentry";
import { buildWorld } from "@/emulators/seed/world";
import { seedDatabase } from "./seed-data";

const HOUR = 3_600_000;
const STATUS_NAMES: Record<string, string> = {
  "10000": "To Do",
  "3": "In Progress",
  "10001": "In Review",
  "10002": "Done",
};

/** The demo's automation history: there, recent, consistent with the emulators' data, and seeded once. */
describe("demo automation history", () => {
  const app = useSeededDatabase({ label: "seed-history", seed: { automationHistory: true } });
  const world = buildWorld({ size: "demo" });
  const orgs: Record<string, string> = {};

  beforeAll(async () => {
    // Seeding again must move the history's times, not add to it.
    await seedDatabase(app.url, { automationHistory: true });
    for (const org of await db.organization.findMany()) orgs[org.slug] = org.id;
  });

  it("is seeded once, however often the seed runs", async () => {
    for (const orgId of Object.values(orgs)) {
      expect(await db.webhookDelivery.count({ where: { orgId } })).toBe(12);
      expect(await db.automationRun.count({ where: { orgId } })).toBe(8);
      expect(await db.job.count({ where: { orgId, status: "dead" } })).toBe(1);
    }
    const audits = await db.auditLog.groupBy({ by: ["id"], _count: { _all: true } });
    expect(audits.every((a) => a._count._all === 1)).toBe(true);
  });

  it("holds deliveries from Sentry, GitHub and Jira over the last week, with real bodies", async () => {
    const deliveries = await db.webhookDelivery.findMany({ where: { orgId: orgs.acme } });
    expect(new Set(deliveries.map((d) => d.source))).toEqual(new Set(["sentry", "github", "jira"]));
    const now = Date.now();
    for (const d of deliveries) {
      expect(now - d.receivedAt.getTime()).toBeGreaterThan(0);
      expect(now - d.receivedAt.getTime()).toBeLessThan(7 * 24 * HOUR);
    }
    const created = deliveries.find((d) => d.eventType === "issue.created");
    expect(created?.payload).toMatchObject({ action: "created", data: { issue: { id: expect.any(String) } } });
  });

  it("has runs of every kind of outcome, a write that succeeded on retry and its audit entries", async () => {
    const runs = await db.automationRun.findMany({ where: { orgId: orgs.acme }, include: { intents: true } });
    const outcomes = runs.map((r) => `${r.status}:${(r.decision as { kind: string }).kind}`);
    expect(outcomes).toEqual(
      expect.arrayContaining(["succeeded:create_bug", "succeeded:transition", "skipped:skip", "failed:create_bug"]),
    );
    const skipped = runs.find((r) => r.status === "skipped");
    expect((skipped?.decision as { summary: string }).summary).toMatch(/^already ticketed as ACME-\d+$/);

    const retried = runs.flatMap((r) => r.intents).find((i) => i.status === "succeeded" && i.attempts > 1);
    expect(retried?.operation).toBe("jira.issue.create");
    const trail = await db.auditLog.findMany({
      where: { orgId: orgs.acme, targetId: (retried?.payload as { meta: { target: { id: string } } }).meta.target.id },
      orderBy: { createdAt: "asc" },
    });
    expect(trail.map((a) => a.action)).toEqual(["outbox.write_resumed", "jira.issue.create", "jira.issue.remote_link"]);
    expect(trail[1]?.changes).toMatchObject({ attempts: 3 });
  });

  it("points only at Jira issues and Sentry issues the emulators hold, in the status the history left them", async () => {
    const sentry = buildSentryData(world);
    for (const worldOrg of world.orgs) {
      const orgId = orgs[worldOrg.slug]!;
      const jiraIssues = buildJiraSite(world, worldOrg).issues;
      const jiraKeys = new Set(jiraIssues.map((i) => i.key));
      const statusOf = (key: string) => STATUS_NAMES[jiraIssues.find((i) => i.key === key)?.statusId ?? ""];
      const sentryIds = new Set(sentry.orgs.find((o) => o.slug === worldOrg.slug)!.issues.map((i) => i.id));
      const links = await db.ticketLink.findMany({ where: { orgId } });
      expect(links.length).toBe(3);
      for (const link of links) {
        expect(jiraKeys.has(link.jiraIssueKey)).toBe(true);
        expect(sentryIds.has(link.sentryIssueId)).toBe(true);
      }
      const intents = await db.outboxIntent.findMany({ where: { orgId } });
      for (const intent of intents) {
        const key = (intent.result as { key?: string; issueKey?: string } | null) ?? {};
        for (const value of [key.key, key.issueKey]) if (value) expect(jiraKeys.has(value)).toBe(true);
        // A transition's outcome is the status Jira holds the issue in now.
        if (intent.operation === "jira.issue.transition_forward") {
          const { issueKey, to } = intent.result as { issueKey: string; to: string };
          expect(statusOf(issueKey)).toBe(to);
        }
      }
    }
  });

  it("shows on the Automations page with every counter agreeing with its list", async () => {
    const admin = await db.membership.findFirstOrThrow({ where: { orgId: orgs.acme, role: "admin" } });
    const now = new Date();
    const page = await loadAutomationsPage({
      orgId: orgs.acme!,
      orgSlug: "acme",
      userId: admin.userId,
      role: "admin",
      now,
    });
    if (page.access !== "full") throw new Error("an admin sees the whole page");
    const recent = page.deliveries.filter((d) => d.receivedAt.getTime() >= now.getTime() - 24 * HOUR);
    expect(page.last24h.deliveries).toBe(recent.length);
    expect(page.last24h.deliveries).toBeGreaterThan(3);
    expect(page.last24h.runsSucceeded).toBeGreaterThan(0);
    expect(page.last24h.runsFailed).toBe(1);
    expect(page.deadJobs).toHaveLength(1);
    expect(page.deadJobs[0]?.lastError).toContain("Jira answered 503");
    expect(page.failed.map((w) => w.lastError)).toEqual(
      expect.arrayContaining([expect.stringContaining("cannot be assigned issues")]),
    );
  });
});
