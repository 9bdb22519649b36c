import { bugFlow, bugShare, escapedInRelease, escapedInSprint, timeToFix } from "./measures";
import type { Bug, CompletedItem, EscapedDefect, QualityPeriod } from "./types";

export type SprintQualityInput = QualityPeriod & { completedPoints: number; items: CompletedItem[] };

export type QualityRow = {
  id: string;
  label: string;
  start: Date;
  end: Date;
  bugsCreated: number;
  bugsResolved: number;
  escapedDefects: number;
  /** Sprints only: bug points ÷ completed points; null when the close snapshot does not record issue types. */
  bugShare: number | null;
  firstSeenToTicketHours: number | null;
  ticketToFixHours: number | null;
};

/** One row per closed sprint, in the order given. Pure. */
export function sprintQualityRows(sprints: SprintQualityInput[], bugs: Bug[], defects: EscapedDefect[]): QualityRow[] {
  return sprints.map((sprint) => {
    const escaped = escapedInSprint(defects, sprint);
    const { firstSeenToTicketHours, ticketToFixHours } = timeToFix(escaped);
    return {
      id: sprint.id,
      label: sprint.label,
      start: sprint.start,
      end: sprint.end,
      ...bugsOf(bugs, sprint),
      escapedDefects: escaped.length,
      bugShare: bugShare(sprint.items),
      firstSeenToTicketHours,
      ticketToFixHours,
    };
  });
}

/** One row per release window, in the order given. Pure. */
export function releaseQualityRows(releases: QualityPeriod[], bugs: Bug[], defects: EscapedDefect[]): QualityRow[] {
  const versions = new Set(releases.map((r) => r.id));
  return releases.map((release) => {
    const escaped = escapedInRelease(defects, release, versions);
    const { firstSeenToTicketHours, ticketToFixHours } = timeToFix(escaped);
    return {
      id: release.id,
      label: release.label,
      start: release.start,
      end: release.end,
      ...bugsOf(bugs, release),
      escapedDefects: escaped.length,
      bugShare: null,
      firstSeenToTicketHours,
      ticketToFixHours,
    };
  });
}

function bugsOf(bugs: Bug[], period: QualityPeriod) {
  const { created, resolved } = bugFlow(bugs, period);
  return { bugsCreated: created, bugsResolved: resolved };
}
