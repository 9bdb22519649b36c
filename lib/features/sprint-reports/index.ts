/*
 * What pages, route handlers, jobs and MCP tools use of the sprint reports. Server-only: client components import
 * its types with `import type`.
 */
export {
  BACKFILL_SPRINTS,
  SPRINT_HISTORY_QUEUE,
  backfillSprintHistory,
  reconcileSprintsAndHistoryJob,
  requestSprintHistory,
  sprintHistoryJob,
} from "./history";
export {
  REPORT_TIME_ZONE,
  ensureSprintHistory,
  listReportBoards,
  loadBoardReports,
  loadSprintReport,
  loadSprintTrends,
  type BoardSprintReport,
  type ReportBoard,
  type SprintReportPage,
  type SprintTrendsPage,
} from "./load";
export { sprintReportTables } from "./tables";
