import "server-only";
import { listAuditActions, listAuditEntries } from "@/lib/db/queries/audit-log";
import { decodeAuditCursor, listAuditPage, type AuditPageRequest } from "@/lib/db/queries/audit-log-pages";
import { toAuditCsv } from "@/lib/domain/audit/csv";
import type { AuditFilters } from "@/lib/domain/audit/filters";
import type { SortDir } from "@/lib/domain/tables/sort";

/** The most rows one export holds (newest first); narrower filters reach further back. */
const MAX_EXPORT_ROWS = 10_000;

/** A page link's cursor: an older page when `older` is given, else a newer one, else the first page. */
function pageRequest(older: string | string[] | undefined, newer: string | string[] | undefined): AuditPageRequest {
  const olderCursor = decodeAuditCursor(older);
  if (olderCursor) return { older: olderCursor };
  const newerCursor = decodeAuditCursor(newer);
  return newerCursor ? { newer: newerCursor } : {};
}

/** One page of the filtered log, and every action the org's log holds (for the filter's choices). */
export async function loadAuditLogPage({
  orgId,
  filters,
  order,
  older,
  newer,
}: {
  orgId: string;
  filters: AuditFilters;
  order: SortDir;
  older: string | string[] | undefined;
  newer: string | string[] | undefined;
}) {
  const [page, actions] = await Promise.all([
    listAuditPage({ orgId, filters, order, request: pageRequest(older, newer) }),
    listAuditActions({ orgId }),
  ]);
  return { ...page, actions };
}

/** The filtered log as CSV, newest first. */
export async function exportAuditLogCsv({ orgId, filters }: { orgId: string; filters: AuditFilters }) {
  return toAuditCsv(await listAuditEntries({ orgId, filters, limit: MAX_EXPORT_ROWS }));
}
