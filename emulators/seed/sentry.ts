import { createHash } from "node:crypto";
import { DEMO_SENTRY_BOSUN_PROJECT_ID, DEMO_SENTRY_BOSUN_PUBLIC_KEY } from "../../lib/platform/config/demo";
import { createRandom } from "./random";
import { HOUR_MS, HourSeries, hourOf } from "./sentry-series";
import { seedDeploys } from "./sentry-deploys";
import { generateFeedback } from "./sentry-feedback";
import { addHotfixToIssues, splitHotfixSessions, withHotfix } from "./sentry-hotfix";
import { generateIssues } from "./sentry-issues";
import { generateSessions } from "./sentry-sessions";
import type { ProjectOutcomes, SentryData, SentryOrgData, SentryProject, SentryRelease } from "./sentry-types";
import { SENTRY_WEBHOOK_SECRETS, type World, type WorldOrg, volumesFor } from "./world";

/**
 * Sentry data for the shared world: the world's three projects per org plus
 * `bosun` (Bosun's own errors) in acme, the world's releases in every project
 * (plus the hotfix of the regressed release), their deploys, issues, hourly
 * error outcomes and release-health sessions.
 */

/** DSN public key of acme's `bosun` project, fixed so demo mode can hard-wire its DSN. */
export const BOSUN_DSN_PUBLIC_KEY = DEMO_SENTRY_BOSUN_PUBLIC_KEY;
export const BOSUN_PROJECT = {
  id: DEMO_SENTRY_BOSUN_PROJECT_ID,
  slug: "bosun",
  name: "Bosun",
  platform: "javascript-nextjs",
} as const;
/** The Bosun Sentry App's installation in each org (used for external issue links and webhooks). */
export const SENTRY_INSTALLATION_UUIDS = {
  acme: "3b9f2c1e-6a4d-4e8b-9f10-a0c3e0000001",
  globex: "5d7e4a2b-8c1f-4b3a-a2e9-6e0be0000002",
} as const;
export const SENTRY_APP = { slug: "bosun", uuid: "e2f1c0de-7b3a-4c59-8d21-b05c0de00001", sentryAppId: 501 } as const;

const DAY_MS = 86_400_000;
const ID_BASE: Record<string, number> = { acme: 6_100_000_000, globex: 6_200_000_000 };

function dsnKey(org: string, slug: string): string {
  return createHash("md5").update(`dsn:${org}:${slug}`).digest("hex");
}

/** The release that shipped a crash regression: acme's second newest, globex's third newest. */
export function regressedReleaseOf(org: WorldOrg): string {
  const back = org.slug === "acme" ? 2 : 3;
  return (org.releases[org.releases.length - back] ?? org.releases[0])?.version as string;
}

function buildProjects(org: WorldOrg, nowMs: number, teamId: string): SentryProject[] {
  const projects = org.sentry.projects.map((p, i) => ({
    ...p,
    dateCreated: new Date(nowMs - (400 - i * 20) * DAY_MS),
    dsnPublicKey: dsnKey(org.slug, p.slug),
    teamId,
  }));
  if (org.slug === "acme")
    projects.push({
      ...BOSUN_PROJECT,
      dateCreated: new Date(nowMs - 200 * DAY_MS),
      dsnPublicKey: BOSUN_DSN_PUBLIC_KEY,
      teamId,
    });
  return projects;
}

const releaseIdBase = (orgIndex: number) => 700_000 + orgIndex * 10_000;
/** Hotfix ids sit apart from the world's releases' so neither shifts the other. */
const hotfixIdBase = (orgIndex: number) => releaseIdBase(orgIndex) + 5_000;

function buildReleases(org: WorldOrg, orgIndex: number, projects: SentryProject[], seed: number): SentryRelease[] {
  const random = createRandom(`${seed}:sentry:releases:${org.slug}`);
  return org.releases.map((rel, i) => {
    const commitCount = random.int(3, 40);
    // Drawn (and unused) so the commit counts stay as they were before deploys were seeded.
    random.int(1, 3);
    return {
      id: releaseIdBase(orgIndex) + i + 1,
      version: rel.version,
      dateCreated: new Date(rel.releasedAt.getTime() - 2 * HOUR_MS),
      dateReleased: rel.released ? rel.releasedAt : null,
      commitCount,
      deployCount: 0,
      projectIds: projects.map((p) => p.id),
    };
  });
}

