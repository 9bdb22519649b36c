import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { loadReleaseNotesPage } from "@/lib/features/release-notes";
import { loadReleaseScorecards } from "@/lib/features/performance";
import { ScorecardPanel, ScorecardSkeleton } from "../../scorecard-card";
import { NotesEditor } from "./notes-editor";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export async function generateMetadata({ params }: { params: Promise<{ version: string }> }) {
  return { title: `Release notes ${decodeURIComponent((await params).version)}` };
}

export default async function ReleaseNotesPage({ params }: OrgPageProps<{ version: string }>) {
  const { orgSlug, version: rawVersion } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const version = decodeURIComponent(rawVersion);
  const requestId = await getRequestId();
  const page = await loadReleaseNotesPage({ orgId: org.id, version, requestId });
  if (!page.found) notFound();
  // The notes' source has read the scorecards already, so this is a cache hit.
  const scorecards = loadReleaseScorecards({ orgId: org.id, requestId });
  return (
    <>
      <PageHeader
        title={`Release notes ${version}`}
        description={`From the Jira fixVersion ${version} (${page.issueCount} issues) and the Sentry release of the same name.${page.jiraVersions.length > 0 ? ` Jira: ${page.jiraVersions.map((v) => `${v.projectKey} ${v.released ? `released${v.releaseDate ? ` ${v.releaseDate}` : ""}` : "unreleased"}`).join(", ")}.` : ""}`}
        actions={
          <Link
            href={`/${org.slug}/releases/${encodeURIComponent(version)}`}
            className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-300"
          >
            Back to the release
          </Link>
        }
      />
      {page.jiraError && (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Jira could not be read ({page.jiraError}); the draft has no issues.
        </p>
      )}
      <Suspense fallback={<ScorecardSkeleton className="mb-6" />}>
        <ScorecardPanel version={version} scorecards={scorecards} className="mb-6" />
      </Suspense>
      <NotesEditor
        orgSlug={org.slug}
        version={version}
        notes={page.notes}
        canEdit={can(role, "release-notes:publish")}
        unreleasedJiraVersions={page.unreleasedJiraVersions}
      />
    </>
  );
}
