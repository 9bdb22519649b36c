import "server-only";
import { z } from "zod";
import type {
  InvestigationIssue,
  ReportBreadcrumb,
  ReportEvent,
  ReportException,
  ReportFrame,
  SeriesPoint,
} from "@/lib/domain/investigation/types";

/**
 * Pure mapping from Sentry's event detail (`entries` of type exception,
 * breadcrumbs and request) and issue detail to the investigation report's
 * shapes. Sentry's answers are untrusted: unknown or malformed parts are
 * dropped, never thrown on, and long texts are clipped.
 */

const MAX_TEXT = 2_000;
const MAX_FRAMES = 200;
const MAX_BREADCRUMBS = 100;

const text = z
  .string()
  .nullish()
  .transform((s) => (s ? s.slice(0, MAX_TEXT) : null));
const int = z
  .number()
  .int()
  .nullish()
  .catch(null)
  .transform((n) => n ?? null);

const frameSchema = z.object({
  filename: text,
  absPath: text,
  module: text,
  function: text,
  lineNo: int,
  colNo: int,
  inApp: z.boolean().nullish().catch(false),
});

const exceptionSchema = z.object({
  type: text,
  value: text,
  mechanism: z.object({ type: text, handled: z.boolean().nullish() }).nullish().catch(null),
  stacktrace: z
    .object({ frames: z.array(z.unknown()).nullish() })
    .nullish()
    .catch(null),
});

const crumbSchema = z.object({
  timestamp: z.union([z.string(), z.number()]).nullish().catch(null),
  type: text,
  category: text,
  level: text,
  message: text,
  data: z.record(z.string(), z.unknown()).nullish().catch(null),
});

const eventSchema = z.object({
  eventID: z.string().optional(),
  id: z.string().optional(),
  dateCreated: text,
  entries: z
    .array(z.object({ type: z.string(), data: z.unknown() }).passthrough().catch({ type: "", data: null }))
    .catch([]),
  tags: z.array(z.object({ key: z.string(), value: z.string().nullish() }).catch({ key: "", value: null })).catch([]),
  user: z.object({ id: text, email: text, ip_address: text }).nullish().catch(null),
  release: z
    .union([z.object({ version: z.string() }), z.string()])
    .nullish()
    .catch(null),
});

function entry(entries: { type: string; data: unknown }[], type: string): unknown {
  return entries.find((e) => e.type === type)?.data ?? null;
}

function toFrame(raw: unknown): ReportFrame | null {
  const parsed = frameSchema.safeParse(raw);
  if (!parsed.success) return null;
  const f = parsed.data;
  return {
    filename: f.filename,
    absPath: f.absPath,
    module: f.module,
    function: f.function,
    lineNo: f.lineNo,
    colNo: f.colNo,
    inApp: f.inApp ?? false,
  };
}

function toException(raw: unknown): ReportException | null {
  const parsed = exceptionSchema.safeParse(raw);
  if (!parsed.success) return null;
  const e = parsed.data;
  const frames = (e.stacktrace?.frames ?? [])
    .slice(-MAX_FRAMES)
    .map(toFrame)
    .filter((f): f is ReportFrame => f !== null);
  return {
    type: e.type ?? "Error",
    value: e.value ?? "",
    mechanism: e.mechanism?.type ?? null,
    handled: e.mechanism?.handled ?? null,
    frames,
  };
}

