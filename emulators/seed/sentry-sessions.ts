import type { Random } from "./random";
import { HOUR_MS, HourSeries } from "./sentry-series";
import type { SentryProject, SentryRelease, SessionSeries } from "./sentry-types";

/**
 * Release-health sessions per project, release and hour. Each hour's sessions
 * are split over the releases live at that time: a new release ramps up over a
 * day and a half and older ones decay, so adoption declines with age. The
 * regressed release crashes roughly ten times as often as its neighbours.
 */

const SESSIONS_PER_HOUR: Record<string, number> = { web: 900, api: 1500, worker: 220, bosun: 45 };
const CRASH_RATE: Record<string, number> = { web: 0.004, api: 0.0012, worker: 0.003, bosun: 0.005 };
const DIURNAL = Array.from({ length: 24 }, (_, h) => 1 + 0.5 * Math.sin(((h - 9) / 24) * 2 * Math.PI));

type SessionInput = {
  random: Random;
  nowMs: number;
  statsStartHour: number;
  projects: SentryProject[];
  releases: SentryRelease[];
  regressedRelease: string;
};

export function emptySessionSeries(
  projectId: string,
  release: string,
  environment: string,
  startHour: number,
): SessionSeries {
  const make = () => new HourSeries(startHour);
  return {
    projectId,
    release,
    environment,
    total: make(),
    errored: make(),
    crashed: make(),
    abnormal: make(),
    users: make(),
    erroredUsers: make(),
    crashedUsers: make(),
  };
}

/** Session counts per hour slot while they are worked out: a column for each of a SessionSeries' figures. */
export function sessionColumns(hours: number) {
  return {
    total: new Float64Array(hours),
    errored: new Float64Array(hours),
    crashed: new Float64Array(hours),
    abnormal: new Float64Array(hours),
    users: new Float64Array(hours),
    erroredUsers: new Float64Array(hours),
    crashedUsers: new Float64Array(hours),
  };
}

function adoptionWeight(ageHours: number): number {
  if (ageHours < 0) return 0;
  return Math.min(1, ageHours / 36) * Math.exp(-ageHours / 24 / 6);
}

/** Binomial-ish draw: the expected value is exact, the result an integer. */
function draw(r: Random, n: number, rate: number): number {
  const expected = n * rate;
  return Math.floor(expected + r.next());
}

export function generateSessions(input: SessionInput): SessionSeries[] {
  const { random: r, projects, releases } = input;
  const nowHour = Math.floor(input.nowMs / HOUR_MS);
  const hours = nowHour - input.statsStartHour + 1;
  const releaseHours = releases.map((rel) => Math.floor((rel.dateReleased ?? rel.dateCreated).getTime() / HOUR_MS));
  const out: SessionSeries[] = [];

  for (const project of projects) {
    const base = SESSIONS_PER_HOUR[project.slug] ?? 100;
    const crashBase = CRASH_RATE[project.slug] ?? 0.003;
    const releaseRates = releases.map((rel) => {
      const jitter = 0.6 + r.next() * 0.8;
      const regressed = rel.version === input.regressedRelease;
      return {
        crash: crashBase * jitter * (regressed ? 10 : 1),
        errored: 0.02 + r.next() * 0.02 + (regressed ? 0.03 : 0),
      };
    });
    const columns = releases.map(() => ({ ...sessionColumns(hours), any: false }));
    const weights = new Float64Array(releases.length);
    for (let slot = 0; slot < hours; slot++) {
      const hour = input.statsStartHour + slot;
      let weightSum = 0;
      for (let i = 0; i < releases.length; i++) {
        const w = adoptionWeight(hour - (releaseHours[i] as number));
        weights[i] = w;
        weightSum += w;
      }
      if (weightSum === 0) continue;
      const sessions = Math.round(base * (DIURNAL[hour % 24] as number) * (0.85 + r.next() * 0.3));
      for (let i = 0; i < releases.length; i++) {
        const share = (weights[i] as number) / weightSum;
        if (share < 0.002) continue;
        const total = Math.round(sessions * share);
        if (total === 0) continue;
        const rates = releaseRates[i] as { crash: number; errored: number };
        const col = columns[i] as (typeof columns)[number];
        const crashed = draw(r, total, rates.crash);
        const errored = Math.min(total - crashed, draw(r, total, rates.errored));
        const abnormal = Math.min(total - crashed - errored, draw(r, total, 0.0005));
        const users = Math.max(1, Math.round(total * 0.35));
        col.total[slot] = total;
        col.crashed[slot] = crashed;
        col.errored[slot] = errored;
        col.abnormal[slot] = abnormal;
        col.users[slot] = users;
        col.crashedUsers[slot] = Math.min(users, Math.round(crashed * 0.9));
        col.erroredUsers[slot] = Math.min(users, Math.round(errored * 0.8));
        col.any = true;
      }
    }
    releases.forEach((rel, i) => {
      const col = columns[i] as (typeof columns)[number];
      if (!col.any) return;
      const start = input.statsStartHour;
      out.push({
        projectId: project.id,
        release: rel.version,
        environment: "production",
        total: new HourSeries(start, col.total),
        errored: new HourSeries(start, col.errored),
        crashed: new HourSeries(start, col.crashed),
        abnormal: new HourSeries(start, col.abnormal),
        users: new HourSeries(start, col.users),
        erroredUsers: new HourSeries(start, col.erroredUsers),
        crashedUsers: new HourSeries(start, col.crashedUsers),
      });
    });
  }
  return out;
}
