import "server-only";
import { doraTables } from "@/lib/features/delivery";
import { forecastTables } from "@/lib/features/forecasts";
import { qualityTables } from "@/lib/features/quality";
import { sprintReportTables } from "@/lib/features/sprint-reports";
import type { InsightTableLoader } from "./table-loader";

/**
 * Every exportable Insights table, by id. Each area registers the tables its pages show; the export route serves
 * any of them as CSV or Markdown, from stored history only.
 */
export const INSIGHT_TABLES: Record<string, InsightTableLoader> = {
  ...doraTables,
  ...sprintReportTables,
  ...forecastTables,
  ...qualityTables,
};

export const findInsightTable = (id: string): InsightTableLoader | undefined =>
  Object.hasOwn(INSIGHT_TABLES, id) ? INSIGHT_TABLES[id] : undefined;
