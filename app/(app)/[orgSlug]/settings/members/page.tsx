import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TableHead } from "@/components/ui/table-head";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { getViewerTime } from "@/components/ui/tz-script";
import { defineSort, parseSort, sortRows } from "@/lib/domain/tables/sort";
import { requireOrg } from "@/lib/platform/auth/org";
import { loadMembersPage } from "@/lib/features/members";
import { writeSummary } from "@/app/(app)/[orgSlug]/write-summary";
import { InvitationRow } from "./invitation-row";
import { InviteForm } from "./invite-form";
import { MemberRow } from "./member-row";
import { DeactivatedMembersIssues } from "./deactivated-members-issues";
import type { OrgPageProps, SearchParams } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Members" };

/** Loaded by status, then name; the header re-sorts the loaded list. */
const MEMBER_SORT = defineSort({
  keys: ["status", "name", "role", "lastSignIn"],
  default: { key: "status", dir: "asc" },
  firstDir: { lastSignIn: "desc" },
});
const ROLE_RANK = { admin: 0, manager: 1, member: 2 } as const;

export default async function MembersPage({
  params,
  searchParams,
}: OrgPageProps & { searchParams?: Promise<SearchParams> }) {
  const { orgSlug } = await params;
  const { org, user, role } = await requireOrg(orgSlug);
  const { canManage, members, invitations, pendingWrites, openIssues, candidates } = await loadMembersPage({
    orgId: org.id,
    workosOrgId: org.workosOrgId,
    role,
  });
  const search = (await searchParams) ?? {};
  const order = parseSort(MEMBER_SORT, search);
  const time = await getViewerTime();
  const sortedMembers = sortRows(members, order, {
    status: (m) => m.status,
    name: (m) => m.user.name,
    role: (m) => ROLE_RANK[m.role],
    lastSignIn: (m) => m.user.lastSignInAt,
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
            <TableHead
              columns={[
                { label: "Person", sort: "name" },
                { label: "Role", sort: "role" },
                { label: "Status", sort: "status" },
                { label: "Last sign-in", sort: "lastSignIn" },
                { label: "Actions", srOnly: true },
              ]}
              sorting={{ spec: MEMBER_SORT, order, params: search }}
            />
          }
          smallText={false}
        >
          {sortedMembers.map((m) => (
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
                lastSignIn: m.user.lastSignInAt ? <LocalTime at={m.user.lastSignInAt} time={time} stacked /> : null,
                isYou: m.user.id === user.id,
              }}
            />
          ))}
        </DataTable>
        {!canManage && (
          <p className="mt-3 text-sm text-slate-500 dark:text-slate-400">
            Only admins can invite, change roles or remove members.
          </p>
        )}
      </Card>

      {canManage && (
        <Card title="Pending invitations">
          {"error" in invitations ? (
            <p className="text-sm text-amber-700 dark:text-amber-400">
              Could not load invitations from WorkOS: {invitations.error}
            </p>
          ) : invitations.data.length === 0 ? (
            <EmptyState title="No pending invitations">
              Invite someone above; their invitation waits here until they accept it or it expires.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {invitations.data.map((invitation) => (
                <InvitationRow
                  key={invitation.id}
                  orgSlug={org.slug}
                  invitation={invitation}
                  expires={<LocalTime at={invitation.expiresAt} time={time} />}
                  canManage={canManage}
                />
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
                <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">
                  attempt {write.attempts}, next try <LocalTime at={write.nextAttemptAt} time={time} />
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