function buildOutcomes(
  random: ReturnType<typeof createRandom>,
  accepted: Float64Array,
  startHour: number,
): ProjectOutcomes {
  const filtered = new Float64Array(accepted.length);
  const rateLimited = new Float64Array(accepted.length);
  for (let i = 0; i < accepted.length; i++) {
    filtered[i] = Math.floor((accepted[i] as number) * 0.03 + random.next());
    if ((accepted[i] as number) > 150 && random.chance(0.1)) rateLimited[i] = Math.round((accepted[i] as number) * 0.2);
  }
  return {
    accepted: new HourSeries(startHour, accepted),
    filtered: new HourSeries(startHour, filtered),
    rateLimited: new HourSeries(startHour, rateLimited),
  };
}

function buildOrg(world: World, org: WorldOrg, orgIndex: number, nowMs: number): SentryOrgData {
  const volumes = volumesFor(world, org);
  const random = createRandom(`${world.seed}:sentry:${org.slug}`);
  const statsStartHour = hourOf(nowMs) - volumes.statsDays * 24 + 1;
  const team = { id: String(4_700_001 + orgIndex), slug: "engineering", name: "Engineering" };
  const projects = buildProjects(org, nowMs, team.id);
  const releases = buildReleases(org, orgIndex, projects, world.seed);
  const users = org.people.map((p) => ({ id: p.sentryUserId, name: p.name, email: p.email, username: p.email }));
  const regressedRelease = regressedReleaseOf(org);
  const hours = hourOf(nowMs) - statsStartHour + 1;
  const accepted = new Map(projects.map((p) => [p.id, new Float64Array(hours)]));
  const issues = generateIssues({
    random: random.fork("issues"),
    nowMs,
    statsStartHour,
    count: volumes.sentryIssuesPerOrg,
    idBase: ID_BASE[org.slug] as number,
    projects,
    releases,
    regressedRelease,
    users,
    team,
    accepted,
  });
  const web = projects.find((p) => p.slug === "web");
  const feedback = web
    ? generateFeedback({
        random: random.fork("feedback"),
        seed: world.seed,
        nowMs,
        idBase: (ID_BASE[org.slug] as number) + issues.length,
        project: web,
        releases,
        regressedRelease,
        errorIssues: issues,
        users,
      })
    : [];
  const outcomeRandom = random.fork("outcomes");
  const outcomes = new Map(
    projects.map((p) => [p.id, buildOutcomes(outcomeRandom, accepted.get(p.id) as Float64Array, statsStartHour)]),
  );
  const sessions = generateSessions({
    random: random.fork("sessions"),
    nowMs,
    statsStartHour,
    projects,
    releases,
    regressedRelease,
  });
  // The hotfix comes last, so the issues, feedback and sessions above are the same as without it.
  const { releases: allReleases, hotfix } = withHotfix(
    releases,
    regressedRelease,
    hotfixIdBase(orgIndex),
    createRandom(`${world.seed}:sentry:hotfix:${org.slug}`),
  );
  if (hotfix) {
    sessions.push(...splitHotfixSessions(sessions, hotfix));
    addHotfixToIssues(issues, hotfix);
  }
  const deploys = seedDeploys(allReleases, createRandom(`${world.seed}:sentry:deploys:${org.slug}`));
  return {
    slug: org.slug,
    id: org.sentry.orgId,
    name: org.name,
    users,
    team,
    projects,
    releases: allReleases,
    issues,
    deploys,
    feedback,
    sessions,
    outcomes,
    installation: {
      uuid: SENTRY_INSTALLATION_UUIDS[org.slug],
      appSlug: SENTRY_APP.slug,
      appUuid: SENTRY_APP.uuid,
      sentryAppId: SENTRY_APP.sentryAppId,
    },
    externalIssues: [],
    regressedRelease,
    webhookSecret: SENTRY_WEBHOOK_SECRETS[org.slug],
  };
}

export function buildSentryData(world: World): SentryData {
  const nowMs = world.now.getTime();
  const orgs = world.orgs.map((org, i) => buildOrg(world, org, i, nowMs));
  const statsStartHour = Math.min(
    ...world.orgs.map((org) => hourOf(nowMs) - volumesFor(world, org).statsDays * 24 + 1),
  );
  return { seed: world.seed, nowMs, statsStartHour, orgs };
}
