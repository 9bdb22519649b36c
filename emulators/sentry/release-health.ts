import { HOUR_MS, hourOf } from "../seed/sentry-series";
import type { SentryProject, SentryRelease, SessionSeries } from "../seed/sentry-types";
import type { OrgState } from "./store";
import { parseDuration } from "./time-range";

/**
 * `healthData` of a release in one project, as Sentry computes it: totals over
 * the summary period, adoption over the last 24 hours relative to the whole
 * project, crash-free percentages (0–100), and a session series.
 */

export type HealthOptions = {
  nowMs: number;
  summaryStatsPeriod: string;
  healthStatsPeriod: string;
  environments: string[];
};

const HEALTH_PERIODS = new Set(["1h", "24h", "1d", "48h", "2d", "7d", "14d", "30d", "90d"]);
const round = (n: number) => Math.round(n * 10_000) / 10_000;

export function isHealthPeriod(value: string): boolean {
  return HEALTH_PERIODS.has(value);
}

function seriesFor(org: OrgState, projectId: string, release: string | null, environments: string[]): SessionSeries[] {
  return org.data.sessions.filter(
    (s) =>
      s.projectId === projectId &&
      (release === null || s.release === release) &&
      (environments.length === 0 || environments.includes(s.environment)),
  );
}

function sum(
  series: SessionSeries[],
  metric: "total" | "users" | "crashed" | "errored" | "crashedUsers",
  from: number,
  to: number,
): number {
  return series.reduce((n, s) => n + s[metric].sum(from, to), 0);
}

export function hasHealthData(org: OrgState, projectId: string, release: string): boolean {
  return seriesFor(org, projectId, release, []).some((s) => s.total.total() > 0);
}

function statsPoints(series: SessionSeries[], nowHour: number, period: string): [number, number][] {
  const hours = Math.round((parseDuration(period) as number) / HOUR_MS);
  const bucketHours = hours <= 48 ? 1 : 24;
  const end = bucketHours === 24 ? Math.floor(nowHour / 24) * 24 + 24 : nowHour + 1;
  const count = Math.max(1, Math.round(hours / bucketHours));
  const points: [number, number][] = [];
  for (let b = count - 1; b >= 0; b--) {
    const to = end - b * bucketHours;
    points.push([((to - bucketHours) * HOUR_MS) / 1000, sum(series, "total", to - bucketHours, to)]);
  }
  return points;
}

export function releaseHealth(org: OrgState, release: SentryRelease, project: SentryProject, options: HealthOptions) {
  const nowHour = hourOf(options.nowMs);
  const end = nowHour + 1;
  const summaryStart = end - Math.round((parseDuration(options.summaryStatsPeriod) as number) / HOUR_MS);
  const mine = seriesFor(org, project.id, release.version, options.environments);
  const projectAll = seriesFor(org, project.id, null, options.environments);
  const totalSessions = sum(mine, "total", summaryStart, end);
  const totalUsers = sum(mine, "users", summaryStart, end);
  const crashed = sum(mine, "crashed", summaryStart, end);
  const crashedUsers = sum(mine, "crashedUsers", summaryStart, end);
  const sessions24h = sum(mine, "total", end - 24, end);
  const users24h = sum(mine, "users", end - 24, end);
  const projectSessions24h = sum(projectAll, "total", end - 24, end);
  const projectUsers24h = sum(projectAll, "users", end - 24, end);
  return {
    durationP50: null,
    durationP90: null,
    crashFreeUsers: totalUsers > 0 ? round(100 * (1 - crashedUsers / totalUsers)) : null,
    crashFreeSessions: totalSessions > 0 ? round(100 * (1 - crashed / totalSessions)) : null,
    totalUsers,
    totalUsers24h: users24h,
    totalProjectUsers24h: projectUsers24h,
    totalSessions,
    totalSessions24h: sessions24h,
    totalProjectSessions24h: projectSessions24h,
    adoption: projectUsers24h > 0 ? round((100 * users24h) / projectUsers24h) : null,
    sessionsAdoption: projectSessions24h > 0 ? round((100 * sessions24h) / projectSessions24h) : null,
    sessionsCrashed: crashed,
    sessionsErrored: sum(mine, "errored", summaryStart, end),
    hasHealthData: mine.some((s) => s.total.total() > 0),
    stats: { [options.healthStatsPeriod]: statsPoints(mine, nowHour, options.healthStatsPeriod) },
  };
}
