import "server-only";
import { findTicketForSentryIssue } from "@/lib/db/queries/ticket-links";
import type { OwnershipFacts } from "@/lib/domain/ownership/facts";
import { usersPerDay } from "@/lib/domain/investigation/series";
import type { InvestigationReport, ReportEvent, TagBreakdown } from "@/lib/domain/investigation/types";
import { ownersOfIssue } from "@/lib/features/ownership";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { getJiraConfig, getSentryConfig } from "@/lib/integrations/connections";
import { readIssuesByKey } from "@/lib/integrations/jira/reads";
import { getLatestEvent, listRecentEventUsers } from "@/lib/integrations/sentry/events";
import { findIssuesWithCulprit, getIssueDetail } from "@/lib/integrations/sentry/issue-detail";
import { getIssueTag } from "@/lib/integrations/sentry/tags";
import { readThrough } from "@/lib/platform/cache/read-through";
import { findSuspects } from "./suspects";

/**
 * The investigation report of one Sentry issue, read with the fewest
 * requests: the issue, its latest event, its tag breakdown (one request per
 * key, all at once), recent events' users and the ticket link all start
 * together; then suspect commits, similar issues, owners and the Jira status,
 * which need the first answers, start together too. Every Sentry read is
 * cached per org (lib/platform/cache/read-through), so a report opened again
 * within minutes costs no upstream request. A part Sentry or Jira cannot give
 * is listed in `gaps`, and the rest still shows.
 */

/** Where an issue's Sentry detail is cached; the Overview reads an issue's trend from it without asking Sentry. */
export const issueDetailCacheKey = (issueId: string) => `sentry:issue:${issueId}:detail`;

export const TTL_MS = 2 * 60_000;
/** The tag keys the report breaks the issue down by. */
export const TAG_KEYS = ["release", "environment", "browser", "os", "url", "transaction"] as const;
/** Sentry issue ids are numbers; short ids (WEB-1A) are letters, digits and dashes. */
const ISSUE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export type InvestigationPage =
  | { status: "not-connected" }
  | { status: "not-found" }
  | { status: "unavailable"; message: string }
  /** `facts`: what ownership rules match on in the latest event, for ticket routing; null without an event. */
  | { status: "ok"; report: InvestigationReport; stale: boolean; facts: OwnershipFacts | null };

type Gap = InvestigationReport["gaps"][number];

/** Runs one part of the report; an integration failure becomes a gap, anything else is a bug and throws. */
async function part<T>(gaps: Gap[], name: string, run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    gaps.push({ part: name, reason: error.message });
    return fallback;
  }
}

/** Which Sentry issue to read for an org, and the request id the reads carry. */
export type IssueRead = { orgId: string; issueId: string; requestId?: string };

