import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { findReleaseNote } from "@/lib/db/queries/release-notes";
import { generateReleaseNotes } from "@/lib/domain/release-notes";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { loadReleaseNotesSource } from "@/lib/features/release-notes";
import { NotesEditor, type NoteState } from "./notes-editor";

export async function generateMetadata({ params }: { params: Promise<{ version: string }> }) {
  return { title: `Release notes ${decodeURIComponent((await params).version)}` };
}

export default async function ReleaseNotesPage({ params }: { params: Promise<{ orgSlug: string; version: string }> }) {
  const { orgSlug, version: rawVersion } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const version = decodeURIComponent(rawVersion);
  const requestId = await getRequestId();
  const [source, internal, customer] = await Promise.all([
    loadReleaseNotesSource({ orgId: org.id, version, requestId }),
    findReleaseNote({ orgId: org.id, version, variant: "internal" }),
    findReleaseNote({ orgId: org.id, version, variant: "customer" }),
  ]);
  const state = (variant: "internal" | "customer", note: typeof internal): NoteState => ({
    // Nothing saved yet: start from a fresh draft, so the page is useful at once.
    draft: note?.revisions[0]?.markdown ?? generateReleaseNotes(source.input, { variant }).markdown,
    saved: note !== null && note.revisions.length > 0,
    published: note?.publishedAt ? { revision: note.publishedRevision ?? 0, at: note.publishedAt.toISOString() } : null,
    revisions: (note?.revisions ?? []).map((r) => ({ revision: r.revision, markdown: r.markdown, at: r.createdAt.toISOString() })),
  });
  // Notes already written stay reachable; otherwise a version that is not one of the org's releases is a 404.
  if (!internal && !customer && (source.check.kind === "invalid" || source.check.kind === "unknown")) notFound();
  const unreleased = source.versions.filter((v) => !v.released);
  return (
    <>
      <PageHeader
        title={`Release notes ${version}`}
        description={`From the Jira fixVersion ${version} (${source.input.issues.length} issues) and the Sentry release of the same name.${source.versions.length > 0 ? ` Jira: ${source.versions.map((v) => `${v.projectKey} ${v.released ? `released${v.releaseDate ? ` ${v.releaseDate}` : ""}` : "unreleased"}`).join(", ")}.` : ""}`}
        actions={
          <Link href={`/${org.slug}/releases/${encodeURIComponent(version)}`} className="text-sm font-medium text-brand-600 hover:underline">
            Back to the release
          </Link>
        }
      />
      {source.jiraError && <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">Jira could not be read ({source.jiraError}); the draft has no issues.</p>}
      <NotesEditor orgSlug={org.slug} version={version} notes={{ internal: state("internal", internal), customer: state("customer", customer) }} canEdit={can(role, "release-notes:publish")} unreleasedJiraVersions={unreleased.map((v) => v.projectKey)} />
    </>
  );
}
