import type { DoraBand } from "@/lib/domain/dora";

/** Hours as people read them: minutes under an hour, hours under two days, days beyond. */
export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} d`;
}

export const formatRate = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)} %`);

export const formatPerWeek = (perWeek: number) => `${perWeek.toFixed(perWeek < 10 ? 2 : 1)} / week`;

export const formatDate = (date: Date) => date.toISOString().slice(0, 10);

export const formatDateTime = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export const BAND_LABEL: Record<DoraBand, string> = { elite: "Elite", high: "High", medium: "Medium", low: "Low" };

/** Band badges: text carries the meaning, colour only repeats it (AA contrast in both themes). */
export const BAND_CLASS: Record<DoraBand, string> = {
  elite: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
  high: "bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  low: "bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100",
};
