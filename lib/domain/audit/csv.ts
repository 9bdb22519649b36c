import { csvCell } from "../tables/export";
import { formatAuditDiff, readAuditDiff } from "./diff";

/**
 * CSV for the audit-log export (RFC 4180). Cells that a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR) are prefixed with a quote, so an actor
 * name cannot smuggle a formula into an admin's spreadsheet.
 */
export type AuditRow = {
  createdAt: Date;
  actorType: string;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  result: string;
  requestId: string | null;
  /** The entry's stored changes; only a diff is exported (lib/domain/audit/diff.ts). */
  changes?: unknown;
};

const COLUMNS: [string, (row: AuditRow) => string][] = [
  ["time", (r) => r.createdAt.toISOString()],
  ["actor_type", (r) => r.actorType],
  ["actor", (r) => r.actorLabel],
  ["action", (r) => r.action],
  ["target_type", (r) => r.targetType ?? ""],
  ["target", (r) => r.targetId ?? ""],
  ["summary", (r) => r.summary],
  ["result", (r) => r.result],
  ["request_id", (r) => r.requestId ?? ""],
  ["changes", (r) => formatAuditDiff(readAuditDiff(r.changes))],
];

export function toAuditCsv(rows: AuditRow[]): string {
  const lines = [
    COLUMNS.map(([name]) => name).join(","),
    ...rows.map((row) => COLUMNS.map(([, read]) => csvCell(read(row))).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
