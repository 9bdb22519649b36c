import "server-only";
import { db } from "@/lib/db/client";

/** Comments copied to the other side, once each, with where they were written. */
export async function findCommentMirror({
  orgId,
  origin,
  originCommentId,
}: {
  orgId: string;
  origin: "sentry" | "jira";
  originCommentId: string;
}) {
  return db.commentMirror.findUnique({ where: { orgId_origin_originCommentId: { orgId, origin, originCommentId } } });
}

export async function recordCommentMirror(input: {
  orgId: string;
  linkId: string;
  origin: "sentry" | "jira";
  originCommentId: string;
  mirroredCommentId: string | null;
}) {
  await db.commentMirror.createMany({ data: [input], skipDuplicates: true });
}
