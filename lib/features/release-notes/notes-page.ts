import "server-only";
import { findReleaseNote } from "@/lib/db/queries/release-notes";
import { generateReleaseNotes } from "@/lib/domain/release-notes";
import type { JiraVersion } from "@/lib/integrations/jira";
import type { VersionRead } from "@/lib/features/releases";
import { loadReleaseNotesSource } from "./load";

/** One variant of a release's notes as the editor opens it; dates are ISO strings so a client component can take them. */
export type NoteState = {
  draft: string;
  saved: boolean;
  published: { revision: number; at: string } | null;
  revisions: { revision: number; markdown: string; at: string }[];
};

type Variant = "internal" | "customer";

export type ReleaseNotesPage =
  | { found: false }
  | {
      found: true;
      issueCount: number;
      jiraVersions: JiraVersion[];
      jiraError: string | null;
      notes: Record<Variant, NoteState>;
      unreleasedJiraVersions: string[];
    };

/** A page always traces its reads under its request. */
export async function loadReleaseNotesPage({
  orgId,
  version,
  requestId,
}: Required<VersionRead>): Promise<ReleaseNotesPage> {
  const [source, internal, customer] = await Promise.all([
    loadReleaseNotesSource({ orgId, version, requestId }),
    findReleaseNote({ orgId, version, variant: "internal" }),
    findReleaseNote({ orgId, version, variant: "customer" }),
  ]);
  // Notes already written stay reachable; otherwise a version that is not one of the org's releases is a 404.
  if (!internal && !customer && (source.check.kind === "invalid" || source.check.kind === "unknown"))
    return { found: false };
  const state = (variant: Variant, note: typeof internal): NoteState => ({
    // Nothing saved yet: start from a fresh draft, so the page is useful at once.
    draft: note?.revisions[0]?.markdown ?? generateReleaseNotes(source.input, { variant }).markdown,
    saved: note !== null && note.revisions.length > 0,
    published: note?.publishedAt ? { revision: note.publishedRevision ?? 0, at: note.publishedAt.toISOString() } : null,
    revisions: (note?.revisions ?? []).map((r) => ({
      revision: r.revision,
      markdown: r.markdown,
      at: r.createdAt.toISOString(),
    })),
  });
  return {
    found: true,
    issueCount: source.input.issues.length,
    jiraVersions: source.versions,
    jiraError: source.jiraError,
    notes: { internal: state("internal", internal), customer: state("customer", customer) },
    unreleasedJiraVersions: source.versions.filter((v) => !v.released).map((v) => v.projectKey),
  };
}
