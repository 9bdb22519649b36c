import "server-only";
import { db } from "@/lib/db/client";
import type { ActorType, AuditResult } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditEntryInput = {
  orgId: string;
  actor: { type: ActorType; id?: string | null; label: string };
  action: string;
  target?: { type: string; id: string };
  summary: string;
  changes?: Prisma.InputJsonValue;
  result?: AuditResult;
  requestId?: string | null;
};

/** Appends one entry to an org's audit log (the table rejects updates and deletes). */
export async function appendAuditEntry({ orgId, actor, action, target, summary, changes, result = "success", requestId }: AuditEntryInput) {
  return db.auditLog.create({
    data: {
      orgId,
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorLabel: actor.label,
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      summary,
      changes,
      result,
      requestId: requestId ?? null,
    },
  });
}

export async function listAuditEntries({ orgId, limit = 50 }: { orgId: string; limit?: number }) {
  return db.auditLog.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, take: limit });
}
