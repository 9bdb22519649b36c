import { HOUR_MS, hourOf } from "../seed/sentry-series";
import type { SentryIssue, SentryProject } from "../seed/sentry-types";
import type { OrgState, SentryStore } from "./store";
import { iso } from "./time-range";

/**
 * Issue (group) serializers: the base shape shared by list, detail and
 * webhooks, the list extras (period counts, stats, lifetime, expand fields)
 * and the detail extras (activity, tags, releases).
 */

export type SerializeContext = { store: SentryStore; org: OrgState; baseUrl: string; nowMs: number };
export type HourRange = { startHour: number; endHour: number };

const DAY_HOURS = 24;

export function issueUrl(ctx: SerializeContext, issue: SentryIssue): string {
  return `${ctx.baseUrl}/organizations/${ctx.org.data.slug}/issues/${issue.id}/`;
}

export function serializeAssignee(org: OrgState, assignee: SentryIssue["assignedTo"]) {
  if (!assignee) return null;
  if (assignee.type === "team") return { type: "team", id: org.data.team.id, name: org.data.team.slug };
  const user = org.data.users.find((u) => u.id === assignee.id);
  return { type: "user", id: assignee.id, name: user?.name ?? assignee.id, email: user?.email ?? "" };
}

export function serializeProjectRef(project: SentryProject) {
  return { id: project.id, name: project.name, slug: project.slug, platform: project.platform };
}

export function periodUserCount(issue: SentryIssue, periodCount: number): number {
  const total = issue.series.total();
  if (periodCount <= 0 || total <= 0) return 0;
  if (periodCount >= total) return issue.userCount;
  return Math.max(1, Math.round((issue.userCount * periodCount) / total));
}

function linkedIssues(ctx: SerializeContext, issue: SentryIssue) {
  return ctx.org.data.externalIssues.filter((e) => e.issueId === issue.id);
}

/** `[[unix seconds, count], ...]` buckets of `bucketHours` each, ending with the current hour. */
export function statsPoints(
  issue: SentryIssue,
  nowMs: number,
  buckets: number,
  bucketHours: number,
): [number, number][] {
  const nowHour = hourOf(nowMs);
  const alignedEnd = bucketHours === DAY_HOURS ? Math.floor(nowHour / DAY_HOURS) * DAY_HOURS + DAY_HOURS : nowHour + 1;
  const points: [number, number][] = [];
  for (let b = buckets - 1; b >= 0; b--) {
    const end = alignedEnd - b * bucketHours;
    const start = end - bucketHours;
    points.push([(start * HOUR_MS) / 1000, issue.series.sum(start, end)]);
  }
  return points;
}

export function groupStats(
  issue: SentryIssue,
  nowMs: number,
  groupStatsPeriod: string,
  range: HourRange,
): Record<string, [number, number][]> {
  if (groupStatsPeriod === "") return {};
  if (groupStatsPeriod === "14d") return { "14d": statsPoints(issue, nowMs, 14, DAY_HOURS) };
  if (groupStatsPeriod === "auto") {
    const hours = range.endHour - range.startHour;
    const bucketHours = hours <= 48 ? 1 : hours <= 14 * DAY_HOURS ? 6 : DAY_HOURS;
    return { auto: statsPoints(issue, nowMs, Math.ceil(hours / bucketHours), bucketHours) };
  }
  return { "24h": statsPoints(issue, nowMs, 24, 1) };
}

export function baseIssue(ctx: SerializeContext, issue: SentryIssue) {
  const project = ctx.org.projectById.get(issue.projectId) as SentryProject;
  const linked = linkedIssues(ctx, issue);
  return {
    id: issue.id,
    shareId: issue.isPublic ? issue.groupHash.slice(0, 32) : null,
    shortId: issue.shortId,
    title: issue.title,
    culprit: issue.culprit,
    permalink: issueUrl(ctx, issue),
    logger: issue.logger,
    level: issue.level,
    status: issue.status,
    statusDetails: issue.statusDetails,
    substatus: issue.substatus,
    isPublic: issue.isPublic,
    platform: issue.platform,
    priority: issue.priority,
    priorityLockedAt: null as string | null,
    seerFixabilityScore: null,
    seerAutofixLastTriggered: null,
    seerExplorerAutofixLastTriggered: null,
    project: serializeProjectRef(project),
    type: issue.type,
    issueType: issue.category ?? "error",
    issueCategory: issue.category ?? "error",
    metadata: issue.metadata,
    numComments: issue.numComments,
    assignedTo: serializeAssignee(ctx.org, issue.assignedTo),
    isBookmarked: issue.isBookmarked,
    isSubscribed: issue.isSubscribed,
    subscriptionDetails: issue.isSubscribed ? { reason: issue.assignedTo ? "assigned" : "unknown" } : null,
    hasSeen: issue.hasSeen,
    annotations: linked.map((e) => ({ displayName: e.displayName, url: e.webUrl })),
    isUnhandled: issue.isUnhandled,
    count: String(issue.series.total()),
    userCount: issue.userCount,
    firstSeen: iso(issue.firstSeenMs),
    lastSeen: iso(issue.lastSeenMs),
    derivedData: {
      blocker: "",
      progress: "",
      status: "",
      viewCount: issue.hasSeen ? 1 : 0,
      hasOpenFixPr: false,
      isAssigned: issue.assignedTo !== null,
      hasRootCause: false,
      lastCompletedAutofixStep: "",
      lastProgressedAt: null,
    },
  };
}

