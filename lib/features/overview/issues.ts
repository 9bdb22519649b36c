import "server-only";
import { issueDetailCacheKey } from "@/lib/features/investigation";
import { readCacheEntry } from "@/lib/db/queries/cache";
import { isRegressed, pickBreakingIssues, type PanelFreshness } from "@/lib/domain/overview";
import type { Severity } from "@/lib/domain/severity";
import { loadErrorsPage, type ClassifiedIssue, type ErrorFilters } from "@/lib/features/errors";
import type { IssueDetail } from "@/lib/integrations/sentry/events-transform";

export type BreakingIssue = {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  projectSlug: string;
  severity: Severity;
  isRegressed: boolean;
  userCount: number;
  eventCount: number;
  lastSeen: string;
  /** Events per hour over the last 24 hours, when Bosun holds the issue's detail from an earlier read; else null. */
  trend: number[] | null;
};

export type OverviewIssues =
  | { status: "not-connected" }
  | { status: "unavailable"; message: string }
  | { status: "ok"; issues: BreakingIssue[]; total: number; freshness: PanelFreshness };

/** How many breaking issues the panel lists; the rest are a link away on the errors page. */
export const BREAKING_ISSUES_SHOWN = 5;

/** The errors page's default view (its cache entry is the one a visit there fills, and the other way round). */
const DEFAULT_FILTERS: ErrorFilters = { period: "7d", sort: "severity" };

/**
 * The Critical and regressed Sentry issues, from the errors page's cached issue list. Each issue's trend comes
 * only from a detail Bosun already holds (an investigation report read it), at whatever age: the Overview never
 * asks Sentry for it.
 */
export async function loadOverviewIssues({
  orgId,
  requestId,
}: {
  orgId: string;
  requestId?: string;
}): Promise<OverviewIssues> {
  const page = await loadErrorsPage({ orgId, filters: DEFAULT_FILTERS, requestId });
  if (page.status !== "ok") return page;
  const { shown, total } = pickBreakingIssues(page.issues, BREAKING_ISSUES_SHOWN);
  const trends = await Promise.all(shown.map((issue) => readCachedTrend(orgId, issue.id)));
  return {
    status: "ok",
    issues: shown.map((issue, index) => toBreakingIssue(issue, trends[index] ?? null)),
    total,
    freshness: { fetchedAt: page.fetchedAt, stale: page.stale, error: page.error },
  };
}

function toBreakingIssue(issue: ClassifiedIssue, trend: number[] | null): BreakingIssue {
  return {
    id: issue.id,
    shortId: issue.shortId,
    title: issue.title,
    culprit: issue.culprit,
    projectSlug: issue.project.slug,
    severity: issue.severity,
    isRegressed: isRegressed(issue),
    userCount: issue.userCount,
    eventCount: issue.eventCount,
    lastSeen: issue.lastSeen,
    trend,
  };
}

async function readCachedTrend(orgId: string, issueId: string): Promise<number[] | null> {
  const entry = await readCacheEntry({ orgId, key: issueDetailCacheKey(issueId) });
  if (!entry?.changed) return null;
  const detail = entry.value as IssueDetail | null;
  const counts = detail?.last24h.map((point) => point.count) ?? [];
  return counts.length > 1 ? counts : null;
}
