import type { EmulatorResponse } from "../../common/http";
import type { Page } from "../paging";

/** The events table's answer: a page of rows and the `meta` Sentry sends with them (types and units per field). */
export function tableResponse(
  page: Page<Record<string, unknown>>,
  dataset: "spans" | "errors",
  meta: { fields: Record<string, string>; units: Record<string, string | null> },
): EmulatorResponse {
  return {
    status: 200,
    headers: page.headers,
    body: {
      data: page.items,
      meta: {
        ...meta,
        isMetricsData: false,
        isMetricsExtractedData: false,
        tips: {},
        datasetReason: "unchanged",
        dataset,
        dataScanned: "full",
      },
    },
  };
}
