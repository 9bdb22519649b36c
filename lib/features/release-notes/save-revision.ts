import "server-only";
import { saveRevision } from "@/lib/db/queries/release-notes";
import { auditAction, type ActionWho } from "@/lib/platform/actions/audit-action";

/**
 * Keeps the editor's text as the next revision of a version's notes. Saving the same text again keeps no new revision
 * and writes no audit entry, so pressing Save twice leaves one trace.
 */
export async function saveReleaseNotesRevision(
  editor: ActionWho,
  { version, variant, markdown }: { version: string; variant: "internal" | "customer"; markdown: string },
): Promise<{ revision: number; unchanged: boolean }> {
  const saved = await saveRevision({
    orgId: editor.org.id,
    version,
    variant,
    title: `Release ${version}`,
    markdown,
    createdById: editor.actor.id,
  });
  if (!saved.unchanged)
    await auditAction(editor, {
      action: "release_notes.saved",
      target: { type: "release", id: version },
      summary: `Saved revision ${saved.revision.revision} of the ${variant} release notes of ${version}`,
    });
  return { revision: saved.revision.revision, unchanged: saved.unchanged };
}
