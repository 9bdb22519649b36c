import "server-only";
import { forgetCached, readThrough, type Cached } from "@/lib/platform/cache/read-through";
import { findSentryIssuesForJiraKey, listTicketLinks } from "@/lib/db/queries/ticket-links";
import { classifySeverity, compareSeverity, type Severity, severityInputFromIssue } from "@/lib/domain/severity";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { getSentryConfig } from "@/lib/integrations/connections";
import {
  errorSeries,
  listIssues,
  type ErrorSeries,
  type SentryClientConfig,
  type SentryIssueSummary,
} from "@/lib/integrations/sentry";
import { listEnvironments } from "@/lib/integrations/sentry/environments";
import { chooseEnvironment } from "./environment-filter";
import { getSeveritySettings } from "./severity-settings";

export type Period = "24h" | "7d" | "30d";
export type ErrorFilters = {
  period: Period;
  environment?: string;
  severity?: Severity;
  project?: string;
  search?: string;
  sort: "severity" | "users" | "events" | "lastSeen";
  /** Each sort's natural order is most urgent first ("desc"); "asc" turns it round. */
  dir?: "asc" | "desc";
};

export type ClassifiedIssue = SentryIssueSummary & { severity: Severity; reasons: string[]; jiraKey: string | null };

export type ErrorsPage =
  | { status: "not-connected" }
  | { status: "unavailable"; message: string }
  /** Only with `strictEnvironment`: the environment is not one Sentry lists, and nothing was read for it. */
  | { status: "invalid"; field: "environment"; message: string; environments: string[] }
  | {
      status: "ok";
      issues: ClassifiedIssue[];
      total: number;
      projects: { id: string; slug: string }[];
      /** The environments Sentry lists, for the filter. */
      environments: string[];
      /** An `environment` filter that was ignored because Sentry has no such environment. */
      ignoredEnvironment: string | null;
      series: ErrorSeries;
      fetchedAt: Date;
      stale: boolean;
      error: string | null;
      isComplete: boolean;
      reverseLookup: string | null;
    };

const TTL_MS = 2 * 60_000;
/** Environments come and go rarely. */
const ENVIRONMENTS_TTL_MS = 10 * 60_000;

/** The org's Sentry environments (cached under one key); an empty list when Sentry cannot say and nothing is cached. */
export async function readSentryEnvironments({
  orgId,
  config,
}: {
  orgId: string;
  config: SentryClientConfig;
}): Promise<string[]> {
  try {
    return (
      await readThrough({
        orgId,
        key: "sentry:environments",
        ttlMs: ENVIRONMENTS_TTL_MS,
        load: () => listEnvironments(config),
      })
    ).value;
  } catch (error) {
    if (error instanceof IntegrationError) return [];
    throw error;
  }
}
const JIRA_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;

const SORTS: Record<ErrorFilters["sort"], (a: ClassifiedIssue, b: ClassifiedIssue) => number> = {
  severity: (a, b) => compareSeverity(a.severity, b.severity) || b.userCount - a.userCount,
  users: (a, b) => b.userCount - a.userCount,
  events: (a, b) => b.eventCount - a.eventCount,
  lastSeen: (a, b) => b.lastSeen.localeCompare(a.lastSeen),
};

/**
 * The errors page: unresolved issues with their severity class and linked Jira
 * key, and the error rate by project. Both Sentry reads are cached per org and
 * filter set; a failed refresh keeps the last good data, marked stale.
 * Searching for a Jira key lists the Sentry issues linked to it.
 */
type LoadInput = {
  orgId: string;
  filters: ErrorFilters;
  force?: boolean;
  requestId?: string;
  /** Refuse an unknown environment (for API callers) instead of ignoring it and showing all (for the page). */
  strictEnvironment?: boolean;
};

