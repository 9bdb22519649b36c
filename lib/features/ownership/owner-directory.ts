import "server-only";
import { listOwnerCandidates, listTeams } from "@/lib/db/queries/teams";
import type { OwnerDirectory } from "@/lib/domain/ownership";

/** A person an ownership rule names, with the Jira account tickets are assigned to. */
export type OwnerCandidate = {
  userId: string;
  membershipId: string;
  name: string;
  email: string;
  jiraAccountId: string | null;
};

/**
 * Who rules can name in this org: active members by e-mail, and each team's
 * active members in the order they joined it. Deactivated members are
 * nobody's owners, even while still on a team.
 */
export async function loadOwnerDirectory({ orgId }: { orgId: string }): Promise<OwnerDirectory<OwnerCandidate>> {
  const [members, teams] = await Promise.all([listOwnerCandidates({ orgId }), listTeams({ orgId })]);
  const byMembership = new Map(members.map((m) => [m.membershipId, m]));
  return {
    membersByEmail: new Map(members.map((m) => [m.email.toLowerCase(), m])),
    teamsBySlug: new Map(teams.map((t) => [t.slug, t.members.flatMap((m) => byMembership.get(m.membershipId) ?? [])])),
    keyOf: (m) => m.membershipId,
  };
}
