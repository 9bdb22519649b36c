import { PrismaPg } from "@prisma/adapter-pg";
import {
  DEMO_HOST,
  DEMO_JIRA_WEBHOOK_SECRETS,
  DEMO_PORTS,
  JIRA_DEMO_API_TOKEN,
  SENTRY_DEMO_AUTH_TOKEN,
} from "../lib/platform/config/demo";
import { sealCredentials, type Keyring } from "../lib/platform/crypto/credentials";
import { parseEnv } from "../lib/platform/env/schema";
import { PrismaClient } from "../lib/db/generated/client";
import { buildWorld, GITHUB_WEBHOOK_SECRETS, SENTRY_WEBHOOK_SECRETS, type WorldOrg } from "../emulators/seed/world";
import { type AutomationKind, RULE_CONFIG_SCHEMAS } from "../lib/domain/automations/rules";
import { DEMO_TEAMS, SEED_OWNERSHIP } from "../emulators/seed/sentry-ownership";
import { seedAutomationHistory } from "./seed-automations";

/**
 * Demo data in Bosun's own database, mirroring the emulated services: the two
 * demo organisations, their people and roles (as WorkOS has them), and each
 * org's Jira, Sentry and GitHub connections pointing at the local emulators.
 * Idempotent: running it again updates rather than duplicates.
 */

type ServiceUrls = { jira: string; sentry: string };

const defaultUrls: ServiceUrls = {
  jira: `http://${DEMO_HOST}:${DEMO_PORTS.jira}`,
  sentry: `http://${DEMO_HOST}:${DEMO_PORTS.sentry}`,
};

type IntegrationSeed = {
  provider: "jira" | "sentry" | "github" | "rollback_hook";
  config: Record<string, string | number>;
  credentials: Record<string, string>;
};

function integrationRows(org: WorldOrg, admin: string, urls: ServiceUrls): IntegrationSeed[] {
  return [
    {
      provider: "jira",
      config: { siteUrl: `${urls.jira}/${org.slug}`, email: admin },
      credentials: { apiToken: JIRA_DEMO_API_TOKEN, webhookSecret: DEMO_JIRA_WEBHOOK_SECRETS[org.slug] },
    },
    {
      provider: "sentry",
      config: { baseUrl: urls.sentry, organizationSlug: org.sentry.orgSlug },
      credentials: { authToken: SENTRY_DEMO_AUTH_TOKEN, webhookSecret: SENTRY_WEBHOOK_SECRETS[org.slug] },
    },
    {
      provider: "github",
      config: {},
      credentials: { webhookSecret: GITHUB_WEBHOOK_SECRETS[org.slug] },
    },
    // acme's deployment hook is the mail catcher's rollback receiver, which records what an approval sends.
    ...(org.slug === "acme"
      ? [
          {
            provider: "rollback_hook" as const,
            config: { url: `http://${DEMO_HOST}:4104/hooks/rollback`, timeoutSeconds: 10 },
            credentials: { secret: "demo-rollback-secret" },
          },
        ]
      : []),
  ];
}

/**
 * acme's rollback window is ten days, not the default day, so its crash regression in 2.14.0 (deployed a week
 * before the demo's "now") raises the rollback gate. Set once: reseeding keeps an admin's change.
 */
const DEMO_ROLLBACK_SETTINGS: Record<string, object> = { acme: { windowHours: 240 } };

/**
 * The demo's automation rules: Sentry errors and alerts file Jira bugs, and
 * branches and pull requests move issues along. Release health starts switched
 * off, because it files bugs on its own schedule rather than on an event. The
 * performance-regression rule is on, so the demo shows the bug it files for the
 * seeded slowdown in 2.14.0; a live org has no rule until an admin adds one.
 */
function automationRules(org: WorldOrg) {
  const jiraProjectKey = org.jira.projects[0]?.key ?? "OPS";
  const projectKeys = org.jira.projects.map((p) => p.key);
  const rule = (kind: AutomationKind, name: string, config: object, enabled = true) => ({
    id: `rule_${org.slug}_${kind}`,
    kind,
    name,
    enabled,
    config: RULE_CONFIG_SCHEMAS[kind].parse(config),
  });
  return [
    // The product's own projects; Bosun's own errors (the "bosun" project in demo mode) are not the team's backlog.
    rule("sentry_issue_to_jira", "Production errors become bugs", {
      levels: ["fatal", "error"],
      projects: org.sentry.projects.map((p) => p.slug),
      jiraProjectKey,
    }),
    rule("sentry_metric_alert_to_jira", "Error spikes become bugs", { triggers: ["critical"], jiraProjectKey }),
    rule(
      "release_health_to_jira",
      "Unhealthy releases become bugs",
      { crashFreeSessionsBelow: 99, minSessions: 100, jiraProjectKey },
      false,
    ),
    rule("git_branch_to_jira", "Branches start work", { projectKeys }),
    rule("git_pull_request_to_jira", "Pull requests move work to review and done", { projectKeys }),
    rule("performance_regression_to_jira", "Slower releases become bugs", { jiraProjectKey }),
  ];
}

