import {
  meanOpenAgeDays,
  releaseQualityRows,
  releaseWindows,
  sprintQualityRows,
  timeToFix,
  type Bug,
  type QualityRow,
  type ReleaseDeploy,
} from "@/lib/domain/quality";
import type { Severity } from "@/lib/domain/severity";
import { toEscapedDefect, toSprintInput, type loadStoredInputs } from "./stored-inputs";

/** A Sentry issue as the quality figures need it: from the errors page's cached, classified list. */
export type SentryIssueLite = { id: string; firstSeen: string; firstReleaseVersion: string | null; severity: Severity };

export type QualityInputs = {
  bugs: Bug[];
  /** Null when Sentry could not be read (not connected, or down with nothing cached). */
  sentryIssues: SentryIssueLite[] | null;
  stored: Awaited<ReturnType<typeof loadStoredInputs>>;
  /** The board whose sprints are shown: its project's bugs and tickets count per sprint. */
  board: { id: number; projectKey: string | null } | null;
  now: Date;
};

export type Quality = {
  sprints: QualityRow[];
  releases: QualityRow[];
  critical: { open: number; meanAgeDays: number | null } | null;
  overall: ReturnType<typeof timeToFix> & { escapedDefects: number };
};

const ofProject = (projectKey: string | null) => (key: string) => !projectKey || key.startsWith(`${projectKey}-`);

/** Every quality figure from its inputs. Pure (given `now`). */
export function buildQuality({ bugs, sentryIssues, stored, board, now }: QualityInputs): Quality {
  const sentry = new Map(
    (sentryIssues ?? []).map((i) => [i.id, { firstSeen: new Date(i.firstSeen), firstRelease: i.firstReleaseVersion }]),
  );
  const ticketResolved = new Map(bugs.map((b) => [b.key, b.resolvedAt]));
  const defects = stored.links.map((link) => toEscapedDefect(link, sentry, ticketResolved));

  const inProject = ofProject(board?.projectKey ?? null);
  const sprints = board
    ? stored.snapshots
        .filter((s) => s.boardId === board.id)
        .map(toSprintInput)
        .sort((a, b) => b.end.getTime() - a.end.getTime())
    : [];
  const critical = sentryIssues?.filter((i) => i.severity === "critical") ?? null;

  return {
    sprints: sprintQualityRows(
      sprints,
      bugs.filter((b) => inProject(b.key)),
      defects.filter((d) => inProject(d.jiraIssueKey)),
    ),
    releases: releaseQualityRows(releaseWindows(stored.deploys satisfies ReleaseDeploy[], now), bugs, defects),
    critical: critical
      ? {
          open: critical.length,
          meanAgeDays: meanOpenAgeDays(
            critical.map((i) => new Date(i.firstSeen)),
            now,
          ),
        }
      : null,
    overall: { ...timeToFix(defects), escapedDefects: defects.length },
  };
}
