import { Card } from "@/components/ui/card";
import { StatusNotice } from "@/components/ui/status-notice";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { loadOwnershipPage } from "@/lib/features/ownership";
import { getRequestId } from "@/lib/platform/observability/request-context";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";
import { RulesEditor } from "./rules-editor";
import { TeamsPanel } from "./teams-panel";
import { getViewerTime } from "@/components/ui/tz-script";
import { formatDateTime } from "@/lib/domain/time";

export const metadata = { title: "Ownership" };

/**
 * Who owns what: teams, and per Sentry project the ownership rules that
 * decide who an issue goes to (and who its Jira ticket is assigned to).
 * Admins and managers edit; everyone in the org reads and may test rules.
 */
export default async function OwnershipPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const canEdit = can(role, "ownership:edit");
  const page = await loadOwnershipPage({ orgId: org.id, requestId: await getRequestId() });
  const { zone, now } = await getViewerTime();
  // The editor is a client component and takes the provenance as text, so it is formatted here, in the viewer's zone.
  const shownAt = (date: Date) => formatDateTime(date, zone, now);

  return (
    <div className="space-y-6">
      <Card title="How ownership works">
        <div className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
          <p>
            Each line is a rule in Sentry&apos;s syntax: <code>type:pattern owner…</code>. Types are <code>path</code>{" "}
            (an in-app frame&apos;s file), <code>module</code>, <code>url</code> (the request URL) and{" "}
            <code>tags.&lt;key&gt;</code>; patterns are globs where <code>*</code> matches anything, slashes included,
            and <code>?</code> one character. Owners are e-mail addresses of members and <code>#team</code> slugs.
          </p>
          <p>
            Lines written like CODEOWNERS (<code>src/checkout/ @acme/payments</code>) are read as CODEOWNERS entries.
            The <strong>last</strong> matching rule wins, any matching rule beats every CODEOWNERS entry, and its
            leftmost owner with a Jira account is assigned the issue&apos;s ticket. Lines starting with <code>#</code>{" "}
            are comments.
          </p>
          {!canEdit && <p>Your role ({role}) may read and test the rules; admins and managers change them.</p>}
        </div>
      </Card>

      <TeamsPanel orgSlug={org.slug} teams={page.teams} members={page.members} canEdit={canEdit} />

      {!page.sentryConnected && (
        <StatusNotice>
          Sentry is not connected, so rules cannot be imported or tested. Connect it under Integrations.
        </StatusNotice>
      )}
      {page.sentryNotice && <StatusNotice>{page.sentryNotice}</StatusNotice>}

      {page.projects.length === 0 ? (
        <Card title="Rules">
          <p className="text-sm text-slate-600 dark:text-slate-400">No Sentry projects yet.</p>
        </Card>
      ) : (
        page.projects.map((project) => (
          <RulesEditor
            key={project.projectSlug}
            orgSlug={org.slug}
            projectSlug={project.projectSlug}
            raw={project.raw}
            errors={project.errors}
            warnings={project.warnings}
            provenance={
              project.importedAt
                ? `Imported from Sentry ${shownAt(project.importedAt)}${project.updatedAt && project.updatedAt > project.importedAt ? `, edited ${shownAt(project.updatedAt)}` : ""}`
                : project.updatedAt
                  ? `Edited ${shownAt(project.updatedAt)}`
                  : "No rules yet"
            }
            canEdit={canEdit}
            sentryConnected={page.sentryConnected}
          />
        ))
      )}
    </div>
  );
}