export function loadErrorsPage(input: LoadInput & { strictEnvironment: true }): Promise<ErrorsPage>;
export function loadErrorsPage(
  input: LoadInput & { strictEnvironment?: false },
): Promise<Exclude<ErrorsPage, { status: "invalid" }>>;
export async function loadErrorsPage({
  orgId,
  filters: requested,
  force = false,
  requestId,
  strictEnvironment = false,
}: LoadInput): Promise<ErrorsPage> {
  const config = await getSentryConfig({ orgId, requestId });
  if (!config) return { status: "not-connected" };
  // Checked against Sentry's own list before any per-environment read: an unknown name never reaches Sentry or the cache.
  const environments = await readSentryEnvironments({ orgId, config });
  const choice = chooseEnvironment(requested.environment, environments);
  if (choice.kind === "unknown" && strictEnvironment) {
    return {
      status: "invalid",
      field: "environment",
      environments,
      message: `environment: Sentry has no environment named "${choice.name}"${environments.length ? ` (it has ${environments.join(", ")})` : ""}`,
    };
  }
  const filters: ErrorFilters = { ...requested, environment: choice.kind === "known" ? choice.name : undefined };
  let issues: Cached<{ issues: SentryIssueSummary[]; isComplete: boolean }>;
  let series: Cached<ErrorSeries>;
  try {
    const environment = filters.environment ?? "*";
    // 7 d and 30 d list the same 14-day window; keying by what is fetched lets them share one read.
    const issuesPeriod = filters.period === "24h" ? "24h" : "14d";
    issues = await readThrough({
      orgId,
      key: `sentry:issues:${issuesPeriod}:${environment}`,
      ttlMs: TTL_MS,
      force,
      load: () => listIssues(config, { statsPeriod: issuesPeriod, environment: filters.environment }),
    });
    const projectIds = [...new Set(issues.value.issues.map((i) => i.project.id))].sort();
    series = await readThrough({
      orgId,
      key: `sentry:series:${filters.period}:${environment}`,
      ttlMs: TTL_MS,
      force,
      load: () => errorSeries(config, { statsPeriod: filters.period, environment: filters.environment, projectIds }),
    });
  } catch (error) {
    if (error instanceof IntegrationError) return { status: "unavailable", message: integrationErrorText(error) };
    throw error;
  }

  const severitySettings = await getSeveritySettings({ orgId });
  const links = new Map(
    (await listTicketLinks({ orgId, sentryIssueIds: issues.value.issues.map((i) => i.id) })).map((l) => [
      l.sentryIssueId,
      l.jiraIssueKey,
    ]),
  );
  const classified: ClassifiedIssue[] = issues.value.issues.map((issue) => ({
    ...issue,
    ...classifySeverity(severityInputFromIssue(issue), severitySettings),
    jiraKey: links.get(issue.id) ?? null,
  }));

  const search = filters.search?.trim() ?? "";
  const reverseLookup = JIRA_KEY.test(search) ? search : null;
  const linkedIds = reverseLookup
    ? new Set((await findSentryIssuesForJiraKey({ orgId, jiraIssueKey: reverseLookup })).map((l) => l.sentryIssueId))
    : null;
  const needle = search.toLowerCase();
  const shown = classified
    .filter((i) =>
      linkedIds
        ? linkedIds.has(i.id)
        : !needle ||
          i.title.toLowerCase().includes(needle) ||
          i.culprit.toLowerCase().includes(needle) ||
          i.shortId.toLowerCase() === needle,
    )
    .filter((i) => !filters.severity || i.severity === filters.severity)
    .filter((i) => !filters.project || i.project.slug === filters.project)
    .sort(filters.dir === "asc" ? (a, b) => SORTS[filters.sort](b, a) : SORTS[filters.sort]);
  const projects = [
    ...new Map(classified.map((i) => [i.project.id, { id: i.project.id, slug: i.project.slug }])).values(),
  ].sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    status: "ok",
    issues: shown,
    total: classified.length,
    projects,
    environments,
    ignoredEnvironment: choice.kind === "unknown" ? choice.name : null,
    series: series.value,
    fetchedAt: new Date(Math.min(issues.fetchedAt.getTime(), series.fetchedAt.getTime())),
    stale: issues.stale || series.stale,
    error: issues.error ?? series.error,
    isComplete: issues.value.isComplete,
    reverseLookup,
  };
}

/** Forgets the cached lists after a write, so the page shows Sentry's new state. */
export async function invalidateErrors({ orgId }: { orgId: string }) {
  await forgetCached({ orgId, prefix: "sentry:issues:" });
}
