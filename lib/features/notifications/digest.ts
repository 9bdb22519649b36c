import "server-only";
import {
  countUnread,
  getOrgNameAndSlug,
  listCollectedForDigest,
  listNotifications,
} from "@/lib/db/queries/notifications";
import { findJiraAccountId, findMember } from "@/lib/db/queries/memberships";
import { listFailedWrites, listPendingWrites } from "@/lib/db/queries/outbox";
import { listOwnershipRuleSets } from "@/lib/db/queries/ownership-rules";
import { listTeams } from "@/lib/db/queries/teams";
import { listWatches } from "@/lib/db/queries/watches";
import { projectsOwnedBy, type WeeklyDigest } from "@/lib/domain/notifications";
import { loadErrorsPage } from "@/lib/features/errors";
import { loadReleasesPage } from "@/lib/features/releases";
import { loadSprintDashboard } from "@/lib/features/sprints";

const WEEK_MS = 7 * 24 * 60 * 60_000;
const TOP = 5;

const failureMessage = (what: string, error: unknown) =>
  `${what} could not be read: ${error instanceof Error ? error.message : String(error)}`;

/**
 * The org-wide reads a digest is cut from, started once per job and shared by
 * every person's digest (the loaders cache too, but this keeps a job of fifty
 * digests to one read of each).
 */
export type DigestReads = {
  dashboard: () => ReturnType<typeof loadSprintDashboard>;
  errors: () => ReturnType<typeof loadErrorsPage>;
  releases: () => ReturnType<typeof loadReleasesPage>;
  ownership: () => Promise<{
    ruleSets: Awaited<ReturnType<typeof listOwnershipRuleSets>>;
    teams: Awaited<ReturnType<typeof listTeams>>;
  }>;
};

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= load());
}

export function createDigestReads({ orgId, now }: { orgId: string; now: Date }): DigestReads {
  return {
    dashboard: once(() => loadSprintDashboard({ orgId, now })),
    errors: once(() => loadErrorsPage({ orgId, filters: { period: "7d", sort: "users" } })),
    releases: once(() => loadReleasesPage({ orgId })),
    ownership: once(async () => {
      const [ruleSets, teams] = await Promise.all([listOwnershipRuleSets({ orgId }), listTeams({ orgId })]);
      return { ruleSets, teams };
    }),
  };
}

/**
 * One person's week: their active sprint's health (theirs and the team's),
 * the top new errors in the projects and issues they watch (the whole org's
 * when they watch none), the releases of the week with their scorecards, and
 * what waits for them. Each part reads through the same cached loaders as its
 * page; a part that cannot be read says so instead of sinking the rest.
 */
export async function loadWeeklyDigest({
  orgId,
  userId,
  now,
  reads = createDigestReads({ orgId, now }),
}: {
  orgId: string;
  userId: string;
  now: Date;
  reads?: DigestReads;
}): Promise<WeeklyDigest | null> {
  const [org, member] = await Promise.all([getOrgNameAndSlug({ orgId }), findMember({ orgId, userId })]);
  if (!org || !member || member.status !== "active") return null;
  const jiraAccountId = await findJiraAccountId({ orgId, userId });
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const [sprint, errors, releases, pending] = await Promise.all([
    sprintSection({ reads, slug: org.slug, jiraAccountId }),
    errorsSection({ reads, orgId, userId, email: member.user.email, slug: org.slug, since: weekAgo }),
    releasesSection({ reads, slug: org.slug, since: weekAgo }),
    pendingSection({ orgId, userId, slug: org.slug, since: weekAgo }),
  ]);
  return {
    orgName: org.name,
    recipientName: member.user.name,
    weekOf: now.toISOString().slice(0, 10),
    sprint,
    errors,
    releases,
    pending,
  };
}

async function sprintSection({
  reads,
  slug,
  jiraAccountId,
}: {
  reads: DigestReads;
  slug: string;
  jiraAccountId: string | null;
}): Promise<WeeklyDigest["sprint"]> {
  try {
    const dashboard = await reads.dashboard();
    if (dashboard.status === "not-connected") return { status: "none", message: "Jira is not connected." };
    if (dashboard.status === "no-boards") return { status: "none", message: "Jira has no boards for this org." };
    if (dashboard.status === "unavailable")
      return { status: "none", message: failureMessage("The sprint", dashboard.message) };
    const { activeSprint, health } = dashboard;
    if (!activeSprint || !health) return { status: "none", message: "No sprint is active." };
    const mine = jiraAccountId ? health.perPerson.find((p) => p.accountId === jiraAccountId) : undefined;
    return {
      status: "ok",
      name: activeSprint.name,
      committedPoints: health.committedPoints,
      capacityPoints: health.capacityPoints,
      completedPoints: health.completedPoints,
      overCommittedBy: health.overCommittedBy,
      yours: mine
        ? {
            committedPoints: mine.committedPoints,
            capacityPoints: mine.capacityPoints,
            isOverCommitted: mine.isOverCommitted,
          }
        : null,
      link: `/${slug}/sprints`,
    };
  } catch (error) {
    return { status: "none", message: failureMessage("The sprint", error) };
  }
}

