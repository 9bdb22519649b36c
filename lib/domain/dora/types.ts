/** The histories the four keys are computed from, in Bosun's own shapes (stored in PostgreSQL, read from Sentry). */

export type DoraDeploy = {
  /** Stable id (Sentry's deploy id) so the page can link a failure to its deploy. */
  id: string;
  version: string;
  environment: string;
  dateFinished: Date;
  /** The release's projects: a deploy ships the whole release. */
  projects: string[];
};

export type DoraCommit = { version: string; sha: string; committedAt: Date | null };

export type DoraPullRequest = {
  repo: string;
  number: number;
  mergeCommitSha: string | null;
  headSha: string | null;
  openedAt: Date;
  mergedAt: Date | null;
};

export type DoraIncidentKind = "crash_regression" | "performance_regression" | "critical_issue" | "rollback";

export type DoraIncident = {
  kind: DoraIncidentKind;
  version: string;
  environment: string;
  project: string | null;
  startedAt: Date;
  resolvedAt: Date | null;
  summary: string;
};

export type DoraWindowDays = 30 | 90 | 180;

export type DoraOptions = {
  /** Default "production". */
  environment?: string;
  project?: string | null;
  windowDays: DoraWindowDays;
  now: Date;
  /** How long after a deploy a failure still counts against it. Default 24. */
  failureWindowHours?: number;
};

export type DoraHistory = {
  deploys: DoraDeploy[];
  commits: DoraCommit[];
  pullRequests: DoraPullRequest[];
  incidents: DoraIncident[];
};

export type DoraBand = "elite" | "high" | "medium" | "low";

/** What made a deploy count as failed: a stored incident, or a pattern in the deploys themselves. */
export type FailureKind = DoraIncidentKind | "redeploy_rollback" | "hotfix";

export type DoraFailure = {
  kind: FailureKind;
  /** The version the failure was seen in (the incident's release, or the deploy rolled back / hotfixed). */
  version: string;
  project: string | null;
  startedAt: Date;
  resolvedAt: Date | null;
  summary: string;
  /** The deploy it is attributed to: the latest deploy in the environment finished at or before its start. */
  deployId: string | null;
  /** Whether it counts against that deploy (it started within the failure window after it). */
  counted: boolean;
  /** Why not, when it does not count. */
  notCountedBecause: string | null;
};

export type CountedDeploy = DoraDeploy & {
  failed: boolean;
  failures: DoraFailure[];
  /** Hours from the first counted failure to recovery; null when not failed or not yet recovered. */
  recoveryHours: number | null;
  /** How recovery ended: the next healthy deploy's version, "resolved", or null. */
  recoveredBy: string | null;
};

export type LeadTimeSample = {
  sha: string;
  version: string;
  committedAt: Date;
  deployId: string;
  deployedAt: Date;
  hours: number;
  pullRequest: {
    repo: string;
    number: number;
    openToMergeHours: number | null;
    mergeToDeployHours: number | null;
  } | null;
};

export type ExclusionReason =
  | "commit_without_time"
  | "release_not_deployed"
  | "commit_after_deploy"
  | "failure_other_environment"
  | "failure_before_any_deploy"
  | "failure_outside_window"
  | "recovery_ongoing";

export type Exclusion = { reason: ExclusionReason; label: string; count: number; examples: string[] };

export type Summary = {
  deployments: number;
  deploymentFrequencyPerWeek: number;
  leadTimeHours: { p50: number | null; p85: number | null; samples: number };
  stages: {
    openToMergeHours: { p50: number | null; samples: number };
    mergeToDeployHours: { p50: number | null; samples: number };
  };
  changeFailureRate: number | null;
  failedDeployments: number;
  recoveryHours: { p50: number | null; samples: number };
  bands: {
    deploymentFrequency: DoraBand | null;
    leadTime: DoraBand | null;
    changeFailureRate: DoraBand | null;
    recovery: DoraBand | null;
  };
};

export type DoraWeek = {
  /** Start of the week (inclusive); the last week ends at `now`. */
  from: Date;
  to: Date;
  deployments: number;
  leadTimeP50Hours: number | null;
  changeFailureRate: number | null;
  recoveryP50Hours: number | null;
};

export type DoraReport = {
  environment: string;
  project: string | null;
  window: { from: Date; to: Date; days: DoraWindowDays };
  failureWindowHours: number;
  summary: Summary;
  weeks: DoraWeek[];
  projects: ({ project: string } & Summary)[];
  deploys: CountedDeploy[];
  failures: DoraFailure[];
  leadTimes: LeadTimeSample[];
  exclusions: Exclusion[];
};
