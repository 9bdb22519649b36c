/*
 * The org's audit log as admins read it: the paged, filtered page and the CSV export. Entries are written by each
 * feature through `auditAction` (lib/platform/actions) or lib/db's `appendAuditEntry`.
 */
export { exportAuditLogCsv, loadAuditLogPage } from "./load";