export async function loadInvestigation({
  orgId,
  issueId,
  requestId,
  now = new Date(),
}: IssueRead & { now?: Date }): Promise<InvestigationPage> {
  if (!ISSUE_ID.test(issueId)) return { status: "not-found" };
  const config = await getSentryConfig({ orgId, requestId });
  if (!config) return { status: "not-connected" };
  const gaps: Gap[] = [];
  const cached = <T>(key: string, load: () => Promise<T>) =>
    readThrough({ orgId, key: `sentry:issue:${issueId}:${key}`, ttlMs: TTL_MS, load });

  const detailRead = cached("detail", () => getIssueDetail(config, issueId));
  const eventRead = part(
    gaps,
    "latest event",
    async () => (await cached("latest-event", () => getLatestEvent(config, issueId))).value,
    null,
  );
  const tagsRead = part(
    gaps,
    "tags",
    async () =>
      (
        await cached("tags", async () =>
          (await Promise.all(TAG_KEYS.map((key) => getIssueTag(config, issueId, key)))).filter(
            (t): t is TagBreakdown => t !== null,
          ),
        )
      ).value,
    [],
  );
  const usersRead = part(
    gaps,
    "users over time",
    async () => (await cached("event-users", () => listRecentEventUsers(config, issueId))).value,
    null,
  );
  const linkRead = findTicketForSentryIssue({ orgId, sentryIssueId: issueId });

  let detail;
  try {
    detail = await detailRead;
  } catch (error) {
    // Nothing else is worth showing without the issue; let the concurrent reads settle first.
    await Promise.allSettled([eventRead, tagsRead, usersRead, linkRead]);
    if (error instanceof IntegrationError) return { status: "unavailable", message: integrationErrorText(error) };
    throw error;
  }
  if (!detail.value) {
    await Promise.allSettled([eventRead, tagsRead, usersRead, linkRead]);
    return { status: "not-found" };
  }
  const { issue, last24h, last30d } = detail.value;
  const [latest, tags, users, link] = await Promise.all([eventRead, tagsRead, usersRead, linkRead]);
  const event: ReportEvent | null = latest?.event ?? null;

  const [suspects, similarIssues, owners, jira] = await Promise.all([
    part(gaps, "suspect commits", () => findSuspects({ orgId, config, issue, event }), {
      suspects: [],
      note: "Suspect commits could not be read from Sentry.",
    }),
    part(
      gaps,
      "similar issues",
      async () =>
        (await cached("similar", () => findIssuesWithCulprit(config, { issueId: issue.id, culprit: issue.culprit })))
          .value,
      [],
    ),
    ownersOf(orgId, issue.projectSlug, latest?.facts ?? null),
    link ? part(gaps, "Jira ticket", () => jiraTicket(orgId, link.jiraIssueKey, requestId), null) : null,
  ]);

  return {
    status: "ok",
    stale: detail.stale,
    facts: latest?.facts ?? null,
    report: {
      issue,
      latestEvent: event,
      tags: sortTags(tags),
      events: { last24h, last30d },
      users: users ? usersPerDay(users.events, now) : null,
      suspectCommits: suspects.suspects,
      suspectNote: suspects.note,
      similarIssues,
      owners,
      jira,
      gaps,
      generatedAt: now.toISOString(),
    },
  };
}

function sortTags(tags: TagBreakdown[]): TagBreakdown[] {
  const order = (key: string) => TAG_KEYS.indexOf(key as (typeof TAG_KEYS)[number]);
  return [...tags].sort((a, b) => order(a.key) - order(b.key));
}

async function ownersOf(orgId: string, projectSlug: string, facts: OwnershipFacts | null) {
  if (!facts) return null;
  const verdict = await ownersOfIssue({ orgId, projectSlug, facts });
  return {
    owners: verdict.owners.map((o) => ({ name: o.name, email: o.email })),
    rule: verdict.rule,
    because: verdict.because,
  };
}

async function jiraTicket(orgId: string, key: string, requestId?: string) {
  const config = await getJiraConfig({ orgId, requestId });
  const url = config ? `${config.siteUrl}/browse/${key}` : null;
  if (!config) return { key, url: "", status: null, statusCategory: null };
  const [item] = (await readIssuesByKey({ orgId, config, keys: [key], pointsField: null })).value;
  return { key, url: url ?? "", status: item?.status ?? null, statusCategory: item?.statusCategory ?? null };
}

/**
 * Whether Sentry knows the issue, from the same cached read the report starts
 * with (so asking first costs no extra request): lets the page answer a real
 * 404 before it starts streaming the report.
 */
export async function findInvestigatedIssue({
  orgId,
  issueId,
  requestId,
}: IssueRead): Promise<"found" | "not-found" | "unknown"> {
  if (!ISSUE_ID.test(issueId)) return "not-found";
  const config = await getSentryConfig({ orgId, requestId });
  if (!config) return "unknown";
  try {
    const detail = await readThrough({
      orgId,
      key: issueDetailCacheKey(issueId),
      ttlMs: TTL_MS,
      load: () => getIssueDetail(config, issueId),
    });
    return detail.value ? "found" : "not-found";
  } catch (error) {
    // Sentry not answering is the report's to explain, not a 404.
    if (error instanceof IntegrationError) return "unknown";
    throw error;
  }
}

/** The report, or null for an issue Sentry does not know (or no Sentry connection, or Sentry unavailable). */
export async function loadInvestigationReport(input: IssueRead): Promise<InvestigationReport | null> {
  const page = await loadInvestigation(input);
  return page.status === "ok" ? page.report : null;
}
