import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { findMember } from "@/lib/db/queries/memberships";
import { addTeamMember, listTeamsForDirectoryGroup, removeTeamMember } from "@/lib/db/queries/teams";
import { claimClock, inDirectoryTransaction } from "@/lib/db/system/directory-clock";
import { findOrgByWorkosId } from "@/lib/db/system/organizations";
import { findUserByEmail } from "@/lib/db/system/users";
import { stampOf, type ClockObject } from "@/lib/domain/directory/event-order";
import { directoryGroupUserEventData, type WorkosEvent } from "./events";
import { type EventOutcome } from "./outcome";

const DIRECTORY_ACTOR = { type: "system" as const, id: null, label: "WorkOS directory sync" };
/** How long a group event waits for its person's membership to arrive. */
const MEMBER_WAIT_MS = 60 * 60_000;

/**
 * A directory user's place in one directory group has its own clock, so an
 * "added" and a "removed" delivered out of order settle on the newer one. It
 * lives in the directory user's namespace, keyed `<group id>:<directory user
 * id>` — a different shape from a bare directory user id, so the two never meet.
 */
function groupMembershipClock(groupId: string, directoryUserId: string): ClockObject {
  return { objectType: "directory_user", objectId: `${groupId}:${directoryUserId}` };
}

/**
 * dsync.group.user_added / user_removed: teams that follow the directory group
 * (Team.directoryGroupId) gain or lose that person. Only active members are
 * added. A person Bosun cannot match to a member of the org yet is waited for
 * (the event is retried) for an hour after the event, then skipped. Each team
 * changed is audited.
 */
export async function applyGroupMembershipEvent(event: WorkosEvent): Promise<EventOutcome> {
  const data = directoryGroupUserEventData.parse(event.data);
  const added = event.event === "dsync.group.user_added";
  const workosOrgId = data.group.organization_id ?? data.user.organization_id;
  const org = workosOrgId ? await findOrgByWorkosId({ workosOrgId }) : null;
  if (!org) return { status: "ignored", note: "no Bosun organization for this directory" };
  const email =
    data.user.email ?? data.user.emails?.find((e) => e.primary)?.value ?? data.user.emails?.[0]?.value ?? null;
  const user = email ? await findUserByEmail({ email: email.toLowerCase() }) : null;
  const member = user ? await findMember({ orgId: org.id, userId: user.id }) : null;
  if (!user || !member) {
    // WorkOS sends a new hire's group events beside (often before) their membership's: while the event is young,
    // fail it so the job queue retries it once the membership has arrived. An old one is about someone who never came.
    if (added && Date.now() - Date.parse(event.created_at) < MEMBER_WAIT_MS)
      throw new Error(`${email ?? "the directory user"} is not a member of ${org.name} yet; retrying`);
    return { status: "ignored", note: "no matching Bosun member" };
  }
  const groupName = data.group.name ?? data.group.id;

  const outcome = await inDirectoryTransaction(async (tx) => {
    if (!(await claimClock(tx, groupMembershipClock(data.group.id, data.user.id), stampOf(event))))
      return "stale" as const;
    const teams = await listTeamsForDirectoryGroup({ orgId: org.id, directoryGroupId: data.group.id }, tx);
    if (teams.length === 0) return "no-teams" as const;
    if (added && member.status !== "active") return "inactive" as const;
    const changed: string[] = [];
    for (const team of teams) {
      const ref = { orgId: org.id, teamId: team.id, membershipId: member.id };
      const didChange = added ? (await addTeamMember(ref, tx)) === "added" : await removeTeamMember(ref, tx);
      if (!didChange) continue;
      changed.push(team.slug);
      await appendAuditEntry(
        {
          orgId: org.id,
          actor: DIRECTORY_ACTOR,
          action: added ? "team.member_added" : "team.member_removed",
          target: { type: "team", id: team.id },
          summary: `${added ? "Added" : "Removed"} ${user.name} (${user.email}) ${added ? "to" : "from"} team #${team.slug}: ${added ? "joined" : "left"} directory group ${groupName}`,
          changes: { userId: user.id, directoryGroupId: data.group.id },
        },
        tx,
      );
    }
    return changed;
  });

  switch (outcome) {
    case "stale":
      return { status: "ignored", note: "a newer event about this group membership was already applied" };
    case "no-teams":
      return { status: "ignored", note: `no team follows directory group ${groupName}` };
    case "inactive":
      return { status: "ignored", note: `${user.email} is not an active member` };
  }
  if (outcome.length === 0)
    return { status: "processed", note: `${user.email} already ${added ? "on" : "off"} the group's teams` };
  return {
    status: "processed",
    note: `${user.email} ${added ? "added to" : "removed from"} ${outcome.map((s) => `#${s}`).join(", ")}`,
  };
}
