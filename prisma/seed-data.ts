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
  provider: "jira" | "sentry" | "github";
  config: Record<string, string>;
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
  ];
}

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

export async function seedDatabase(
  databaseUrl: string,
  { urls = defaultUrls, keyring }: { urls?: ServiceUrls; keyring?: Keyring } = {},
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
      for (const rule of automationRules(worldOrg)) {
        // Stable ids: reseeding keeps an admin's edits to the demo rules.
        await db.automationRule.upsert({ where: { id: rule.id }, create: { ...rule, orgId: org.id }, update: {} });
        rules++;
      }
    }
    return `${world.orgs.length} organizations, ${world.people.length} users, ${memberships} memberships, ${world.orgs.length * 3} integrations, ${rules} automation rules`;
  } finally {
    await db.$disconnect();
  }
}
