import { compareVersions } from "../release-health/compare-versions";
import { HOUR_MS, hoursBetween } from "./percentile";
import { patchLine } from "./versions";
import type { DoraDeploy, DoraFailure, DoraIncident } from "./types";

/**
 * Every failure signal in one environment's deploy history, each attributed to a deploy:
 * - a stored incident goes to the latest deploy of its own release finished at or before it started, or, when its
 *   release has none in the environment, to the latest deploy of any release (DevLake's rule). Its release first: an
 *   issue first seen in 2.14.0 after the hotfix 2.14.1 shipped is 2.14.0's failure, not the hotfix's;
 * - a deploy of a version already deployed, after a newer one, is a rollback: the newer deploys in between failed
 *   (Sleuth's rule), from when they finished until the rollback;
 * - a deploy of a patch release x.y.z (z > 0) after a deploy of x.y.* is a hotfix: that earlier deploy failed,
 *   until the hotfix.
 * A failure counts against its deploy when it started within `windowHours` after the deploy finished (for rollbacks
 * and hotfixes: when the fixing deploy came within the window).
 *
 * `deploys` are one environment's (and project's) deploys in time order; `incidents` that environment's.
 */
export function detectFailures(
  deploys: readonly DoraDeploy[],
  incidents: readonly DoraIncident[],
  windowHours: number,
) {
  const windowMs = windowHours * HOUR_MS;
  const failures: DoraFailure[] = [];

  for (const incident of incidents) {
    const own = deploys.filter((d) => d.version === incident.version);
    const deploy = latestAtOrBefore(own.length > 0 ? own : deploys, incident.startedAt);
    const late = deploy !== null && incident.startedAt.getTime() - deploy.dateFinished.getTime() > windowMs;
    failures.push({
      kind: incident.kind,
      version: incident.version,
      project: incident.project,
      startedAt: incident.startedAt,
      resolvedAt: incident.resolvedAt,
      summary: incident.summary,
      deployId: deploy?.id ?? null,
      counted: deploy !== null && !late,
      notCountedBecause:
        deploy === null
          ? "started before any deploy in this environment"
          : late
            ? `started ${Math.round(hoursBetween(deploy.dateFinished, incident.startedAt))} h after the deploy, beyond the ${windowHours} h window`
            : null,
    });
  }

  const fixedBy = (failed: DoraDeploy, fix: DoraDeploy, kind: "redeploy_rollback" | "hotfix"): DoraFailure => {
    const inWindow = fix.dateFinished.getTime() - failed.dateFinished.getTime() <= windowMs;
    return {
      kind,
      version: failed.version,
      project: null,
      startedAt: failed.dateFinished,
      resolvedAt: fix.dateFinished,
      summary:
        kind === "hotfix"
          ? `Hotfix ${fix.version} deployed after ${failed.version}`
          : `${fix.version} deployed again after ${failed.version}: a rollback`,
      deployId: failed.id,
      counted: inWindow,
      notCountedBecause: inWindow
        ? null
        : `${kind === "hotfix" ? "the hotfix" : "the rollback"} came ${Math.round(hoursBetween(failed.dateFinished, fix.dateFinished))} h later, beyond the ${windowHours} h window`,
    };
  };

  const lastIndexOf = new Map<string, number>();
  deploys.forEach((deploy, i) => {
    const previous = lastIndexOf.get(deploy.version);
    if (previous !== undefined) {
      for (const between of deploys.slice(previous + 1, i)) {
        if (compareVersions(between.version, deploy.version) > 0)
          failures.push(fixedBy(between, deploy, "redeploy_rollback"));
      }
    }
    lastIndexOf.set(deploy.version, i);

    const fix = patchLine(deploy.version);
    if (fix && fix.patch > 0) {
      const earlier = deploys.slice(0, i).findLast((d) => {
        const line = patchLine(d.version);
        return line !== null && line.line === fix.line && line.patch < fix.patch;
      });
      if (earlier) failures.push(fixedBy(earlier, deploy, "hotfix"));
    }
  });

  return failures.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

function latestAtOrBefore(deploys: readonly DoraDeploy[], at: Date): DoraDeploy | null {
  let found: DoraDeploy | null = null;
  for (const deploy of deploys) {
    if (deploy.dateFinished.getTime() <= at.getTime()) found = deploy;
    else break;
  }
  return found;
}

/**
 * When a failed deploy recovered: from its earliest counted failure's start to the next healthy deploy (a later
 * deploy not itself failed) or the moment all its failures were resolved, whichever came first. Null while neither
 * has happened.
 */
export function recoveryOf(
  failures: readonly DoraFailure[],
  later: readonly DoraDeploy[],
  failedIds: ReadonlySet<string>,
): { hours: number; by: string } | null {
  const counted = failures.filter((f) => f.counted);
  if (counted.length === 0) return null;
  const start = Math.min(...counted.map((f) => f.startedAt.getTime()));
  const healthy = later.find((d) => d.dateFinished.getTime() > start && !failedIds.has(d.id));
  const resolved = counted.every((f) => f.resolvedAt !== null)
    ? Math.max(...counted.map((f) => f.resolvedAt!.getTime()))
    : null;
  const candidates = [
    ...(healthy ? [{ at: healthy.dateFinished.getTime(), by: `deploy of ${healthy.version}` }] : []),
    ...(resolved !== null ? [{ at: resolved, by: "resolved" }] : []),
  ].sort((a, b) => a.at - b.at);
  const first = candidates[0];
  return first ? { hours: Math.max(0, first.at - start) / HOUR_MS, by: first.by } : null;
}
