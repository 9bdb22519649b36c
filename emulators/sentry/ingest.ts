import { randomUUID } from "node:crypto";
import { groupHashOf, issueTitle, priorityFor, shortIdCode, INBOX_REASON } from "../seed/sentry-issues";
import { HourSeries, hourOf } from "../seed/sentry-series";
import type {
  IngestException,
  IngestFrame,
  IssueLevel,
  SentryEvent,
  SentryIssue,
  SentryProject,
} from "../seed/sentry-types";
import type { OrgState, SentryStore } from "./store";
import { breadcrumbsFromPayload, requestFromPayload } from "./routes/events-entries";

/**
 * Turns SDK payloads into state: error events are grouped into issues (by
 * `fingerprint`, else exception type + value + top frame) and counted in the
 * hourly stats; session updates and aggregates feed release health.
 */

const LEVELS = new Set<IssueLevel>(["fatal", "error", "warning", "info"]);
const MAX_EVENTS_PER_ISSUE = 100;
const DAY_MS = 86_400_000;
const PLATFORM_BY_PROJECT: Record<string, string> = {
  "javascript-nextjs": "javascript",
  node: "node",
  python: "python",
};

type Payload = Record<string, unknown>;
/** `regressed`: the event reopened a resolved issue, as Sentry's regression detection does. */
export type IngestedEvent = { issue: SentryIssue; event: SentryEvent; created: boolean; regressed: boolean };

function exceptionsOf(payload: Payload): IngestException[] {
  const raw = payload.exception as { values?: unknown } | unknown[] | undefined;
  const values = Array.isArray(raw) ? raw : Array.isArray(raw?.values) ? raw.values : [];
  return values.filter((v): v is IngestException => typeof v === "object" && v !== null);
}

function messageOf(payload: Payload): string {
  const logentry = payload.logentry as { formatted?: string; message?: string } | undefined;
  if (typeof payload.message === "string") return payload.message;
  return logentry?.formatted ?? logentry?.message ?? "";
}

function topFrame(exception: IngestException | undefined): IngestFrame | undefined {
  const frames = exception?.stacktrace?.frames ?? [];
  return [...frames].reverse().find((f) => f.in_app) ?? frames[frames.length - 1];
}

function timestampOf(payload: Payload, nowMs: number): number {
  const raw = payload.timestamp;
  const ms = typeof raw === "number" ? raw * 1000 : typeof raw === "string" ? Date.parse(raw) : Number.NaN;
  // SDK clocks and the emulator's clock may disagree; keep SDK times only when close.
  return Number.isFinite(ms) && Math.abs(ms - nowMs) < DAY_MS ? ms : nowMs;
}

function userKey(user: SentryEvent["user"]): string | null {
  if (!user) return null;
  return user.id ?? user.email ?? user.username ?? user.ip_address ?? null;
}

function tagsOf(payload: Payload, base: [string, string][]): [string, string][] {
  const raw = payload.tags;
  const extra: [string, string][] = Array.isArray(raw)
    ? raw
        .filter((t): t is [string, string] => Array.isArray(t) && t.length === 2)
        .map(([k, v]) => [String(k), String(v)])
    : raw && typeof raw === "object"
      ? Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, String(v)])
      : [];
  return [...base, ...extra.filter(([k]) => !base.some(([b]) => b === k))];
}

