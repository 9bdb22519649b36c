import { Card } from "@/components/ui/card";
import { Freshness } from "@/components/ui/freshness";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { listMembers } from "@/lib/db/queries/memberships";
import { listPendingWrites } from "@/lib/db/queries/outbox";
import { getJiraConfig } from "@/lib/integrations/connections";
import type { JiraIssueSummary } from "@/lib/integrations/jira";
import { readDeactivatedMembersOpenIssues } from "@/lib/features/members";
import { listPendingInvitations, type WorkosInvitation } from "@/lib/integrations/workos";
import { InvitationRow } from "./invitation-row";
import { InviteForm } from "./invite-form";
import { MemberRow } from "./member-row";
import { ReassignIssues } from "./reassign-issues";

export const metadata = { title: "Members" };

/** Upstream reads for this page fail soft: the member list comes from Bosun's own mirror. */
async function softly<T>(read: () => Promise<T>): Promise<{ data: T } | { error: string }> {
  try {
    return { data: await read() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, user, role } = await requireOrg(orgSlug);
  const canManage = can(role, "members:manage");
  const members = await listMembers({ orgId: org.id });
  const deactivated = members.filter((m) => m.status === "deactivated" && m.jiraAccountId);

  const [invitations, pendingWrites, openIssues] = await Promise.all([
    canManage ? softly(() => listPendingInvitations(org.workosOrgId)) : Promise.resolve({ data: [] as WorkosInvitation[] }),
    canManage ? listPendingWrites({ orgId: org.id, operationPrefix: "workos." }) : Promise.resolve([]),
    canManage && deactivated.length > 0
      ? softly(async () => {
          const config = await getJiraConfig({ orgId: org.id });
          if (!config) return { freshness: null, lists: [] };
          // One batched, cached search for everyone, not one search per deactivated member.
          const cached = await readDeactivatedMembersOpenIssues({ orgId: org.id, config, accountIds: deactivated.map((m) => m.jiraAccountId as string) });
          return { freshness: cached, lists: deactivated.map((m) => ({ member: m, issues: cached.value[m.jiraAccountId as string] ?? [] })) };
        })
      : Promise.resolve({ data: { freshness: null, lists: [] as { member: (typeof members)[number]; issues: JiraIssueSummary[] }[] } }),
  ]);
  const candidates = members.filter((m) => m.status === "active" && m.jiraAccountId).map((m) => ({ userId: m.user.id, name: m.user.name }));

  return (
    <div className="space-y-6">
      {canManage && (
        <Card title="Invite someone">
          <InviteForm orgSlug={org.slug} />
        </Card>
      )}

      {"data" in openIssues && openIssues.data.freshness && openIssues.data.lists.some(({ issues }) => issues.length > 0) && <Freshness {...openIssues.data.freshness} now={new Date()} />}
      {"data" in openIssues &&
        openIssues.data.lists
          .filter(({ issues }) => issues.length > 0)
          .map(({ member, issues }) => <ReassignIssues key={member.id} orgSlug={org.slug} from={{ userId: member.user.id, name: member.user.name }} issues={issues} candidates={candidates} />)}
      {"error" in openIssues && <p className="text-sm text-amber-700">Could not check the open Jira issues of deactivated members: {openIssues.error}</p>}

      <Card title={`Members (${members.filter((m) => m.status === "active").length} active)`}>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-slate-500">
                <th scope="col" className="pb-2 pr-4 font-medium">Person</th>
                <th scope="col" className="pb-2 pr-4 font-medium">Role</th>
                <th scope="col" className="pb-2 pr-4 font-medium">Status</th>
                <th scope="col" className="pb-2 pr-4 font-medium">Last sign-in</th>
                <th scope="col" className="pb-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <MemberRow
                  key={m.id}
                  orgSlug={org.slug}
                  canManage={canManage}
                  member={{
                    userId: m.user.id,
                    name: m.user.name,
                    email: m.user.email,
                    role: m.role,
                    status: m.status,
                    directoryManaged: m.directoryManaged,
                    lastSignIn: m.user.lastSignInAt ? m.user.lastSignInAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" : null,
                    isYou: m.user.id === user.id,
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
        {!canManage && <p className="mt-3 text-sm text-slate-500">Only admins can invite, change roles or remove members.</p>}
      </Card>

      {canManage && (
        <Card title="Pending invitations">
          {"error" in invitations ? (
            <p className="text-sm text-amber-700">Could not load invitations from WorkOS: {invitations.error}</p>
          ) : invitations.data.length === 0 ? (
            <p className="text-sm text-slate-500">No pending invitations.</p>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {invitations.data.map((invitation) => (
                <InvitationRow key={invitation.id} orgSlug={org.slug} invitation={invitation} canManage={canManage} />
              ))}
            </ul>
          )}
        </Card>
      )}

      {pendingWrites.length > 0 && (
        <Card title="Changes waiting for WorkOS">
          <ul className="space-y-1 text-sm">
            {pendingWrites.map((write) => (
              <li key={write.id}>
                {(write.payload as { meta?: { summary?: string } }).meta?.summary ?? write.operation}
                <span className="ml-2 text-xs text-slate-500">
                  attempt {write.attempts}, next try {write.nextAttemptAt.toISOString().slice(11, 19)} UTC{write.lastError ? ` — ${write.lastError}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
