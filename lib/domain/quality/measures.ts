import { within } from "./periods";
import type { Bug, CompletedItem, EscapedDefect, QualityPeriod } from "./types";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Bugs filed and bugs resolved within the period. */
export function bugFlow(bugs: Bug[], period: QualityPeriod) {
  return {
    created: bugs.filter((bug) => within(bug.created, period)).length,
    resolved: bugs.filter((bug) => within(bug.resolvedAt, period)).length,
  };
}

/**
 * Bug points as a share of completed points in a sprint, from its close snapshot's done items. Null when the
 * snapshot does not record issue types (older snapshots) or nothing with points was completed.
 */
export function bugShare(items: CompletedItem[]): number | null {
  const done = items.filter((item) => item.statusCategory === "done");
  if (!done.some((item) => item.issueType)) return null;
  const points = (list: CompletedItem[]) => list.reduce((sum, item) => sum + (item.points ?? 0), 0);
  const completed = points(done);
  if (completed === 0) return null;
  return points(done.filter((item) => item.issueType === "Bug")) / completed;
}

/** The escaped defects of a sprint: the Sentry issues that got a Jira ticket while it ran. */
export const escapedInSprint = (defects: EscapedDefect[], sprint: QualityPeriod) =>
  defects.filter((defect) => within(defect.linkedAt, sprint));

/**
 * The escaped defects of a release: those Sentry first saw in it, and — when Sentry's first release is not
 * known — those first seen (or, failing that, linked) while it was the release in production.
 */
export function escapedInRelease(defects: EscapedDefect[], release: QualityPeriod, versions: Set<string>) {
  return defects.filter((defect) =>
    defect.firstRelease && versions.has(defect.firstRelease)
      ? defect.firstRelease === release.id
      : within(defect.firstSeen ?? defect.linkedAt, release),
  );
}

/** When a defect was fixed: the first of its Jira ticket's resolution and its Sentry issue's. */
export function fixedAt(defect: EscapedDefect): Date | null {
  const times = [defect.ticketResolvedAt, defect.sentryResolvedAt].filter((t): t is Date => t !== null);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

/** The median of some durations, or null when there are none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The median hours from Sentry first seeing an issue to its ticket, and from the ticket to the fix, over the
 * defects where both ends are known (how many each rests on is returned too).
 */
export function timeToFix(defects: EscapedDefect[]) {
  const toTicket = defects
    .filter((d) => d.firstSeen)
    .map((d) => (d.linkedAt.getTime() - d.firstSeen!.getTime()) / HOUR_MS)
    .filter((hours) => hours >= 0);
  const toFix = defects
    .map((d) => ({ linked: d.linkedAt, fixed: fixedAt(d) }))
    .filter((d) => d.fixed && d.fixed >= d.linked)
    .map((d) => (d.fixed!.getTime() - d.linked.getTime()) / HOUR_MS);
  return {
    firstSeenToTicketHours: median(toTicket),
    firstSeenToTicketCount: toTicket.length,
    ticketToFixHours: median(toFix),
    ticketToFixCount: toFix.length,
  };
}

/** The mean age in days of the open Critical issues (by Sentry's first seen), or null when there are none. */
export function meanOpenAgeDays(firstSeen: Date[], now: Date): number | null {
  if (firstSeen.length === 0) return null;
  const total = firstSeen.reduce((sum, seen) => sum + Math.max(0, now.getTime() - seen.getTime()), 0);
  return total / firstSeen.length / DAY_MS;
}
