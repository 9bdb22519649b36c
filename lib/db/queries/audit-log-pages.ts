import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { AuditFilters } from "@/lib/domain/audit/filters";
import type { SortDir } from "@/lib/domain/tables/sort";
import { auditFilterWhere } from "./audit-log";

/** Where a page starts: an entry's time and id, which together order the log without ties. */
export type AuditCursor = { createdAt: Date; id: string };

/** Which side of a cursor to read: entries strictly older or strictly newer than it (older wins if both). */
export type AuditPageRequest = { older?: AuditCursor; newer?: AuditCursor };

export const AUDIT_PAGE_SIZE = 50;

/** A cursor as it travels in the URL: "<epoch ms>_<id>". Times are stored to the millisecond, so it is exact. */
export function encodeAuditCursor({ createdAt, id }: AuditCursor): string {
  return `${createdAt.getTime()}_${id}`;
}

/** The cursor in a URL value, or null for anything that is not one (the page then starts from the beginning). */
export function decodeAuditCursor(value: string | string[] | undefined): AuditCursor | null {
  const raw = Array.isArray(value) ? value[0] : value;
  const match = raw?.match(/^(\d{1,15})_([A-Za-z0-9]{1,64})$/);
  if (!match?.[1] || !match[2]) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2] };
}

const olderThan = ({ createdAt, id }: AuditCursor) => ({
  OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }],
});
const newerThan = ({ createdAt, id }: AuditCursor) => ({
  OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }],
});

export type AuditPage = Awaited<ReturnType<typeof listAuditPage>>;

/**
 * One page of an org's audit log, keyset-paged so every entry is reachable however long the log grows and a new
 * entry never shifts a page. `order` is the table's order by time ("desc": newest first). `older`/`newer` step
 * from a cursor; each page says whether there is anything newer or older than it, for the links.
 */
export async function listAuditPage({
  orgId,
  filters,
  order = "desc",
  request = {},
  pageSize = AUDIT_PAGE_SIZE,
}: {
  orgId: string;
  filters: AuditFilters;
  order?: SortDir;
  request?: AuditPageRequest;
  pageSize?: number;
}) {
  const where = auditFilterWhere(orgId, filters);
  // Read away from the cursor (towards older entries is descending), one extra to learn whether more lie beyond.
  const { older, newer } = request;
  const readsOlder = older ? true : newer ? false : order === "desc";
  const cursorWhere = older ? olderThan(older) : newer ? newerThan(newer) : {};
  const direction = readsOlder ? "desc" : "asc";
  const rows = await db.auditLog.findMany({
    where: { ...where, ...cursorWhere },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: pageSize + 1,
  });
  const hasMoreBeyond = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  const newestFirst = readsOlder ? page : [...page].reverse();
  const newest = newestFirst[0];
  const oldest = newestFirst.at(-1);
  // An empty page (a cursor past the end, or filters that match nothing) links nowhere; the page offers the start.
  const [hasNewer, hasOlder] = await Promise.all([
    readsOlder ? newest !== undefined && exists(where, newerThan(newest)) : hasMoreBeyond,
    readsOlder ? hasMoreBeyond : oldest !== undefined && exists(where, olderThan(oldest)),
  ]);
  return {
    entries: order === "desc" ? newestFirst : [...newestFirst].reverse(),
    newer: hasNewer && newest ? encodeAuditCursor(newest) : null,
    older: hasOlder && oldest ? encodeAuditCursor(oldest) : null,
  };
}

async function exists(where: Prisma.AuditLogWhereInput, side: Prisma.AuditLogWhereInput) {
  const row = await db.auditLog.findFirst({ where: { ...where, ...side }, select: { id: true } });
  return row !== null;
}