export type SeedOptions = {
  urls?: ServiceUrls;
  keyring?: Keyring;
  /**
   * A recent week of webhook deliveries, rule runs, writes and a dead letter (seed-automations.ts), so the demo's
   * Automations page shows a working system. Off unless asked for: tests start from no history.
   */
  automationHistory?: boolean;
};

export async function seedDatabase(
  databaseUrl: string,
  { urls = defaultUrls, keyring, automationHistory = false }: SeedOptions = {},
): Promise<string> {
  const env = parseEnv(process.env);
  const ring = keyring ?? {
    current: { keyId: env.encryption.keyId, key: env.encryption.key },
    previous: env.encryption.previousKeys,
  };
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  const world = buildWorld({ size: "demo" });
  try {
    const users = new Map<string, string>();
    for (const person of world.people) {
      const user = await db.user.upsert({
        where: { workosUserId: person.workosUserId },
        create: { workosUserId: person.workosUserId, email: person.email, name: person.name },
        update: { email: person.email, name: person.name },
      });
      users.set(person.key, user.id);
    }

    let memberships = 0;
    let rules = 0;
    for (const worldOrg of world.orgs) {
      const org = await db.organization.upsert({
        where: { slug: worldOrg.slug },
        create: { slug: worldOrg.slug, name: worldOrg.name, workosOrgId: worldOrg.workosOrgId },
        update: { name: worldOrg.name, workosOrgId: worldOrg.workosOrgId },
      });
      for (const person of worldOrg.people) {
        const role = person.memberships.find((m) => m.org === worldOrg.slug)?.role ?? "member";
        const userId = users.get(person.key) as string;
        await db.membership.upsert({
          where: { orgId_userId: { orgId: org.id, userId } },
          create: { orgId: org.id, userId, role, jiraAccountId: person.jiraAccountId },
          update: { role, jiraAccountId: person.jiraAccountId },
        });
        memberships++;
      }
      const admin = worldOrg.people.find((p) =>
        p.memberships.some((m) => m.org === worldOrg.slug && m.role === "admin"),
      );
      for (const row of integrationRows(worldOrg, admin?.email ?? worldOrg.people[0]?.email ?? "", urls)) {
        const { sealed, keyId } = sealCredentials(row.credentials, ring);
        await db.integrationConnection.upsert({
          where: { orgId_provider: { orgId: org.id, provider: row.provider } },
          create: {
            orgId: org.id,
            provider: row.provider,
            config: row.config,
            encryptedCredentials: sealed,
            credentialsKeyId: keyId,
          },
          update: {
            config: row.config,
            encryptedCredentials: sealed,
            credentialsKeyId: keyId,
            status: "connected",
            lastError: null,
          },
        });
      }
      const rollback = DEMO_ROLLBACK_SETTINGS[worldOrg.slug];
      const settings = (org.settings ?? {}) as Record<string, unknown>;
      if (rollback && settings.rollback === undefined)
        await db.organization.update({ where: { id: org.id }, data: { settings: { ...settings, rollback } } });
      for (const rule of automationRules(worldOrg)) {
        // Stable ids: reseeding keeps an admin's edits to the demo rules.
        await db.automationRule.upsert({ where: { id: rule.id }, create: { ...rule, orgId: org.id }, update: {} });
        rules++;
      }
      // Ownership: demo teams with members, and each Sentry project's rules as the emulated Sentry holds them.
      for (const team of DEMO_TEAMS[worldOrg.slug] ?? []) {
        const { id: teamId } = await db.team.upsert({
          where: { orgId_slug: { orgId: org.id, slug: team.slug } },
          create: { orgId: org.id, slug: team.slug, name: team.name, directoryGroupId: team.directoryGroupId ?? null },
          update: {},
        });
        // Join times a millisecond apart keep the listed order, which is the order "#team" expands to.
        const joinedFrom = Date.now();
        for (const [index, key] of team.members.entries()) {
          const membership = await db.membership.findUnique({
            where: { orgId_userId: { orgId: org.id, userId: users.get(key) ?? "" } },
          });
          if (membership)
            await db.teamMember.upsert({
              where: { teamId_membershipId: { teamId, membershipId: membership.id } },
              create: { teamId, membershipId: membership.id, orgId: org.id, createdAt: new Date(joinedFrom + index) },
              update: {},
            });
        }
      }
      for (const { projectSlug, raw } of SEED_OWNERSHIP[worldOrg.slug] ?? [])
        await db.ownershipRuleSet.upsert({
          where: { orgId_sentryProjectSlug: { orgId: org.id, sentryProjectSlug: projectSlug } },
          create: { orgId: org.id, sentryProjectSlug: projectSlug, raw, importedAt: new Date() },
          update: {},
        });
    }
    const history = automationHistory
      ? `, ${await seedAutomationHistory(db, { world, users, urls, now: new Date() })} webhook deliveries of automation history`
      : "";
    return `${world.orgs.length} organizations, ${world.people.length} users, ${memberships} memberships, ${world.orgs.length * 3} integrations, ${rules} automation rules${history}`;
  } finally {
    await db.$disconnect();
  }
}