function inboxOf(issue: SentryIssue) {
  if (!issue.inbox || issue.status !== "unresolved") return null;
  return { reason: issue.inbox.reason, reason_details: null, date_added: iso(issue.inbox.dateAddedMs) };
}

function ownersOf(ctx: SerializeContext, issue: SentryIssue) {
  // Every project's ownership rules route its issues to the org's one team.
  return { type: "ownershipRule", owner: `team:${ctx.org.data.team.id}`, date_added: iso(issue.firstSeenMs) };
}

function sentryAppIssues(ctx: SerializeContext, issue: SentryIssue) {
  return linkedIssues(ctx, issue).map((e) => ({
    id: e.id,
    issueId: e.issueId,
    serviceType: e.serviceType,
    displayName: e.displayName,
    webUrl: e.webUrl,
  }));
}

export type ListOptions = { range: HourRange; groupStatsPeriod: string; withFiltered: boolean; collapse: Set<string> };

export function listIssue(ctx: SerializeContext, issue: SentryIssue, options: ListOptions) {
  const base = baseIssue(ctx, issue);
  const periodCount = issue.series.sum(options.range.startHour, options.range.endHour);
  const periodUsers = periodUserCount(issue, periodCount);
  const stats = groupStats(issue, ctx.nowMs, options.groupStatsPeriod, options.range);
  const lifetime = {
    count: base.count,
    userCount: issue.userCount,
    firstSeen: base.firstSeen,
    lastSeen: base.lastSeen,
    stats: null,
  };
  const row: Record<string, unknown> = {
    ...base,
    count: String(periodCount),
    userCount: periodUsers,
    stats,
    lifetime,
    filtered: options.withFiltered
      ? {
          count: String(periodCount),
          userCount: periodUsers,
          firstSeen: base.firstSeen,
          lastSeen: base.lastSeen,
          stats,
        }
      : null,
    sessionCount: 0,
    inbox: inboxOf(issue),
    owners: ownersOf(ctx, issue),
    integrationIssues: [],
    sentryAppIssues: sentryAppIssues(ctx, issue),
    latestEventHasAttachments: false,
    matchingEventId: null,
    matchingEventEnvironment: null,
  };
  if (options.collapse.has("stats")) delete row.stats;
  if (options.collapse.has("lifetime")) delete row.lifetime;
  if (options.collapse.has("filtered")) delete row.filtered;
  if (options.collapse.has("unhandled")) delete row.isUnhandled;
  return row;
}

function releaseRef(ctx: SerializeContext, version: string | null) {
  if (!version) return null;
  const release = ctx.org.releaseByVersion.get(version);
  if (!release) return null;
  return {
    id: release.id,
    version: release.version,
    shortVersion: release.version,
    dateCreated: iso(release.dateCreated.getTime()),
    dateReleased: release.dateReleased ? iso(release.dateReleased.getTime()) : null,
    ref: null,
    url: null,
  };
}

function tagSummary(key: string, name: string, values: Map<string, number>, issue: SentryIssue) {
  const topValues = [...values]
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => ({
      key,
      name: value,
      value,
      count,
      firstSeen: iso(issue.firstSeenMs),
      lastSeen: iso(issue.lastSeenMs),
    }));
  return { key, name, totalValues: topValues.reduce((n, v) => n + v.count, 0), topValues };
}

export function detailIssue(ctx: SerializeContext, issue: SentryIssue) {
  const base = baseIssue(ctx, issue);
  const total = issue.series.total();
  const envs = [...issue.environments];
  const envCounts = new Map(
    envs.map((env, i) => [
      env,
      i === 0 ? total - Math.floor(total * 0.1) * (envs.length - 1) : Math.floor(total * 0.1),
    ]),
  );
  const firstSeen = {
    id: `${issue.id}-first`,
    type: "first_seen",
    data: {},
    dateCreated: iso(issue.firstSeenMs),
    user: null,
  };
  const activity = [...issue.activity].reverse().map((a) => {
    const user = a.userId ? ctx.org.data.users.find((u) => u.id === a.userId) : undefined;
    return {
      id: a.id,
      type: a.type,
      data: a.data,
      dateCreated: iso(a.dateCreatedMs),
      user: user ? { id: user.id, name: user.name, email: user.email, username: user.username } : null,
    };
  });
  const assignee =
    issue.assignedTo?.type === "user" ? ctx.org.data.users.find((u) => u.id === issue.assignedTo?.id) : undefined;
  const me = ctx.store.tokenUser(ctx.org);
  return {
    ...base,
    firstRelease: releaseRef(ctx, issue.firstRelease),
    lastRelease: releaseRef(ctx, issue.lastRelease),
    tags: [
      tagSummary("environment", "Environment", envCounts, issue),
      tagSummary("level", "Level", new Map([[issue.level, total]]), issue),
    ],
    stats: { "24h": statsPoints(issue, ctx.nowMs, 24, 1), "30d": statsPoints(issue, ctx.nowMs, 30, DAY_HOURS) },
    inbox: inboxOf(issue),
    owners: [ownersOf(ctx, issue)],
    integrationIssues: [],
    sentryAppIssues: sentryAppIssues(ctx, issue),
    latestEventHasAttachments: false,
    activity: [...activity, firstSeen],
    seenBy: issue.hasSeen
      ? [{ id: me.id, name: me.name, email: me.email, username: me.username, lastSeen: iso(issue.lastSeenMs) }]
      : [],
    userReportCount: 0,
    participants: assignee
      ? [{ id: assignee.id, name: assignee.name, email: assignee.email, username: assignee.username }]
      : [],
  };
}
