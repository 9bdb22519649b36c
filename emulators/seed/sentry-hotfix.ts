import type { Random } from "./random";
import { HOUR_MS, HourSeries } from "./sentry-series";
import { sessionColumns } from "./sentry-sessions";
import type { SentryIssue, SentryRelease, SessionSeries } from "./sentry-types";

/**
 * The hotfix that follows the regressed release: `<major>.<minor>.1`, released
 * about 20 hours after it, in the same projects. It is added after the issues,
 * feedback and sessions were generated for the world's releases, so every
 * other release keeps exactly the data it had; the hotfix takes over part of
 * its parent's sessions from its release on (without the parent's crashes)
 * and joins the ongoing issues that outlived its parent.
 */

export const HOTFIX_DELAY_MS = 20 * HOUR_MS;
/** Clients that keep running the parent after the hotfix (some never update), so the parent stays measurable. */
const SHARE_TAKEN = 0.6;
/** Hours over which the hotfix's share ramps up, as a new release's adoption does. */
const RAMP_HOURS = 36;

export function hotfixVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.\d+$/.exec(version);
  return m ? `${m[1]}.${m[2]}.1` : `${version}-hotfix.1`;
}

/** The hotfix release of `parent`, inserted right after it in `releases` (oldest first). */
export function withHotfix(
  releases: SentryRelease[],
  parentVersion: string,
  idBase: number,
  random: Random,
): { releases: SentryRelease[]; hotfix: SentryRelease | null } {
  const index = releases.findIndex((r) => r.version === parentVersion);
  const parent = releases[index];
  if (!parent?.dateReleased) return { releases, hotfix: null };
  const releasedAt = new Date(parent.dateReleased.getTime() + HOTFIX_DELAY_MS);
  const hotfix: SentryRelease = {
    id: idBase + index + 1,
    version: hotfixVersion(parent.version),
    dateCreated: new Date(releasedAt.getTime() - 2 * HOUR_MS),
    dateReleased: releasedAt,
    commitCount: random.int(2, 4),
    deployCount: 0,
    projectIds: [...parent.projectIds],
    hotfixOf: parent.version,
  };
  return { releases: [...releases.slice(0, index + 1), hotfix, ...releases.slice(index + 1)], hotfix };
}

function shareAt(hour: number, releaseHour: number): number {
  const age = hour - releaseHour;
  if (age < 0) return 0;
  return SHARE_TAKEN * Math.min(1, age / RAMP_HOURS);
}

/**
 * Moves part of each parent series to a new series of the hotfix, hour by hour. Totals, users and errored
 * sessions move in proportion; the hotfix fixed the crash, so it crashes at a tenth of the parent's rate.
 * Per project and hour the sessions add up as before, so other releases' adoption does not change.
 */
export function splitHotfixSessions(sessions: SessionSeries[], hotfix: SentryRelease): SessionSeries[] {
  const releaseHour = Math.floor((hotfix.dateReleased as Date).getTime() / HOUR_MS);
  const added: SessionSeries[] = [];
  for (const parent of sessions.filter((s) => s.release === hotfix.hotfixOf)) {
    const { startHour, endHour } = parent.total;
    const length = endHour - startHour;
    const moved = sessionColumns(length);
    const kept = sessionColumns(length);
    for (let slot = 0; slot < length; slot++) {
      const hour = startHour + slot;
      const share = shareAt(hour, releaseHour);
      for (const key of Object.keys(moved) as (keyof typeof moved)[]) {
        const value = parent[key].value(hour);
        const take = Math.round(value * share);
        moved[key][slot] = take;
        kept[key][slot] = value - take;
      }
      // The fixed crash: the hotfix's crashes are a tenth of what the parent's would have been.
      const crashed = Math.round((moved.crashed[slot] as number) / 10);
      const crashedUsers = Math.round((moved.crashedUsers[slot] as number) / 10);
      moved.errored[slot] = (moved.errored[slot] as number) + (moved.crashed[slot] as number) - crashed;
      moved.crashed[slot] = crashed;
      moved.crashedUsers[slot] = crashedUsers;
      moved.errored[slot] = Math.min(moved.errored[slot] as number, (moved.total[slot] as number) - crashed);
    }
    const series = (columns: typeof moved) =>
      Object.fromEntries(Object.entries(columns).map(([key, values]) => [key, new HourSeries(startHour, values)]));
    Object.assign(parent, series(kept));
    added.push({
      projectId: parent.projectId,
      release: hotfix.version,
      environment: parent.environment,
      ...(series(moved) as Omit<SessionSeries, "projectId" | "release" | "environment">),
    });
  }
  return added;
}

/** The hotfix carries the issues that were still happening after it shipped, except those its parent introduced. */
export function addHotfixToIssues(issues: SentryIssue[], hotfix: SentryRelease) {
  const releasedMs = (hotfix.dateReleased as Date).getTime();
  for (const issue of issues) {
    if (issue.firstRelease === hotfix.hotfixOf) continue;
    if (issue.releases.has(hotfix.hotfixOf as string) && issue.lastSeenMs >= releasedMs)
      issue.releases.add(hotfix.version);
  }
}
