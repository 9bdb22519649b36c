import { crashFreeRate } from "./crash-free-rate";

export type HealthPoint = { ts: string; sessions: number; crashed: number };
export type HealthSeriesPoint = { ts: string; crashFree: number | null };

/** Crash-free session percent per interval, in the order given; null (a gap in the chart) where there were no sessions. */
export function healthSeries(points: HealthPoint[]): HealthSeriesPoint[] {
  return points.map(({ ts, sessions, crashed }) => ({ ts, crashFree: crashFreeRate(sessions, crashed) }));
}
