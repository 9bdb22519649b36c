import type { ReleaseScorecard } from "@/lib/domain/performance";

/**
 * What release notes are made of: the Jira issues whose fixVersion is the
 * release, Sentry's health for the release of the same name, and the Sentry
 * issues still open in it.
 */
export type StatusCategory = "new" | "indeterminate" | "done";

export type ReleaseIssue = {
  key: string;
  summary: string;
  /** Jira issue type name: Story, Task, Bug, Epic, Subtask, Improvement, New Feature… */
  type: string;
  statusName: string;
  statusCategory: StatusCategory;
  labels: string[];
  components: string[];
  epic: { key: string; summary: string } | null;
};

export type ReleaseHealth = {
  /** Percent, 0–100; null when Sentry has no sessions for the release. */
  crashFreeSessions: number | null;
  /** Percent, 0–100; null when Sentry has no users for the release. */
  crashFreeUsers: number | null;
  /** Percent of sessions. */
  adoption: number | null;
  sessions: number;
  /** The release against the previous one, when Sentry's scorecard could be read (internal notes show it). */
  scorecard?: ReleaseScorecard | null;
};

export type KnownIssue = { shortId: string; title: string; permalink: string; users: number; events: number };

/** For an unreleased version: when its open work is likely done, from Bosun's forecast over the board's past sprints. */
export type ReleaseForecast = { board: string; openIssues: number; p50: string; p85: string };

export type ReleaseNotesInput = {
  version: string;
  /** YYYY-MM-DD */
  releaseDate: string | null;
  released: boolean;
  /** e.g. https://acme.atlassian.net/browse; key links are `${jiraBrowseUrl}/${key}`. */
  jiraBrowseUrl: string;
  issues: ReleaseIssue[];
  health: ReleaseHealth | null;
  knownIssues: KnownIssue[];
  /** Internal notes of an unreleased version show it; absent when it cannot be forecast. */
  forecast?: ReleaseForecast | null;
};

export type ReleaseNotesCounts = {
  features: number;
  improvements: number;
  fixes: number;
  /** Done issues the customer variant left out for an excluded label. */
  excluded: number;
  /** Issues not done yet: marked in the internal variant, left out of the customer one. */
  notDone: number;
};

export type ReleaseNotes = { markdown: string; title: string; counts: ReleaseNotesCounts };
