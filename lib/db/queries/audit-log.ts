import "server-only";
import { db } from "@/lib/db/client";
import type { ActorType, AuditResult } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { dateRange, type AuditFilters } from "@/lib/domain/audit/filters";

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

/** Appends one entry to an org's audit log (the table rejects updates and deletes), in the caller's transaction when given one. */
export async function appendAuditEntry(
  { orgId, actor, action, target, summary, changes, result = "success", requestId }: AuditEntryInput,
  client: Prisma.TransactionClient = db,
) {
  return client.auditLog.create({
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

/**
 * Lets the current transaction rewrite the personal text of audit entries
 * (actor label, summary, changes) and nothing else, for erasing a departed
 * person's data. The database trigger still refuses any other change, and
 * every DELETE, so who did what, to what and when stays as written. Pass the
 * transaction client: the setting ends with the transaction.
 */
export async function allowAuditPersonalDataRewrite(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`SELECT set_config('bosun.erasing_personal_data', 'on', true)`;
}

/** Newest first, filtered by actor (substring of the label), exact action and date range. */
export async function listAuditEntries({
  orgId,
  filters,
  limit = 100,
  before,
}: {
  orgId: string;
  filters: AuditFilters;
  limit?: number;
  before?: { createdAt: Date; id: string };
}) {
  return db.auditLog.findMany({
    where: {
      ...auditFilterWhere(orgId, filters),
      ...(before
        ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** The `where` for an org's entries matching the filters (actor substring, exact action, date range). */
export function auditFilterWhere(orgId: string, filters: AuditFilters): Prisma.AuditLogWhereInput {
  const range = dateRange(filters);
  return {
    orgId,
    ...(filters.actor ? { actorLabel: { contains: filters.actor, mode: "insensitive" as const } } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(range.gte || range.lt ? { createdAt: range } : {}),
  };
}

/** The distinct actions an org's log contains, for the filter menu. */
export async function listAuditActions({ orgId }: { orgId: string }): Promise<string[]> {
  const rows = await db.auditLog.findMany({
    where: { orgId },
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((row) => row.action);
}
