import { WEB_VITALS, VITAL_THRESHOLDS, type WebVital } from "@/lib/domain/performance";

/**
 * The Explore queries Sentry's own screens send on the `spans` dataset (API-NOTES-2 §1), so Bosun's figures match
 * what people see in Sentry. Kept in one place: the reads, their transforms and the tests share them.
 */
export const WEB_VITALS_QUERY =
  'span.op:[ui.interaction.click,ui.interaction.hover,ui.interaction.drag,ui.interaction.press,ui.webvital.cls,ui.webvital.lcp,pageload,""] !transaction:"<< unparameterized >>"';

/** Backend Insights' API table: server transactions only. */
export const API_TRANSACTIONS_QUERY = "transaction.op:http.server is_transaction:True";

/** Pages and API endpoints: page-load and server transactions (not queue workers). */
export const PAGE_AND_API_TRANSACTIONS_QUERY = "transaction.op:[pageload,http.server] is_transaction:True";

export const vitalMeasurement = (vital: WebVital) => `measurements.${vital}`;
export const p75Field = (vital: WebVital) => `p75(${vitalMeasurement(vital)})`;
export const samplesField = (vital: WebVital) => `count(${vitalMeasurement(vital)})`;
export const goodCountField = (vital: WebVital) =>
  `count_if(${vitalMeasurement(vital)},lessOrEquals,${VITAL_THRESHOLDS[vital].good})`;
export const poorCountField = (vital: WebVital) =>
  `count_if(${vitalMeasurement(vital)},greater,${VITAL_THRESHOLDS[vital].poor})`;

/** Twenty fields, Sentry's limit: per vital its p75, its sample count and the counts in the good and poor bands. */
export const WEB_VITAL_FIELDS = WEB_VITALS.flatMap((vital) => [
  p75Field(vital),
  samplesField(vital),
  goodCountField(vital),
  poorCountField(vital),
]);

export const RELEASE_VITAL_FIELDS = [
  "release",
  p75Field("lcp"),
  samplesField("lcp"),
  p75Field("inp"),
  samplesField("inp"),
];

export const RELEASE_API_FIELDS = ["release", "count()", "p95(span.duration)", "failure_rate()"];

export const withinField = (ms: number) => `count_if(span.duration,lessOrEquals,${ms})`;

export function transactionFields(apdexThresholdMs: number): string[] {
  return [
    "transaction",
    "transaction.op",
    "count()",
    "epm()",
    "p50(span.duration)",
    "p95(span.duration)",
    "failure_rate()",
    withinField(apdexThresholdMs),
    withinField(apdexThresholdMs * 4),
  ];
}

export const TRANSACTION_COMPARISON_FIELDS = ["transaction", "count()", "p95(span.duration)"];

export const VITAL_SERIES_AXES = WEB_VITALS.map(p75Field);
export const API_SERIES_AXES = ["p95(span.duration)", "p50(span.duration)"];
