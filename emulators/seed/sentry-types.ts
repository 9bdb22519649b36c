import type { OrgSlug } from "./world";
import type { HourSeries } from "./sentry-series";

/**
 * The Sentry emulator's data model. Seed generation produces these records and
 * the emulator mutates them in place, so a reset simply builds a fresh set.
 */

export type IssueLevel = "fatal" | "error" | "warning" | "info";
export type IssueStatus = "unresolved" | "resolved" | "ignored";
export type IssueSubstatus =
  | "archived_until_escalating"
  | "archived_until_condition_met"
  | "archived_forever"
  | "escalating"
  | "ongoing"
  | "regressed"
  | "new";
export type IssuePriority = "low" | "medium" | "high";

export type SentryUser = { id: string; name: string; email: string; username: string };
export type SentryTeam = { id: string; slug: string; name: string };

export type SentryProject = {
  id: string;
  slug: string;
  name: string;
  platform: string;
  dateCreated: Date;
  dsnPublicKey: string;
  teamId: string;
};

export type SentryRelease = {
  id: number;
  version: string;
  dateCreated: Date;
  dateReleased: Date | null;
  commitCount: number;
  /** How many deploys the release has: always the number of its stored deploys. */
  deployCount: number;
  projectIds: string[];
  /** For a hotfix, the version it fixes (a failed deploy's release). */
  hotfixOf?: string;
};

/** A release's deploy to one environment (Sentry's Deploy). */
export type SentryDeploy = {
  id: string;
  version: string;
  environment: string;
  dateStarted: Date | null;
  dateFinished: Date;
  name: string | null;
  url: string | null;
  /** The projects it was deployed in (all of the release's unless the deploy named some). */
  projectIds: string[];
};

/** A stack frame in the SDK's (ingest) shape. */
export type IngestFrame = {
  filename?: string;
  function?: string;
  module?: string;
  lineno?: number;
  colno?: number;
  in_app?: boolean;
  abs_path?: string;
};

export type IngestException = {
  type?: string;
  value?: string;
  module?: string;
  mechanism?: { type?: string; handled?: boolean };
  stacktrace?: { frames?: IngestFrame[] };
};

/** An event as the SDK sends it (the subset the emulator keeps), plus where it landed. */
export type SentryEvent = {
  eventId: string;
  issueId: string;
  projectId: string;
  receivedMs: number;
  timestampMs: number;
  platform: string;
  level: IssueLevel;
  message: string;
  release: string | null;
  environment: string;
  user: { id?: string; email?: string; username?: string; ip_address?: string } | null;
  tags: [string, string][];
  exception: IngestException[];
  contexts: Record<string, unknown>;
  sdk: { name: string; version: string } | null;
  transaction: string | null;
  fingerprint: string[];
  /** What happened before the error, oldest first (SDK shape). */
  breadcrumbs?: IngestBreadcrumb[];
  /** The HTTP request the error happened in, if any (SDK shape). */
  request?: IngestRequest | null;
};

export type IngestBreadcrumb = {
  timestamp: number;
  type?: string;
  category?: string;
  level?: string;
  message?: string;
  data?: Record<string, unknown>;
};

export type IngestRequest = {
  url?: string;
  method?: string;
  query_string?: string;
  headers?: Record<string, string>;
  cookies?: string;
};

export type IssueAssignee = { type: "user" | "team"; id: string };

export type IssueActivity = {
  id: string;
  type: string;
  data: Record<string, unknown>;
  dateCreatedMs: number;
  userId: string | null;
};

export type SentryIssue = {
  id: string;
  shortId: string;
  projectId: string;
  groupHash: string;
  title: string;
  culprit: string;
  type: "error" | "default" | "generic";
  /** Issue category when not `error`: user feedback is an issue of its own category, hidden from default searches. */
  category?: "feedback";
  metadata: Record<string, unknown>;
  level: IssueLevel;
  status: IssueStatus;
  substatus: IssueSubstatus | null;
  statusDetails: Record<string, unknown>;
  priority: IssuePriority;
  firstSeenMs: number;
  lastSeenMs: number;
  /** Lifetime event count; always equals `series.total()`. */
  series: HourSeries;
  userCount: number;
  /** Known distinct users (only tracked for ingested events). */
  userIds: Set<string>;
  firstRelease: string | null;
  lastRelease: string | null;
  releases: Set<string>;
  environments: Set<string>;
  assignedTo: IssueAssignee | null;
  hasSeen: boolean;
  isBookmarked: boolean;
  isSubscribed: boolean;
  isPublic: boolean;
  isUnhandled: boolean;
  numComments: number;
  /** Set while the issue is in the "for review" inbox (reason code + when it entered). */
  inbox: { reason: number; dateAddedMs: number } | null;
  platform: string;
  logger: string | null;
  /** Events, oldest first. Seeded issues get their sample events on first read. */
  events: SentryEvent[];
  eventsLoaded: boolean;
  activity: IssueActivity[];
};

export type SessionSeries = {
  projectId: string;
  release: string;
  environment: string;
  total: HourSeries;
  errored: HourSeries;
  crashed: HourSeries;
  abnormal: HourSeries;
  users: HourSeries;
  erroredUsers: HourSeries;
  crashedUsers: HourSeries;
};

export type ProjectOutcomes = { accepted: HourSeries; filtered: HourSeries; rateLimited: HourSeries };

export type ExternalIssue = { id: string; issueId: string; serviceType: string; displayName: string; webUrl: string };

export type SentryInstallation = { uuid: string; appSlug: string; appUuid: string; sentryAppId: number };

export type SentryOrgData = {
  slug: OrgSlug;
  id: string;
  name: string;
  users: SentryUser[];
  team: SentryTeam;
  projects: SentryProject[];
  /** Oldest first, like world releases. */
  releases: SentryRelease[];
  issues: SentryIssue[];
  /** Every release's deploys, in the order they were recorded (the last one of a release is its `lastDeploy`). */
  deploys: SentryDeploy[];
  /**
   * User feedback issues (category `feedback`), kept apart from the error issues in the seed; the emulator's
   * store serves both as issues.
   */
  feedback: SentryIssue[];
  sessions: SessionSeries[];
  outcomes: Map<string, ProjectOutcomes>;
  installation: SentryInstallation;
  externalIssues: ExternalIssue[];
  /** Release that shipped a crash regression (crash-free sessions well below its predecessor). */
  regressedRelease: string;
  webhookSecret: string;
};

export type SentryData = { seed: number; nowMs: number; statsStartHour: number; orgs: SentryOrgData[] };
