export { findInsightTable, INSIGHT_TABLES } from "./tables";
export type { InsightTableLoader } from "./table-loader";