function crumbTime(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const ms = typeof value === "number" ? value * 1000 : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function flatten(data: Record<string, unknown> | null | undefined): { key: string; value: string }[] {
  if (!data) return [];
  return Object.entries(data)
    .slice(0, 20)
    .map(([key, value]) => ({
      key,
      value: (typeof value === "string" ? value : (JSON.stringify(value) ?? "")).slice(0, 500),
    }));
}

function toBreadcrumb(raw: unknown): ReportBreadcrumb | null {
  const parsed = crumbSchema.safeParse(raw);
  if (!parsed.success) return null;
  const b = parsed.data;
  return {
    timestamp: crumbTime(b.timestamp),
    type: b.type,
    category: b.category,
    level: b.level,
    message: b.message,
    data: flatten(b.data),
  };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const obj = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Sentry's event detail → the report's event; null when it is not an event at all. */
export function toReportEvent(answer: unknown): ReportEvent | null {
  const parsed = eventSchema.safeParse(answer);
  if (!parsed.success) return null;
  const e = parsed.data;
  const eventId = e.eventID ?? e.id;
  if (!eventId) return null;
  const exceptions = list(obj(entry(e.entries, "exception")).values)
    .map(toException)
    .filter((x): x is ReportException => x !== null);
  const breadcrumbs = list(obj(entry(e.entries, "breadcrumbs")).values)
    .slice(-MAX_BREADCRUMBS)
    .map(toBreadcrumb)
    .filter((b): b is ReportBreadcrumb => b !== null);
  const request = obj(entry(e.entries, "request"));
  const tags = e.tags.filter((t) => t.key !== "").map((t) => ({ key: t.key, value: (t.value ?? "").slice(0, 500) }));
  const tag = (key: string) => tags.find((t) => t.key === key)?.value ?? null;
  const release = typeof e.release === "string" ? e.release : (e.release?.version ?? tag("release"));
  return {
    eventId,
    dateCreated: e.dateCreated,
    release: release || null,
    environment: tag("environment"),
    exceptions,
    breadcrumbs,
    request:
      Object.keys(request).length > 0
        ? {
            method: typeof request.method === "string" ? request.method : null,
            url: typeof request.url === "string" ? request.url.slice(0, MAX_TEXT) : null,
          }
        : null,
    tags,
    user: e.user ? { id: e.user.id, email: e.user.email, ipAddress: e.user.ip_address } : null,
  };
}

const pointsSchema = z.array(z.tuple([z.number(), z.number().nullable()])).catch([]);

const issueDetailSchema = z.object({
  id: z.string(),
  shortId: z.string(),
  title: z.string(),
  culprit: z.string().nullish(),
  level: z.string().nullish(),
  status: z.string().nullish(),
  permalink: z.string().nullish(),
  project: z.object({ slug: z.string() }),
  count: z.union([z.string(), z.number()]).nullish(),
  userCount: z.number().nullish(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  firstRelease: z.object({ version: z.string() }).nullish().catch(null),
  lastRelease: z.object({ version: z.string() }).nullish().catch(null),
  stats: z.record(z.string(), pointsSchema).nullish().catch(null),
});

export type IssueDetail = { issue: InvestigationIssue; last24h: SeriesPoint[]; last30d: SeriesPoint[] };

const toPoints = (points: [number, number | null][] | undefined): SeriesPoint[] =>
  (points ?? []).map(([ts, n]) => ({ at: new Date(ts * 1000).toISOString(), count: n ?? 0 }));

/** Sentry's issue detail → the report's issue and its event series; null when malformed. */
export function toIssueDetail(answer: unknown): IssueDetail | null {
  const parsed = issueDetailSchema.safeParse(answer);
  if (!parsed.success) return null;
  const i = parsed.data;
  return {
    issue: {
      id: i.id,
      shortId: i.shortId,
      title: i.title,
      culprit: i.culprit ?? "",
      level: i.level ?? "error",
      status: i.status ?? "unresolved",
      permalink: i.permalink ?? "",
      projectSlug: i.project.slug,
      eventCount: Number(i.count) || 0,
      userCount: i.userCount ?? 0,
      firstSeen: i.firstSeen,
      lastSeen: i.lastSeen,
      firstRelease: i.firstRelease?.version ?? null,
      lastRelease: i.lastRelease?.version ?? null,
    },
    last24h: toPoints(i.stats?.["24h"]),
    last30d: toPoints(i.stats?.["30d"]),
  };
}

const eventListSchema = z.array(
  z
    .object({
      dateCreated: z.string(),
      user: z
        .object({ id: z.string().nullish(), email: z.string().nullish(), ip_address: z.string().nullish() })
        .nullish(),
    })
    .nullable()
    .catch(null),
);

/** Sentry's event list → when each event happened and an opaque key for whom it happened to (null: unknown). */
export function toEventUsers(answer: unknown): { at: string; user: string | null }[] {
  const parsed = eventListSchema.safeParse(answer);
  if (!parsed.success) return [];
  return parsed.data
    .filter((e) => e !== null)
    .map((e) => ({ at: e.dateCreated, user: e.user?.id ?? e.user?.email ?? e.user?.ip_address ?? null }));
}
