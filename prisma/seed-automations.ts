import type { PrismaClient } from "../lib/db/generated/client";
import type { AutomationKind } from "../lib/domain/automations";
import { buildSentryData } from "../emulators/seed/sentry";
import type { World } from "../emulators/seed/world";
import { automationFacts } from "./seed-automation-facts";
import { buildAutomationHistory } from "./seed-automation-history";
import type { HistoryRows } from "./seed-automation-rows";

/**
 * A recent week of automation history for each demo org (see seed-automation-history.ts), pointing at Jira
 * issues and Sentry issues the emulators' seeds hold. Returns how many deliveries it holds in all.
 */
export async function seedAutomationHistory(
  db: PrismaClient,
  {
    world,
    users,
    urls,
    now,
  }: { world: World; users: Map<string, string>; urls: { jira: string; sentry: string }; now: Date },
): Promise<number> {
  const sentryData = buildSentryData(world);
  let deliveries = 0;
  for (const worldOrg of world.orgs) {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: worldOrg.slug } });
    const roleOf = (key: string) =>
      worldOrg.people.find((p) => p.key === key)?.memberships.find((m) => m.org === worldOrg.slug)?.role;
    const admin = worldOrg.people.find((p) => roleOf(p.key) === "admin") ?? worldOrg.people[0];
    const member = [...worldOrg.people].reverse().find((p) => roleOf(p.key) === "member") ?? admin;
    if (!admin || !member) continue;
    const rules = await db.automationRule.findMany({ where: { orgId: org.id } });
    const rows = buildAutomationHistory({
      orgId: org.id,
      org: worldOrg.slug,
      now,
      facts: automationFacts({ world, org: worldOrg, sentryData, sentryBaseUrl: urls.sentry }),
      rules: rules.map((r) => ({
        id: r.id,
        kind: r.kind as AutomationKind,
        name: r.name,
        enabled: r.enabled,
        config: r.config,
      })),
      urls: {
        jiraSite: `${urls.jira}/${worldOrg.slug}`,
        sentry: urls.sentry,
        sentryOrg: worldOrg.sentry.orgSlug,
        repo: `${worldOrg.slug}/${worldOrg.sentry.projects[0]?.slug ?? "platform"}`,
      },
      admin: { userId: users.get(admin.key) ?? "", name: admin.name, jiraAccountId: admin.jiraAccountId },
      unassignableAccountId: member.jiraAccountId,
    });
    deliveries += await writeAutomationHistory(db, rows);
  }
  return deliveries;
}

/**
 * Writes the demo's automation history. Every row has a stable id: reseeding moves the history's times up to the
 * new "now" (so the demo always shows a recent week) and never duplicates it, and leaves what people did since —
 * a dead letter retried, a failed write resent — as they left it. Audit entries are append-only, so those
 * already written stay as they are.
 */
export async function writeAutomationHistory(db: PrismaClient, rows: HistoryRows): Promise<number> {
  for (const { id, receivedAt, processedAt, ...rest } of rows.deliveries)
    await db.webhookDelivery.upsert({
      where: { id },
      create: { id, receivedAt, processedAt, ...rest, payload: rest.payload as object },
      update: { receivedAt, processedAt },
    });
  for (const { id, startedAt, finishedAt, ...rest } of rows.runs)
    await db.automationRun.upsert({
      where: { id },
      create: { id, startedAt, finishedAt, ...rest, input: rest.input as object, decision: rest.decision as object },
      update: { startedAt, finishedAt },
    });
  for (const { id, createdAt, completedAt, nextAttemptAt, ...rest } of rows.intents)
    await db.outboxIntent.upsert({
      where: { id },
      create: {
        id,
        createdAt,
        completedAt,
        nextAttemptAt,
        ...rest,
        payload: rest.payload as object,
        result: (rest.result ?? undefined) as object | undefined,
      },
      update: { createdAt, completedAt, nextAttemptAt },
    });
  for (const { id, createdAt, runAt, deadAt, finishedAt, ...rest } of rows.jobs) {
    await db.job.createMany({
      data: [{ id, createdAt, runAt, deadAt, finishedAt, ...rest, payload: rest.payload as object }],
      skipDuplicates: true,
    });
    // Only a job still dead moves with the clock; one retried since keeps what its retry made of it.
    await db.job.updateMany({ where: { id, status: "dead" }, data: { createdAt, runAt, deadAt, finishedAt } });
  }
  for (const link of rows.ticketLinks)
    await db.ticketLink.upsert({
      where: { orgId_sentryIssueId: { orgId: link.orgId, sentryIssueId: link.sentryIssueId } },
      create: link,
      update: {},
    });
  await db.auditLog.createMany({
    data: rows.audits.map((row) => ({ ...row, changes: row.changes as object })),
    skipDuplicates: true,
  });
  return rows.deliveries.length;
}
