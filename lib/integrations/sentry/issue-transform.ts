import "server-only";
import { z } from "zod";
import type { SentryIssueSummary, SentryReleaseSessions } from "./types";

/** Pure mapping from Sentry's issue and sessions answers to Bosun's types; malformed items are dropped. */

export const issueSchema = z.object({
  id: z.string(),
  shortId: z.string(),
  title: z.string(),
  culprit: z.string().nullish(),
  level: z.enum(["fatal", "error", "warning", "info", "debug", "sample"]).catch("error"),
  status: z.string(),
  substatus: z.string().nullish(),
  permalink: z.string().nullish(),
  project: z.object({ id: z.string(), slug: z.string() }),
  count: z.union([z.string(), z.number()]),
  userCount: z.number().nullish(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  firstRelease: z.object({ version: z.string() }).nullish(),
  assignedTo: z
    .object({ type: z.enum(["user", "team"]), id: z.string(), name: z.string(), email: z.string().nullish() })
    .nullish(),
  isUnhandled: z.boolean().nullish(),
});

export function toIssueSummary(answer: unknown): SentryIssueSummary | null {
  const parsed = issueSchema.safeParse(answer);
  if (!parsed.success) return null;
  const i = parsed.data;
  return {
    id: i.id,
    shortId: i.shortId,
    title: i.title,
    culprit: i.culprit ?? "",
    level: i.level,
    status: i.status,
    substatus: i.substatus ?? null,
    permalink: i.permalink ?? "",
    project: i.project,
    // Sentry sends the event count as a string.
    eventCount: Number(i.count) || 0,
    userCount: i.userCount ?? 0,
    firstSeen: i.firstSeen,
    lastSeen: i.lastSeen,
    firstReleaseVersion: i.firstRelease?.version ?? null,
    assignee: i.assignedTo
      ? { type: i.assignedTo.type, id: i.assignedTo.id, name: i.assignedTo.name, email: i.assignedTo.email ?? null }
      : null,
    isUnhandled: i.isUnhandled ?? false,
  };
}

const sessionsSchema = z.object({
  groups: z.array(
    z.object({
      by: z.object({ release: z.string() }),
      totals: z.record(z.string(), z.number().nullable()),
    }),
  ),
});

/** The sessions API grouped by release → one row per release (rates as percents). */
export function toReleaseSessions(answer: unknown): SentryReleaseSessions[] {
  const parsed = sessionsSchema.safeParse(answer);
  if (!parsed.success) return [];
  return parsed.data.groups.map(({ by, totals }) => {
    const totalSessions = totals["sum(session)"] ?? 0;
    const crashFreeSessionRate = totals["crash_free_rate(session)"] ?? null;
    return {
      version: by.release,
      totalSessions,
      crashedSessions: crashFreeSessionRate === null ? 0 : Math.round(totalSessions * (1 - crashFreeSessionRate)),
      totalUsers: totals["count_unique(user)"] ?? 0,
      crashFreeSessionRate: crashFreeSessionRate === null ? null : Math.round(crashFreeSessionRate * 10_000) / 100,
      crashFreeUserRate:
        totals["crash_free_rate(user)"] == null
          ? null
          : Math.round((totals["crash_free_rate(user)"] as number) * 10_000) / 100,
    };
  });
}