async function errorsSection({
  reads,
  orgId,
  userId,
  email,
  slug,
  since,
}: {
  reads: DigestReads;
  orgId: string;
  userId: string;
  email: string;
  slug: string;
  since: Date;
}): Promise<WeeklyDigest["errors"]> {
  const [watches, ownership] = await Promise.all([listWatches({ orgId, userId }), reads.ownership()]);
  const teamSlugs = ownership.teams.filter((t) => t.members.some((m) => m.userId === userId)).map((t) => t.slug);
  // Their areas: the projects whose ownership rules name them or their teams, and what they watch.
  const projects = new Set([
    ...projectsOwnedBy({ ruleSets: ownership.ruleSets, email, teamSlugs }),
    ...watches.filter((w) => w.targetType === "sentry_project").map((w) => w.targetId),
  ]);
  const issues = new Set(watches.filter((w) => w.targetType === "sentry_issue").map((w) => w.targetId));
  const scoped = projects.size > 0 || issues.size > 0;
  try {
    const page = await reads.errors();
    if (page.status === "not-connected") return { scope: "org", items: [], message: "Sentry is not connected." };
    if (page.status !== "ok") return { scope: "org", items: [], message: failureMessage("Errors", page.message) };
    const fresh = page.issues.filter((i) => new Date(i.firstSeen).getTime() >= since.getTime());
    const inAreas = scoped ? fresh.filter((i) => projects.has(i.project.slug) || issues.has(i.id)) : fresh;
    const items = inAreas.slice(0, TOP).map((i) => ({
      shortId: i.shortId,
      title: i.title,
      severity: i.severity,
      users: i.userCount,
      events: i.eventCount,
      link: `/${slug}/errors/${encodeURIComponent(i.id)}/investigation`,
    }));
    const message =
      items.length > 0
        ? scoped
          ? null
          : "No ownership rule names you and you watch nothing, so these are the whole org's."
        : "No new errors this week.";
    return { scope: scoped ? "yours" : "org", items, message };
  } catch (error) {
    return { scope: scoped ? "yours" : "org", items: [], message: failureMessage("Errors", error) };
  }
}

async function releasesSection({
  reads,
  slug,
  since,
}: {
  reads: DigestReads;
  slug: string;
  since: Date;
}): Promise<WeeklyDigest["releases"]> {
  try {
    const page = await reads.releases();
    if (page.status === "not-connected") return { items: [], message: "Sentry is not connected." };
    if (page.status !== "ok") return { items: [], message: failureMessage("Releases", page.message) };
    const recent = page.releases.filter((r) => r.dateReleased && new Date(r.dateReleased).getTime() >= since.getTime());
    const items = recent.slice(0, TOP).map((r) => ({
      version: r.version,
      crashFreeSessions: r.crashFreeSessions,
      crashFreeUsers: r.crashFreeUsers,
      regression: r.regression.isRegression ? r.regression.reason : null,
      link: `/${slug}/releases/${encodeURIComponent(r.version)}`,
    }));
    return { items, message: items.length === 0 ? "No release went out this week." : null };
  } catch (error) {
    return { items: [], message: failureMessage("Releases", error) };
  }
}

async function pendingSection({
  orgId,
  userId,
  slug,
  since,
}: {
  orgId: string;
  userId: string;
  slug: string;
  since: Date;
}): Promise<WeeklyDigest["pending"]> {
  const [collected, unread, unreadItems, pendingWrites, failedWrites] = await Promise.all([
    listCollectedForDigest({ orgId, userId, since }),
    countUnread({ orgId, userId }),
    listNotifications({ orgId, userId, unreadOnly: true, take: TOP }),
    listPendingWrites({ orgId, actorId: userId }),
    listFailedWrites({ orgId, actorId: userId, since }),
  ]);
  return {
    collected: collected.map((n) => ({ title: n.title, link: `/${slug}/notifications/${n.id}` })),
    unread,
    unreadItems: unreadItems.map((n) => ({ title: n.title, link: `/${slug}/notifications/${n.id}` })),
    pendingWrites: pendingWrites.length,
    failedWrites: failedWrites.length,
    link: `/${slug}/automations`,
  };
}
