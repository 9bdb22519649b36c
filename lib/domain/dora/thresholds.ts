import type { DoraBand } from "./types";

/**
 * The performance bands, from DORA's 2024 Accelerate State of DevOps report (software delivery performance
 * clusters). Kept as data so the page prints the table it bands by, with its year and source.
 *
 * The report's clusters are drawn from all four keys together, so one key alone does not place a team in a
 * cluster. For change failure rate the clusters' typical values are not even ordered (elite 5 %, high 20 %,
 * medium 10 %, low 40 %), so Bosun bands it by ≤ 5 % elite, ≤ 20 % high, otherwise low, and has no medium.
 */
export const DORA_THRESHOLDS_SOURCE = {
  year: 2024,
  title: "DORA, Accelerate State of DevOps Report 2024 — software delivery performance clusters",
  url: "https://dora.dev/research/2024/dora-report/",
} as const;

export type Threshold = { band: DoraBand; rule: string; report: string };

const MONTH_DAYS = 30;
const WEEK_HOURS = 7 * 24;

export const DORA_THRESHOLDS = {
  deploymentFrequency: [
    { band: "elite", rule: "≥ 7 deploys a week", report: "On demand (multiple deploys per day)" },
    { band: "high", rule: "≥ 1 deploy a week", report: "Between once per day and once per week" },
    { band: "medium", rule: "≥ 1 deploy a month", report: "Between once per week and once per month" },
    { band: "low", rule: "fewer", report: "Between once per month and once every six months" },
  ],
  leadTime: [
    { band: "elite", rule: "p50 < 1 day", report: "Less than one day" },
    { band: "high", rule: "p50 ≤ 1 week", report: "Between one day and one week" },
    { band: "medium", rule: "p50 ≤ 1 month", report: "Between one week and one month" },
    { band: "low", rule: "longer", report: "Between one month and six months" },
  ],
  changeFailureRate: [
    { band: "elite", rule: "≤ 5 %", report: "5 %" },
    { band: "high", rule: "≤ 20 %", report: "20 % (medium cluster: 10 %)" },
    { band: "low", rule: "above 20 %", report: "40 %" },
  ],
  recovery: [
    { band: "elite", rule: "p50 < 1 hour", report: "Less than one hour" },
    { band: "high", rule: "p50 < 1 day", report: "Less than one day (high and medium)" },
    { band: "low", rule: "longer", report: "Between one week and one month" },
  ],
} as const satisfies Record<string, readonly Threshold[]>;

export const CHANGE_FAILURE_RATE_NOTE =
  "The 2024 clusters' change failure rates are not ordered (elite 5 %, high 20 %, medium 10 %, low 40 %): clusters are set by all four keys together. Bosun bands this key alone by ≤ 5 % elite, ≤ 20 % high, otherwise low.";

export function deploymentFrequencyBand(perWeek: number): DoraBand {
  if (perWeek >= 7) return "elite";
  if (perWeek >= 1) return "high";
  // Once a month, as a weekly rate.
  if (perWeek >= 7 / MONTH_DAYS) return "medium";
  return "low";
}

export function leadTimeBand(p50Hours: number | null): DoraBand | null {
  if (p50Hours === null) return null;
  if (p50Hours < 24) return "elite";
  if (p50Hours <= WEEK_HOURS) return "high";
  if (p50Hours <= MONTH_DAYS * 24) return "medium";
  return "low";
}

export function changeFailureRateBand(rate: number | null): DoraBand | null {
  if (rate === null) return null;
  if (rate <= 0.05) return "elite";
  if (rate <= 0.2) return "high";
  return "low";
}

export function recoveryBand(p50Hours: number | null): DoraBand | null {
  if (p50Hours === null) return null;
  if (p50Hours < 1) return "elite";
  if (p50Hours < 24) return "high";
  return "low";
}
