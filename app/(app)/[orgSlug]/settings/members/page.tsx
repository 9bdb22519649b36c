import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TableHead } from "@/components/ui/table-head";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { requireOrg } from "@/lib/platform/auth/org";
import { loadMembersPage } from "@/lib/features/members";
import { writeSummary } from "@/app/(app)/[orgSlug]/write-summary";
import { InvitationRow } from "./invitation-row";
import { InviteForm } from "./invite-form";
import { MemberRow } from "./member-row";
import { DeactivatedMembersIssues } from "./deactivated-members-issues";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const { org, user, role } = await requireOrg(orgSlug);
  const { canManage, members, invitations, pendingWrites, openIssues, candidates } = await loadMembersPage({
    orgId: org.id,
    workosOrgId: org.workosOrgId,
    role,
  });

  return (
    <div className="space-y-6">
      {canManage && (
        <Card title="Invite someone">
          <InviteForm orgSlug={org.slug} />
        </Card>
      )}

      <Suspense fallback={<PanelSkeleton label="Open Jira issues of deactivated members" rows={2} />}>
        <DeactivatedMembersIssues orgSlug={org.slug} openIssues={openIssues} candidates={candidates} />
      </Suspense>

      <Card title={`Members (${members.filter((m) => m.status === "active").length} active)`}>
        <DataTable
          head={
            <TableHead columns={["Person", "Role", "Status", "Last sign-in", { label: "Actions", srOnly: true }]} />
          }
          smallText={false}
        >
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
                lastSignIn: m.user.lastSignInAt
                  ? m.user.lastSignInAt.toISOString().slice(0, 16).replace("T", " ") + " UTC"
                  : null,
                isYou: m.user.id === user.id,
              }}
            />
          ))}
        </DataTable>
        {!canManage && (
          <p className="mt-3 text-sm text-slate-500">Only admins can invite, change roles or remove members.</p>
        )}
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
                {writeSummary(write)}
                <span className="ml-2 text-xs text-slate-500">
                  attempt {write.attempts}, next try {write.nextAttemptAt.toISOString().slice(11, 19)} UTC
                  {write.lastError ? ` — ${write.lastError}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
