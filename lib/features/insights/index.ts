export { findInsightTable, INSIGHT_TABLES } from "./tables";
export type { InsightTableLoader } from "./table-loader";
export { loadInsightsReport, REPORT_TABLES, type InsightsReport } from "./report";
