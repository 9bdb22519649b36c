import "server-only";
import { listMembers } from "@/lib/db/queries/memberships";
import { listPendingWrites, type ListedWrite } from "@/lib/db/queries/outbox";
import { can, type Role } from "@/lib/domain/permissions";
import { getJiraConfig } from "@/lib/integrations/connections";
import type { JiraIssueSummary } from "@/lib/integrations/jira";
import { listPendingInvitations, type WorkosInvitation } from "@/lib/integrations/workos";
import { readDeactivatedMembersOpenIssues } from "./deactivated-issues";

export type ListedMember = Awaited<ReturnType<typeof listMembers>>[number];
type Soft<T> = { data: T } | { error: string };
type Freshness = { fetchedAt: Date; stale: boolean; error: string | null };
export type OpenIssues = Soft<{
  freshness: Freshness | null;
  lists: { member: ListedMember; issues: JiraIssueSummary[] }[];
}>;

export type MembersPageData = {
  canManage: boolean;
  members: ListedMember[];
  invitations: Soft<WorkosInvitation[]>;
  /** Role and membership changes still on their way to WorkOS. */
  pendingWrites: ListedWrite[];
  /**
   * Open Jira issues of deactivated members, to hand to someone still here. A Jira read, so the page streams it:
   * the promise is started here and settles on its own (never rejects).
   */
  openIssues: Promise<OpenIssues>;
  /** Who issues can be reassigned to: active members with a Jira account. */
  candidates: { userId: string; name: string }[];
};

/** Upstream reads for this page fail soft: the member list comes from Bosun's own mirror. */
async function softly<T>(read: () => Promise<T>): Promise<Soft<T>> {
  try {
    return { data: await read() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export async function loadMembersPage({
  orgId,
  workosOrgId,
  role,
}: {
  orgId: string;
  workosOrgId: string;
  role: Role;
}): Promise<MembersPageData> {
  const canManage = can(role, "members:manage");
  const members = await listMembers({ orgId });
  const deactivated = members.filter((m) => m.status === "deactivated" && m.jiraAccountId);

  const openIssues: Promise<OpenIssues> =
    canManage && deactivated.length > 0
      ? softly(async () => {
          const config = await getJiraConfig({ orgId });
          if (!config) return { freshness: null, lists: [] };
          // One batched, cached search for everyone, not one search per deactivated member.
          const cached = await readDeactivatedMembersOpenIssues({
            orgId,
            config,
            accountIds: deactivated.map((m) => m.jiraAccountId as string),
          });
          return {
            freshness: cached,
            lists: deactivated.map((m) => ({ member: m, issues: cached.value[m.jiraAccountId as string] ?? [] })),
          };
        })
      : Promise.resolve({ data: { freshness: null, lists: [] } });
  const [invitations, pendingWrites] = await Promise.all([
    canManage ? softly(() => listPendingInvitations(workosOrgId)) : Promise.resolve({ data: [] as WorkosInvitation[] }),
    canManage ? listPendingWrites({ orgId, operationPrefix: "workos." }) : Promise.resolve([]),
  ]);
  const candidates = members
    .filter((m) => m.status === "active" && m.jiraAccountId)
    .map((m) => ({ userId: m.user.id, name: m.user.name }));
  return { canManage, members, invitations, pendingWrites, openIssues, candidates };
}
