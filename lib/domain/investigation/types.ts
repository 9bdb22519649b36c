/**
 * The investigation report of one Sentry issue: everything a developer needs
 * to start on it, gathered from Sentry, ownership rules and Bosun's own links.
 * Plain data (no Dates) so it caches as JSON and crosses to client components.
 */

export type ReportFrame = {
  filename: string | null;
  absPath: string | null;
  module: string | null;
  function: string | null;
  lineNo: number | null;
  colNo: number | null;
  inApp: boolean;
};

export type ReportException = {
  type: string;
  value: string;
  /** e.g. "onerror", "generic"; null when the SDK did not say. */
  mechanism: string | null;
  handled: boolean | null;
  /** Innermost last, as Sentry lists frames. */
  frames: ReportFrame[];
};

export type ReportBreadcrumb = {
  timestamp: string | null;
  type: string | null;
  category: string | null;
  level: string | null;
  message: string | null;
  /** Flattened `data` (e.g. method, url, status_code) as text. */
  data: { key: string; value: string }[];
};

export type ReportEvent = {
  eventId: string;
  dateCreated: string | null;
  release: string | null;
  environment: string | null;
  /** Outermost exception first (Sentry's order); the last one is what was thrown. */
  exceptions: ReportException[];
  /** Oldest first, the error's own crumb (if any) last. */
  breadcrumbs: ReportBreadcrumb[];
  request: { method: string | null; url: string | null } | null;
  tags: { key: string; value: string }[];
  /** Whom it happened to, as Sentry recorded it (shown on the page only to members; scrubbed elsewhere). */
  user: { id: string | null; email: string | null; ipAddress: string | null } | null;
};

export type TagValue = { value: string; name: string; count: number; lastSeen: string | null };
export type TagBreakdown = { key: string; name: string; totalValues: number; topValues: TagValue[] };

export type SeriesPoint = { at: string; count: number };

export type CommitAuthor = { name: string | null; email: string | null };

export type SuspectCommit = {
  id: string;
  message: string;
  author: CommitAuthor | null;
  dateCreated: string | null;
  /** The release the commit shipped in, when known. */
  release: string | null;
  /** From release files: higher is more suspect (5 for the innermost matching frame, then 4, …); null from Sentry's committers. */
  score: number | null;
  source: "sentry-committers" | "release-files";
  /** One sentence on why it is a suspect. */
  why: string;
};

export type SimilarIssue = {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  status: string;
  eventCount: number;
  lastSeen: string;
  /** What makes it similar. */
  reason: "culprit" | "fingerprint";
};

export type ReportOwner = { name: string; email: string };

export type InvestigationIssue = {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  level: string;
  status: string;
  permalink: string;
  projectSlug: string;
  eventCount: number;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  firstRelease: string | null;
  lastRelease: string | null;
};

export type InvestigationReport = {
  issue: InvestigationIssue;
  latestEvent: ReportEvent | null;
  /** Release, environment, browser, OS, URL and transaction, over the issue's lifetime. */
  tags: TagBreakdown[];
  /** Events per hour (last 24 h) and per day (last 30 days). */
  events: { last24h: SeriesPoint[]; last30d: SeriesPoint[] };
  /** Distinct users per day over the last 30 days, from the issue's own events; null when Sentry cannot say. */
  users: SeriesPoint[] | null;
  suspectCommits: SuspectCommit[];
  /** How the suspects were found, or why none were. */
  suspectNote: string;
  similarIssues: SimilarIssue[];
  owners: { owners: ReportOwner[]; rule: string | null; because: string } | null;
  jira: { key: string; url: string; status: string | null; statusCategory: string | null } | null;
  /** Parts that could not be read, by name, with the reason (the rest of the report still shows). */
  gaps: { part: string; reason: string }[];
  generatedAt: string;
};
