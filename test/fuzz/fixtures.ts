import { JIRA_DEMO_API_TOKEN, SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { generateApiKey } from "@/lib/features/api-keys/keys";
import { world, type FuzzWorld } from "./world";

/**
 * Real ids from the seeded world, so generated inputs name things that exist
 * (in acme and in globex) as often as things that don't, and reach the code
 * behind the lookups.
 */
export type Fixtures = Awaited<ReturnType<typeof loadFixtures>>;

const acme = world.orgs.find((o) => o.slug === "acme")!;

async function readJson<T>(url: string, authorization: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function loadFixtures({ db, jira, sentry }: FuzzWorld) {
  const orgs = Object.fromEntries((await db.organization.findMany()).map((o) => [o.slug, o])) as unknown as Record<
    "acme" | "globex",
    { id: string; workosOrgId: string }
  >;
  const users = Object.fromEntries((await db.user.findMany()).map((u) => [u.email.split("@")[0], u.id]));
  const userIds = {
    ada: users.ada!,
    grace: users.grace!,
    linus: users.linus!,
    margaret: users.margaret!,
    hedy: users.hedy!,
  };
  const rules = await db.automationRule.findMany({ orderBy: { id: "asc" } });
  const acmeRules = rules.filter((r) => r.orgId === orgs.acme.id);
  const globexRule = rules.find((r) => r.orgId === orgs.globex.id)!;

  const linusMembership = await db.membership.findFirstOrThrow({
    where: { orgId: orgs.acme.id, userId: userIds.linus },
  });
  const availability = await db.availability.create({
    data: {
      orgId: orgs.acme.id,
      membershipId: linusMembership.id,
      kind: "time_off",
      startsOn: new Date("2026-12-01"),
      endsOn: new Date("2026-12-03"),
    },
  });

  /** Plain keys for the MCP endpoint, by who holds them. */
  const createKey = async (
    orgId: string,
    createdById: string,
    role: "admin" | "manager" | "member",
    scope: "read" | "read_write",
  ) => {
    const generated = generateApiKey();
    const row = await db.apiKey.create({
      data: {
        orgId,
        name: `fuzz ${role}`,
        prefix: generated.prefix,
        hashedKey: generated.hash,
        scope,
        role,
        createdById,
      },
    });
    return { id: row.id, key: generated.key };
  };
  const apiKeys = {
    admin: await createKey(orgs.acme.id, userIds.ada, "admin", "read_write"),
    member: await createKey(orgs.acme.id, userIds.ada, "member", "read_write"),
    reader: await createKey(orgs.acme.id, userIds.ada, "manager", "read"),
    globex: await createKey(orgs.globex.id, userIds.hedy, "admin", "read_write"),
  };

  const sentryIssues = await readJson<{ id: string }[]>(
    `${sentry.url}/api/0/organizations/${acme.sentry.orgSlug}/issues/?query=is:unresolved&limit=25`,
    `Bearer ${SENTRY_DEMO_AUTH_TOKEN}`,
  );
  const jiraAuth = `Basic ${Buffer.from(`ada@acme.test:${JIRA_DEMO_API_TOKEN}`).toString("base64")}`;
  const boardId = acme.jira.projects[0]!.boardId;
  const jiraIssues = await readJson<{ issues: { key: string }[] }>(
    `${jira.url}/acme/rest/agile/1.0/board/${boardId}/issue?maxResults=20`,
    jiraAuth,
  );

  // Ownership: teams of acme (here) and of globex (elsewhere), and acme's memberships to put on them.
  const teams = await db.team.findMany({ select: { id: true, orgId: true }, orderBy: { slug: "asc" } });
  const acmeMemberships = await db.membership.findMany({ where: { orgId: orgs.acme.id }, select: { id: true } });

  return {
    orgs,
    userIds,
    ruleIds: acmeRules.map((r) => r.id),
    ruleConfigs: acmeRules.map((r) => ({ kind: r.kind, config: r.config as Record<string, unknown> })),
    globexRuleId: globexRule.id,
    availabilityId: availability.id,
    apiKeys,
    sentryIssueIds: sentryIssues.map((i) => i.id),
    sentryProjects: acme.sentry.projects.map((p) => p.slug),
    sentryOrgSlug: acme.sentry.orgSlug,
    jiraProjectKeys: acme.jira.projects.map((p) => p.key),
    jiraComponents: acme.jira.projects.flatMap((p) => p.components.map((c) => c.name)),
    jiraIssueKeys: jiraIssues.issues.map((i) => i.key),
    boardIds: acme.jira.projects.map((p) => p.boardId),
    versions: acme.releases.map((r) => r.version),
    globexBoardId: world.orgs.find((o) => o.slug === "globex")!.jira.projects[0]!.boardId,
    teamIds: teams.filter((t) => t.orgId === orgs.acme.id).map((t) => t.id),
    globexTeamIds: teams.filter((t) => t.orgId === orgs.globex.id).map((t) => t.id),
    membershipIds: acmeMemberships.map((m) => m.id),
  };
}
