import { z } from "zod";
import type { AutomationEvent } from "@/lib/domain/automations";
import { automationEventSchema } from "@/lib/platform/webhooks/event-schema";

/**
 * The event a Sentry or GitHub delivery's job carries, as the delivery job reads it back: every
 * automation event, plus what the sync reads — a Sentry issue change, and a pull request with its
 * description (which the automation schema would drop).
 */
const sentryIssueChange = z.object({
  type: z.literal("sentry.issue_change"),
  action: z.enum(["resolved", "archived", "assigned", "comment"]),
  issueId: z.string(),
  shortId: z.string().nullable(),
  substatus: z.string().nullable(),
  ignoreUntil: z.string().nullable(),
  inNextRelease: z.boolean(),
  assignee: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
  comment: z.object({ id: z.string(), text: z.string() }).nullable(),
  actorName: z.string().nullable(),
  at: z.string().nullable(),
});

/** A pull request's description, which the automation schema does not list; absent on older jobs. */
const description = z.object({ body: z.string().nullable().optional() });

export const deliveryEventSchema: z.ZodType<AutomationEvent> = z.union([
  sentryIssueChange,
  z.intersection(automationEventSchema, description),
]);
