import "server-only";
import type { ExportTable } from "@/lib/domain/tables/export";

/**
 * How a report table is read for export: from the org's stored history (never upstream), with the page's own
 * filters from the query string. Returns null when the thing asked for does not exist in this org (a 404).
 */
export type InsightTableLoader = (input: {
  orgId: string;
  orgSlug: string;
  params: URLSearchParams;
  now: Date;
}) => Promise<ExportTable | null>;
