import type { IngestException, SentryEvent, SentryIssue } from "../seed/sentry-types";
import { breadcrumbsEntry, requestEntry } from "./routes/events-entries";
import type { SerializeContext } from "./serialize-issue";
import { iso } from "./time-range";

/**
 * Event serializers: the short list shape, the full detail shape with
 * `entries`, and the raw SDK-like shape used in `event_alert` webhooks.
 */

function userOf(event: SentryEvent) {
  if (!event.user) return null;
  return {
    id: event.user.id ?? null,
    email: event.user.email ?? null,
    username: event.user.username ?? null,
    ip_address: event.user.ip_address ?? null,
    name: null,
    geo: null,
    data: null,
  };
}

function tagsOf(event: SentryEvent) {
  return event.tags.map(([key, value]) => ({ key, value, query: `${key}:"${value}"` }));
}

function location(event: SentryEvent): string | null {
  const frames = event.exception[0]?.stacktrace?.frames ?? [];
  return frames[frames.length - 1]?.filename ?? null;
}

function apiException(values: IngestException[]) {
  return values.map((ex) => ({
    type: ex.type ?? "Error",
    value: ex.value ?? "",
    module: ex.module ?? null,
    mechanism: ex.mechanism ?? null,
    threadId: null,
    rawStacktrace: null,
    stacktrace: ex.stacktrace
      ? {
          frames: (ex.stacktrace.frames ?? []).map((f) => ({
            filename: f.filename ?? null,
            absPath: f.abs_path ?? f.filename ?? null,
            module: f.module ?? null,
            function: f.function ?? null,
            lineNo: f.lineno ?? null,
            colNo: f.colno ?? null,
            inApp: f.in_app ?? false,
            context: [],
            vars: null,
          })),
          framesOmitted: null,
          registers: null,
          hasSystemFrames: (ex.stacktrace.frames ?? []).some((f) => !f.in_app),
        }
      : null,
  }));
}

export function eventListItem(issue: SentryIssue, event: SentryEvent) {
  return {
    id: event.eventId,
    "event.type": "error",
    groupID: issue.id,
    eventID: event.eventId,
    projectID: event.projectId,
    message: event.message || issue.title,
    title: issue.title,
    location: location(event),
    culprit: issue.culprit,
    user: userOf(event),
    tags: tagsOf(event),
    platform: event.platform,
    dateCreated: iso(event.timestampMs),
    crashFile: null,
    metadata: issue.metadata,
  };
}

export function eventDetail(
  ctx: SerializeContext,
  issue: SentryIssue,
  event: SentryEvent,
  previous: string | null,
  next: string | null,
) {
  const release = event.release ? ctx.org.releaseByVersion.get(event.release) : undefined;
  return {
    id: event.eventId,
    groupID: issue.id,
    eventID: event.eventId,
    projectID: event.projectId,
    message: event.message || null,
    title: issue.title,
    location: location(event),
    user: userOf(event),
    tags: tagsOf(event),
    platform: event.platform,
    dateReceived: iso(event.receivedMs),
    contexts: event.contexts,
    size: 2048,
    entries: [
      ...(event.exception.length > 0
        ? [
            {
              type: "exception",
              data: { values: apiException(event.exception), excOmitted: null, hasSystemFrames: true },
            },
          ]
        : []),
      ...[breadcrumbsEntry(event), requestEntry(event)].filter((entry) => entry !== null),
    ],
    dist: null,
    sdk: event.sdk,
    context: {},
    packages: {},
    type: "error",
    metadata: issue.metadata,
    errors: [],
    occurrence: null,
    _meta: {},
    crashFile: null,
    culprit: issue.culprit,
    dateCreated: iso(event.timestampMs),
    fingerprints: [issue.groupHash],
    groupingConfig: { id: "newstyle:2023-01-11", enhancements: "" },
    release: release
      ? {
          id: release.id,
          commitCount: release.commitCount,
          data: {},
          dateCreated: iso(release.dateCreated.getTime()),
          dateReleased: release.dateReleased ? iso(release.dateReleased.getTime()) : null,
          deployCount: release.deployCount,
          ref: null,
          lastCommit: null,
          lastDeploy: null,
          status: "open",
          url: null,
          userAgent: null,
          version: release.version,
          versionInfo: null,
        }
      : null,
    userReport: null,
    sdkUpdates: [],
    resolvedWith: [],
    nextEventID: next,
    previousEventID: previous,
  };
}

/** The event as `event_alert` webhooks carry it: SDK field names plus links. */
export function rawEvent(ctx: SerializeContext, issue: SentryIssue, event: SentryEvent) {
  const issueUrl = `${ctx.baseUrl}/api/0/organizations/${ctx.org.data.slug}/issues/${issue.id}/`;
  return {
    event_id: event.eventId,
    project: Number(event.projectId),
    release: event.release,
    dist: null,
    platform: event.platform,
    message: event.message,
    datetime: iso(event.timestampMs),
    timestamp: event.timestampMs / 1000,
    tags: event.tags,
    title: issue.title,
    culprit: issue.culprit,
    location: location(event),
    level: event.level,
    logger: issue.logger ?? "",
    environment: event.environment,
    type: "error",
    metadata: issue.metadata,
    fingerprint: event.fingerprint,
    exception: { values: event.exception },
    contexts: event.contexts,
    user: event.user,
    sdk: event.sdk,
    transaction: event.transaction,
    breadcrumbs: event.breadcrumbs ? { values: event.breadcrumbs } : undefined,
    request: event.request ?? undefined,
    issue_id: issue.id,
    issue_url: issueUrl,
    url: `${ctx.baseUrl}/api/0/projects/${ctx.org.data.slug}/${ctx.org.projectById.get(issue.projectId)?.slug}/events/${event.eventId}/`,
    web_url: `${ctx.baseUrl}/organizations/${ctx.org.data.slug}/issues/${issue.id}/events/${event.eventId}/`,
  };
}
