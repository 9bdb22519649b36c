import "server-only";
import { db } from "@/lib/db/client";
import type { ReleaseNoteVariant } from "@/lib/db/generated/client";

/** Release notes and their revision history, per org, version and variant. */

export async function findReleaseNote({
  orgId,
  version,
  variant,
}: {
  orgId: string;
  version: string;
  variant: ReleaseNoteVariant;
}) {
  return db.releaseNote.findUnique({
    where: { orgId_version_variant: { orgId, version, variant } },
    include: {
      revisions: {
        orderBy: { revision: "desc" },
        take: 20,
        select: { id: true, revision: true, markdown: true, createdById: true, createdAt: true },
      },
    },
  });
}

/**
 * Saves the Markdown as the next revision (1, 2, …). Saving text identical to
 * the latest revision adds nothing. Concurrent saves get distinct numbers: the
 * unique (note, revision) key makes a collision retry with the next number.
 */
export async function saveRevision({
  orgId,
  version,
  variant,
  title,
  markdown,
  createdById,
}: {
  orgId: string;
  version: string;
  variant: ReleaseNoteVariant;
  title: string;
  markdown: string;
  createdById: string | null;
}) {
  await db.releaseNote.createMany({ data: [{ orgId, version, variant, title }], skipDuplicates: true });
  const note = await db.releaseNote.findUniqueOrThrow({
    where: { orgId_version_variant: { orgId, version, variant } },
  });
  for (let attempt = 0; attempt < 5; attempt++) {
    const latest = await db.releaseNoteRevision.findFirst({
      where: { releaseNoteId: note.id },
      orderBy: { revision: "desc" },
    });
    if (latest?.markdown === markdown) return { note, revision: latest, unchanged: true };
    const next = (latest?.revision ?? 0) + 1;
    const created = await db.releaseNoteRevision.createMany({
      data: [{ orgId, releaseNoteId: note.id, revision: next, markdown, createdById }],
      skipDuplicates: true,
    });
    if (created.count === 1) {
      // The revision this save wrote — a concurrent save may already have added a later one.
      const revision = await db.releaseNoteRevision.findUniqueOrThrow({
        where: { releaseNoteId_revision: { releaseNoteId: note.id, revision: next } },
      });
      await db.releaseNote.update({ where: { id: note.id }, data: { title } });
      return { note, revision, unchanged: false };
    }
  }
  throw new Error("Could not save the revision: too many concurrent saves");
}

export async function markPublished({
  orgId,
  noteId,
  revision,
  userId,
}: {
  orgId: string;
  noteId: string;
  revision: number;
  userId: string;
}) {
  const updated = await db.releaseNote.updateMany({
    where: { id: noteId, orgId },
    data: { publishedAt: new Date(), publishedById: userId, publishedRevision: revision },
  });
  return updated.count > 0;
}

export async function findRevision({ orgId, noteId, revision }: { orgId: string; noteId: string; revision: number }) {
  return db.releaseNoteRevision.findFirst({ where: { orgId, releaseNoteId: noteId, revision } });
}
