import type { QualityPeriod } from "./types";

/** A production deploy of a release (several per release when it is redeployed). */
export type ReleaseDeploy = { version: string; finishedAt: Date };

/**
 * Each release's window: from its first production deploy to the next release's first production deploy (the
 * newest runs until `now`). Newest first. Pure.
 */
export function releaseWindows(deploys: ReleaseDeploy[], now: Date): QualityPeriod[] {
  const first = new Map<string, Date>();
  for (const deploy of deploys) {
    const seen = first.get(deploy.version);
    if (!seen || deploy.finishedAt < seen) first.set(deploy.version, deploy.finishedAt);
  }
  const ordered = [...first].sort((a, b) => a[1].getTime() - b[1].getTime());
  return ordered
    .map(([version, start], i) => ({
      id: version,
      label: version,
      start,
      end: ordered[i + 1]?.[1] ?? now,
    }))
    .reverse();
}

export const within = (date: Date | null, period: QualityPeriod) =>
  date !== null && date.getTime() >= period.start.getTime() && date.getTime() < period.end.getTime();
