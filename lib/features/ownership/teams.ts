import "server-only";
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  findTeam,
  listTeams,
  removeTeamMember,
  replaceTeamMembers,
  updateTeam,
} from "@/lib/db/queries/teams";
import { readDirectoryGroupMembers } from "@/lib/integrations/workos";
import { listOwnerCandidates } from "@/lib/db/queries/teams";
import { auditOwnershipChange, type ChangeAuthor } from "./audit";
import type { CreateTeamInput } from "./schemas";

export type TeamResult<T = null> = { ok: true; data: T } | { ok: false; error: string };

export { listTeams };

/**
 * Creates a team; refused when the org already has one of that slug. A team created to follow a directory group
 * starts with the group's members (see linkTeamDirectoryGroup).
 */
export async function createOrgTeam(
  { orgId, workosOrgId, input }: { orgId: string; workosOrgId: string; input: CreateTeamInput },
  author: ChangeAuthor,
): Promise<TeamResult<{ id: string; slug: string }>> {
  const team = await createTeam({ orgId, slug: input.slug, name: input.name, directoryGroupId: null });
  if (!team) return { ok: false, error: `A team #${input.slug} already exists.` };
  await auditOwnershipChange(orgId, author, {
    action: "team.created",
    target: { type: "team", id: team.id },
    summary: `Created team #${team.slug} (${team.name})`,
    changes: { slug: team.slug, name: team.name },
  });
  if (input.directoryGroupId) {
    const linked = await linkTeamDirectoryGroup(
      { orgId, workosOrgId, teamId: team.id, directoryGroupId: input.directoryGroupId },
      author,
    );
    if (!linked.ok) return { ok: false, error: `Team #${team.slug} was created, but ${linked.error}` };
  }
  return { ok: true, data: { id: team.id, slug: team.slug } };
}

export async function renameOrgTeam(
  { orgId, teamId, name }: { orgId: string; teamId: string; name: string },
  author: ChangeAuthor,
): Promise<TeamResult> {
  const before = await findTeam({ orgId, teamId });
  if (!before) return { ok: false, error: "No such team." };
  if (before.name === name) return { ok: true, data: null };
  await updateTeam({ orgId, teamId, name });
  await auditOwnershipChange(orgId, author, {
    action: "team.renamed",
    target: { type: "team", id: teamId },
    summary: `Renamed team #${before.slug} from ${before.name} to ${name}`,
    changes: { name: { from: before.name, to: name } },
  });
  return { ok: true, data: null };
}

/**
 * Links a team to a WorkOS directory group, or unlinks it. A linked team takes the group's current members at once
 * (the org's active members with those e-mail addresses; manual members not in the group leave it), and directory
 * sync keeps it in step after that. Only a group of this org's own directory can be linked: one WorkOS API key
 * reaches every organization's directories.
 */
export async function linkTeamDirectoryGroup(
  {
    orgId,
    workosOrgId,
    teamId,
    directoryGroupId,
  }: { orgId: string; workosOrgId: string; teamId: string; directoryGroupId: string | null },
  author: ChangeAuthor,
): Promise<TeamResult<{ added: number; removed: number } | null>> {
  const before = await findTeam({ orgId, teamId });
  if (!before) return { ok: false, error: "No such team." };
  if (before.directoryGroupId === directoryGroupId) return { ok: true, data: null };
  const group = directoryGroupId ? await readDirectoryGroupMembers(directoryGroupId) : null;
  if (directoryGroupId && group?.organizationId !== workosOrgId)
    return { ok: false, error: `No directory group ${directoryGroupId} in this organization's directory.` };
  await updateTeam({ orgId, teamId, directoryGroupId });
  const filled = group ? await fillFromGroup({ orgId, teamId, emails: group.emails }) : null;
  await auditOwnershipChange(orgId, author, {
    action: "team.directory_group_linked",
    target: { type: "team", id: teamId },
    summary: group
      ? `Team #${before.slug} now follows directory group ${group.name} (${filled?.added ?? 0} added, ${filled?.removed ?? 0} removed)`
      : `Team #${before.slug} no longer follows directory group ${before.directoryGroupId}`,
    changes: { directoryGroupId: { from: before.directoryGroupId, to: directoryGroupId }, members: filled },
  });
  return { ok: true, data: filled };
}

/** The team's members become the org's active members with the group's e-mail addresses. */
async function fillFromGroup({ orgId, teamId, emails }: { orgId: string; teamId: string; emails: string[] }) {
  const wanted = new Set(emails);
  const candidates = await listOwnerCandidates({ orgId });
  const membershipIds = candidates.filter((c) => wanted.has(c.email.toLowerCase())).map((c) => c.membershipId);
  return replaceTeamMembers({ orgId, teamId, membershipIds });
}

export async function deleteOrgTeam(
  { orgId, teamId }: { orgId: string; teamId: string },
  author: ChangeAuthor,
): Promise<TeamResult> {
  const before = await findTeam({ orgId, teamId });
  if (!before || !(await deleteTeam({ orgId, teamId }))) return { ok: false, error: "No such team." };
  await auditOwnershipChange(orgId, author, {
    action: "team.deleted",
    target: { type: "team", id: teamId },
    summary: `Deleted team #${before.slug} (${before.name}); rules naming #${before.slug} now name nobody`,
  });
  return { ok: true, data: null };
}

/** Adds an active member of the org, named by user id, to a team. */
export async function addOrgTeamMember(
  { orgId, teamId, userId }: { orgId: string; teamId: string; userId: string },
  author: ChangeAuthor,
): Promise<TeamResult> {
  const [team, member] = await Promise.all([
    findTeam({ orgId, teamId }),
    listOwnerCandidates({ orgId }).then((all) => all.find((m) => m.userId === userId)),
  ]);
  if (!team) return { ok: false, error: "No such team." };
  if (!member) return { ok: false, error: "That person is not an active member of this organization." };
  const added = await addTeamMember({ orgId, teamId, membershipId: member.membershipId });
  if (added === null) return { ok: false, error: "No such team." };
  if (added === "already") return { ok: true, data: null };
  await auditOwnershipChange(orgId, author, {
    action: "team.member_added",
    target: { type: "team", id: teamId },
    summary: `Added ${member.name} (${member.email}) to team #${team.slug}`,
    changes: { userId },
  });
  return { ok: true, data: null };
}

export async function removeOrgTeamMember(
  { orgId, teamId, membershipId }: { orgId: string; teamId: string; membershipId: string },
  author: ChangeAuthor,
): Promise<TeamResult> {
  const team = await findTeam({ orgId, teamId });
  if (!team) return { ok: false, error: "No such team." };
  const member = (await listTeams({ orgId }))
    .find((t) => t.id === teamId)
    ?.members.find((m) => m.membershipId === membershipId);
  if (!member || !(await removeTeamMember({ orgId, teamId, membershipId })))
    return { ok: false, error: "That person is not on this team." };
  await auditOwnershipChange(orgId, author, {
    action: "team.member_removed",
    target: { type: "team", id: teamId },
    summary: `Removed ${member.name} (${member.email}) from team #${team.slug}`,
    changes: { userId: member.userId },
  });
  return { ok: true, data: null };
}
