import { z } from "zod";
import type { AutomationEvent } from "@/lib/domain/automations";

/**
 * The automation event intake stores with a delivery's job, as it comes back
 * from JSON. Intake made it from a body it had validated, so a mismatch here
 * means the stored copy is damaged, not that the sender erred. A Sentry issue
 * keeps every field intake read (the run log shows them), not only the facts
 * rules decide on.
 */
const sentryIssue = z.object({
  id: z.string(),
  shortId: z.string(),
  title: z.string(),
  culprit: z.string(),
  level: z.enum(["fatal", "error", "warning", "info", "debug", "sample"]),
  status: z.string(),
  substatus: z.string().nullable(),
  permalink: z.string(),
  project: z.object({ id: z.string(), slug: z.string() }),
  eventCount: z.number(),
  userCount: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  firstReleaseVersion: z.string().nullable(),
  assignee: z
    .object({ type: z.enum(["user", "team"]), id: z.string(), name: z.string(), email: z.string().nullable() })
    .nullable(),
  isUnhandled: z.boolean(),
});

export const automationEventSchema: z.ZodType<AutomationEvent> = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("sentry.issue"),
    action: z.enum(["created", "unresolved", "alert"]),
    issueId: z.string(),
    issue: sentryIssue.nullable(),
    release: z.string().nullable(),
  }),
  z.object({
    type: z.literal("sentry.metric_alert"),
    action: z.enum(["critical", "warning", "resolved"]),
    incidentId: z.string(),
    title: z.string(),
    description: z.string(),
    projects: z.array(z.string()),
    webUrl: z.string().nullable(),
  }),
  z.object({
    type: z.literal("release.health"),
    version: z.string(),
    crashFreeSessionRate: z.number().nullable(),
    totalSessions: z.number(),
    crashedSessions: z.number(),
  }),
  z.object({ type: z.literal("git.branch"), repo: z.string(), branch: z.string(), url: z.string() }),
  z.object({
    type: z.literal("git.pull_request"),
    action: z.enum(["opened", "merged", "closed", "updated"]),
    repo: z.string(),
    number: z.number().int(),
    title: z.string(),
    branch: z.string(),
    url: z.string(),
  }),
]);