/** Returns null for events that carry neither an exception nor a message. */
export function ingestEvent(
  store: SentryStore,
  org: OrgState,
  project: SentryProject,
  payload: Payload,
): IngestedEvent | null {
  const exceptions = exceptionsOf(payload);
  const main = exceptions[exceptions.length - 1];
  const message = messageOf(payload);
  if (!main && !message) return null;
  const nowMs = store.now();
  const timestampMs = timestampOf(payload, nowMs);
  const frame = topFrame(main);
  const type = main?.type ?? "Error";
  const value = main?.value ?? "";
  const level: IssueLevel = LEVELS.has(payload.level as IssueLevel)
    ? (payload.level as IssueLevel)
    : main
      ? "error"
      : "info";
  const release = typeof payload.release === "string" && payload.release ? payload.release : null;
  const environment =
    typeof payload.environment === "string" && payload.environment ? payload.environment : "production";
  const defaultParts = main
    ? [project.id, type, value, frame?.function ?? "", frame?.filename ?? frame?.module ?? ""]
    : [project.id, "message", message];
  const fingerprint = Array.isArray(payload.fingerprint) ? payload.fingerprint.map(String) : ["{{ default }}"];
  const isDefault = fingerprint.length === 1 && fingerprint[0] === "{{ default }}";
  const groupHash = isDefault
    ? groupHashOf(defaultParts)
    : groupHashOf([project.id, ...fingerprint.flatMap((part) => (part === "{{ default }}" ? defaultParts : [part]))]);
  const user = payload.user && typeof payload.user === "object" ? (payload.user as SentryEvent["user"]) : null;
  const platform =
    typeof payload.platform === "string" ? payload.platform : (PLATFORM_BY_PROJECT[project.platform] ?? "other");
  const culprit =
    typeof payload.culprit === "string"
      ? payload.culprit
      : typeof payload.transaction === "string"
        ? payload.transaction
        : frame
          ? `${frame.filename ?? frame.module ?? "?"} in ${frame.function ?? "?"}`
          : "";
  const eventId =
    typeof payload.event_id === "string" && /^[0-9a-f]{32}$/i.test(payload.event_id.replace(/-/g, ""))
      ? payload.event_id.replace(/-/g, "").toLowerCase()
      : randomUUID().replace(/-/g, "");
  if (release) store.ensureRelease(org, release, project.id);
  const hour = hourOf(nowMs);

  let issue = org.issueByHash.get(`${project.id}:${groupHash}`);
  const created = !issue;
  let regressed = false;
  if (!issue) {
    const { id, seq } = store.nextIssueIdentity(org, project);
    issue = {
      id,
      shortId: `${project.slug.toUpperCase()}-${shortIdCode(seq)}`,
      projectId: project.id,
      groupHash,
      title: main ? issueTitle(type, value) : (message.split("\n")[0] ?? message),
      culprit,
      type: main ? "error" : "default",
      metadata: main
        ? {
            type,
            value,
            filename: frame?.filename ?? "",
            function: frame?.function ?? "",
            in_app_frame_mix: "in-app-only",
          }
        : { title: message },
      level,
      status: "unresolved",
      substatus: "new",
      statusDetails: {},
      priority: priorityFor(level, 1),
      firstSeenMs: timestampMs,
      lastSeenMs: timestampMs,
      series: new HourSeries(hour),
      userCount: 0,
      userIds: new Set(),
      firstRelease: release,
      lastRelease: release,
      releases: new Set(release ? [release] : []),
      environments: new Set([environment]),
      assignedTo: null,
      hasSeen: false,
      isBookmarked: false,
      isSubscribed: false,
      isPublic: false,
      isUnhandled: main?.mechanism?.handled === false,
      numComments: 0,
      inbox: { reason: INBOX_REASON.new, dateAddedMs: nowMs },
      platform,
      logger: typeof payload.logger === "string" ? payload.logger : null,
      events: [],
      eventsLoaded: true,
      activity: [],
    };
    store.addIssue(org, issue);
  } else {
    store.events(org, issue);
    if (issue.status === "resolved") {
      regressed = true;
      issue.status = "unresolved";
      issue.substatus = "regressed";
      issue.statusDetails = {};
      issue.inbox = { reason: INBOX_REASON.regression, dateAddedMs: nowMs };
    }
    issue.lastSeenMs = Math.max(issue.lastSeenMs, timestampMs);
    if (release) {
      issue.lastRelease = release;
      issue.releases.add(release);
    }
    issue.environments.add(environment);
  }
  issue.series.add(hour, 1);
  const key = userKey(user);
  if (key && !issue.userIds.has(key)) {
    issue.userIds.add(key);
    issue.userCount += 1;
  }
  const event: SentryEvent = {
    eventId,
    issueId: issue.id,
    projectId: project.id,
    receivedMs: nowMs,
    timestampMs,
    platform,
    level,
    message,
    release,
    environment,
    user,
    tags: tagsOf(payload, [
      ["environment", environment],
      ["level", level],
      ...(release ? [["release", release] as [string, string]] : []),
    ]),
    exception: exceptions,
    contexts:
      payload.contexts && typeof payload.contexts === "object" ? (payload.contexts as Record<string, unknown>) : {},
    sdk:
      payload.sdk && typeof payload.sdk === "object"
        ? { name: String((payload.sdk as Payload).name ?? ""), version: String((payload.sdk as Payload).version ?? "") }
        : null,
    transaction: typeof payload.transaction === "string" ? payload.transaction : null,
    fingerprint,
    breadcrumbs: breadcrumbsFromPayload(payload),
    request: requestFromPayload(payload),
  };
  issue.events.push(event);
  if (issue.events.length > MAX_EVENTS_PER_ISSUE) issue.events.splice(0, issue.events.length - MAX_EVENTS_PER_ISSUE);
  org.data.outcomes.get(project.id)?.accepted.add(hour, 1);
  store.touch();
  return { issue, event, created, regressed };
}

