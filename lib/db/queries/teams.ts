import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/*
 * Teams: named groups of an org's members that ownership rules name as
 * `#slug`. Every read and write is scoped by orgId, and a member or team of
 * another org is never linked (the checks below look both up within orgId).
 */

const memberSelect = {
  id: true,
  status: true,
  jiraAccountId: true,
  user: { select: { id: true, name: true, email: true } },
} as const;

export type TeamMemberRow = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  status: string;
  jiraAccountId: string | null;
};

export type TeamRow = {
  id: string;
  slug: string;
  name: string;
  directoryGroupId: string | null;
  members: TeamMemberRow[];
};

/** Members in the order they joined the team, then by name: the order "#team" expands to. */
export async function listTeams({ orgId }: { orgId: string }): Promise<TeamRow[]> {
  const teams = await db.team.findMany({
    where: { orgId },
    select: {
      id: true,
      slug: true,
      name: true,
      directoryGroupId: true,
      members: {
        select: { membershipId: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { membershipId: "asc" }],
      },
    },
    orderBy: { slug: "asc" },
  });
  const ids = [...new Set(teams.flatMap((t) => t.members.map((m) => m.membershipId)))];
  const memberships = await db.membership.findMany({ where: { orgId, id: { in: ids } }, select: memberSelect });
  const byId = new Map(memberships.map((m) => [m.id, m]));
  return teams.map(({ members, ...team }) => ({
    ...team,
    members: members.flatMap(({ membershipId }) => {
      const m = byId.get(membershipId);
      return m
        ? [
            {
              membershipId: m.id,
              userId: m.user.id,
              name: m.user.name,
              email: m.user.email,
              status: m.status,
              jiraAccountId: m.jiraAccountId,
            },
          ]
        : [];
    }),
  }));
}

export async function findTeam({ orgId, teamId }: { orgId: string; teamId: string }) {
  return db.team.findFirst({
    where: { id: teamId, orgId },
    select: { id: true, slug: true, name: true, directoryGroupId: true },
  });
}

export async function findTeamsBySlugs({ orgId, slugs }: { orgId: string; slugs: string[] }) {
  return db.team.findMany({ where: { orgId, slug: { in: slugs } }, select: { id: true, slug: true } });
}

/** Creates a team; null when the org already has one of that slug. */
export async function createTeam(
  {
    orgId,
    slug,
    name,
    directoryGroupId = null,
  }: { orgId: string; slug: string; name: string; directoryGroupId?: string | null },
  client: Prisma.TransactionClient = db,
) {
  try {
    return await client.team.create({
      data: { orgId, slug, name, directoryGroupId },
      select: { id: true, slug: true, name: true, directoryGroupId: true },
    });
  } catch (error) {
    // The (orgId, slug) unique index: another request created it first.
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") return null;
    throw error;
  }
}

/** Creates the teams of these slugs that do not exist yet (named as their slug); returns the slugs it created. */
export async function createMissingTeams(
  { orgId, slugs }: { orgId: string; slugs: string[] },
  client: Prisma.TransactionClient = db,
): Promise<string[]> {
  if (slugs.length === 0) return [];
  const existing = new Set(
    (await client.team.findMany({ where: { orgId, slug: { in: slugs } }, select: { slug: true } })).map((t) => t.slug),
  );
  const missing = [...new Set(slugs)].filter((s) => !existing.has(s));
  if (missing.length === 0) return [];
  await client.team.createMany({ data: missing.map((slug) => ({ orgId, slug, name: slug })), skipDuplicates: true });
  return missing;
}

/** Renames and/or relinks a team; null when the org has no such team. */
export async function updateTeam({
  orgId,
  teamId,
  name,
  directoryGroupId,
}: {
  orgId: string;
  teamId: string;
  name?: string;
  directoryGroupId?: string | null;
}) {
  const { count } = await db.team.updateMany({
    where: { id: teamId, orgId },
    data: { ...(name !== undefined ? { name } : {}), ...(directoryGroupId !== undefined ? { directoryGroupId } : {}) },
  });
  return count === 0 ? null : findTeam({ orgId, teamId });
}

export async function deleteTeam({ orgId, teamId }: { orgId: string; teamId: string }) {
  const { count } = await db.team.deleteMany({ where: { id: teamId, orgId } });
  return count > 0;
}

/**
 * Adds a member to a team of the same org. "added" or "already" — or null when
 * either the team or the membership is not the org's.
 */
export async function addTeamMember(
  { orgId, teamId, membershipId }: { orgId: string; teamId: string; membershipId: string },
  client: Prisma.TransactionClient = db,
): Promise<"added" | "already" | null> {
  const [team, membership] = await Promise.all([
    client.team.findFirst({ where: { id: teamId, orgId }, select: { id: true } }),
    client.membership.findFirst({ where: { id: membershipId, orgId }, select: { id: true } }),
  ]);
  if (!team || !membership) return null;
  const { count } = await client.teamMember.createMany({
    data: [{ teamId, membershipId, orgId }],
    skipDuplicates: true,
  });
  return count === 1 ? "added" : "already";
}

/** Removes a member from a team of the org; false when they were not on it. */
export async function removeTeamMember(
  { orgId, teamId, membershipId }: { orgId: string; teamId: string; membershipId: string },
  client: Prisma.TransactionClient = db,
): Promise<boolean> {
  const { count } = await client.teamMember.deleteMany({ where: { orgId, teamId, membershipId } });
  return count > 0;
}

/**
 * Makes a team's members exactly these memberships of the org (a team that starts following a directory group
 * takes the group's members). Memberships of another org are ignored. Returns how many were added and removed.
 */
export async function replaceTeamMembers({
  orgId,
  teamId,
  membershipIds,
}: {
  orgId: string;
  teamId: string;
  membershipIds: string[];
}): Promise<{ added: number; removed: number } | null> {
  return db.$transaction(async (tx) => {
    const team = await tx.team.findFirst({ where: { id: teamId, orgId }, select: { id: true } });
    if (!team) return null;
    const own = await tx.membership.findMany({ where: { orgId, id: { in: membershipIds } }, select: { id: true } });
    const wanted = own.map((m) => m.id);
    const { count: removed } = await tx.teamMember.deleteMany({
      where: { orgId, teamId, membershipId: { notIn: wanted } },
    });
    const { count: added } = await tx.teamMember.createMany({
      data: wanted.map((membershipId) => ({ teamId, membershipId, orgId })),
      skipDuplicates: true,
    });
    return { added, removed };
  });
}

/** The org's teams that follow this directory group. */
export async function listTeamsForDirectoryGroup(
  { orgId, directoryGroupId }: { orgId: string; directoryGroupId: string },
  client: Prisma.TransactionClient = db,
) {
  return client.team.findMany({ where: { orgId, directoryGroupId }, select: { id: true, slug: true, name: true } });
}

/** Active members with what ownership needs to name and route to them. */
export async function listOwnerCandidates({ orgId }: { orgId: string }) {
  const rows = await db.membership.findMany({
    where: { orgId, status: "active" },
    select: memberSelect,
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    jiraAccountId: m.jiraAccountId,
  }));
}