function sessionAttrs(payload: Payload): { release: string | null; environment: string } {
  const attrs = (payload.attrs ?? {}) as Payload;
  const release = typeof attrs.release === "string" && attrs.release ? attrs.release : null;
  const environment = typeof attrs.environment === "string" && attrs.environment ? attrs.environment : "production";
  return { release, environment };
}

function countUser(store: SentryStore, seriesKey: string, did: unknown): boolean {
  if (typeof did !== "string" || !did) return false;
  let users = store.sessionUsers.get(seriesKey);
  if (!users) store.sessionUsers.set(seriesKey, (users = new Set()));
  if (users.has(did)) return false;
  users.add(did);
  return true;
}

/** A `session` item: counted once when it starts, and once more when it errors, crashes or ends abnormally. */
export function ingestSession(store: SentryStore, org: OrgState, project: SentryProject, payload: Payload) {
  const { release, environment } = sessionAttrs(payload);
  if (!release || typeof payload.sid !== "string") return;
  store.ensureRelease(org, release, project.id);
  const hour = hourOf(store.now());
  const series = store.sessionSeries(org, project.id, release, environment, hour);
  const stateKey = `${project.id}|${payload.sid}`;
  let state = store.sessionStates.get(stateKey);
  if (!state) {
    state = { errored: false, crashed: false, abnormal: false };
    store.sessionStates.set(stateKey, state);
    series.total.add(hour, 1);
    if (countUser(store, `${project.id}|${release}|${environment}`, payload.did)) series.users.add(hour, 1);
  }
  const status = payload.status;
  const hasDid = typeof payload.did === "string";
  if (status === "crashed" && !state.crashed) {
    state.crashed = true;
    series.crashed.add(hour, 1);
    if (hasDid) series.crashedUsers.add(hour, 1);
    if (state.errored) {
      series.errored.add(hour, -1);
      if (hasDid) series.erroredUsers.add(hour, -1);
    }
  } else if (status === "abnormal" && !state.abnormal && !state.crashed) {
    state.abnormal = true;
    series.abnormal.add(hour, 1);
  } else if ((status === "errored" || Number(payload.errors ?? 0) > 0) && !state.errored && !state.crashed) {
    state.errored = true;
    series.errored.add(hour, 1);
    if (hasDid) series.erroredUsers.add(hour, 1);
  }
  store.touch();
}

/** A `sessions` item: pre-aggregated counts per start time (request-mode and browser SDKs). */
export function ingestSessionAggregates(store: SentryStore, org: OrgState, project: SentryProject, payload: Payload) {
  const { release, environment } = sessionAttrs(payload);
  if (!release || !Array.isArray(payload.aggregates)) return;
  store.ensureRelease(org, release, project.id);
  const hour = hourOf(store.now());
  const series = store.sessionSeries(org, project.id, release, environment, hour);
  for (const bucket of payload.aggregates as Payload[]) {
    const n = (key: string) =>
      typeof bucket[key] === "number" && (bucket[key] as number) > 0 ? (bucket[key] as number) : 0;
    const [exited, errored, abnormal, crashed] = [n("exited"), n("errored"), n("abnormal"), n("crashed")];
    series.total.add(hour, exited + errored + abnormal + crashed);
    series.errored.add(hour, errored);
    series.abnormal.add(hour, abnormal);
    series.crashed.add(hour, crashed);
    if (countUser(store, `${project.id}|${release}|${environment}`, bucket.did)) {
      series.users.add(hour, 1);
      if (crashed > 0) series.crashedUsers.add(hour, 1);
      else if (errored > 0) series.erroredUsers.add(hour, 1);
    }
  }
  store.touch();
}
