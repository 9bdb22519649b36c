import { z } from "zod";
import { findUnstorableText } from "@/lib/platform/security/find-unstorable-text";

export const userEventData = z.object({
  id: z.string(),
  email: z.string(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});

export const membershipEventData = z.object({
  id: z.string(),
  user_id: z.string(),
  organization_id: z.string(),
  status: z.enum(["active", "inactive", "pending"]),
  role: z.object({ slug: z.string() }).nullish(),
  directory_managed: z.boolean().optional(),
});

export const directoryUserEventData = z.object({
  id: z.string(),
  organization_id: z.string().nullish(),
  email: z.string().nullish(),
  emails: z.array(z.object({ primary: z.boolean().optional(), value: z.string() })).optional(),
  state: z.string(),
});

/** dsync.group.user_added / user_removed: a directory user joined or left a directory group. */
export const directoryGroupUserEventData = z.object({
  directory_id: z.string().nullish(),
  user: directoryUserEventData.partial({ state: true }),
  group: z.object({
    id: z.string().min(1).max(255),
    organization_id: z.string().nullish(),
    name: z.string().nullish(),
  }),
});

/** Where an event belongs, for recording the delivery against the right org (group events carry it on the group and user). */
export function eventOrganizationId(event: WorkosEvent): string | null {
  const { data } = event;
  const nested = (key: "group" | "user") => {
    const value = data[key];
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>).organization_id : undefined;
  };
  const value = data.organization_id ?? nested("group") ?? nested("user");
  return typeof value === "string" ? value : null;
}

export function primaryEmail(user: z.infer<typeof directoryUserEventData>): string | null {
  return user.email ?? user.emails?.find((e) => e.primary)?.value ?? user.emails?.[0]?.value ?? null;
}

/** WorkOS membership status → Bosun's. */
export function toMembershipStatus(status: "active" | "inactive" | "pending"): "active" | "deactivated" | "invited" {
  return status === "active" ? "active" : status === "inactive" ? "deactivated" : "invited";
}

export const fullName = (first?: string | null, last?: string | null, fallback = "") =>
  [first, last].filter(Boolean).join(" ") || fallback;

/** The data each event Bosun acts on must carry; other events are not read further. */
const EVENT_DATA = new Map<string, z.ZodType>(
  Object.entries({
    "user.created": userEventData,
    "user.updated": userEventData,
    "organization_membership.created": membershipEventData,
    "organization_membership.updated": membershipEventData,
    "organization_membership.deleted": membershipEventData,
    "dsync.user.updated": directoryUserEventData,
    "dsync.user.deleted": directoryUserEventData,
    "dsync.group.user_added": directoryGroupUserEventData,
    "dsync.group.user_removed": directoryGroupUserEventData,
  }),
);

/** Whether Bosun applies events of this type; the rest are recorded as ignored and never queued. */
export function actsOnEvent(name: string): boolean {
  return EVENT_DATA.has(name);
}

/** The shape of a WorkOS event; what a queued event, checked in full at intake, is read back with. */
export const workosEventEnvelope = z.object({
  // WorkOS ids and event names are short; the id is the delivery's indexed idempotency key.
  id: z.string().min(1).max(255),
  event: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()),
  // Events are applied in the order of this time, so it must be one.
  created_at: z
    .string()
    .max(100)
    .refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO 8601 date-time"),
});

/**
 * The WorkOS event envelope, with the data checked against its event type, so
 * a malformed event is refused (400, naming `data.<field>`) before it is
 * recorded, rather than failing while it is applied.
 */
export const workosEventSchema = workosEventEnvelope.superRefine((event, context) => {
  // Text PostgreSQL cannot store (NUL, broken Unicode) could not even be recorded.
  const unstorable = findUnstorableText(event);
  if (unstorable) context.addIssue({ code: "custom", path: unstorable.path.split("."), message: unstorable.message });
  // A Map, so an event named "constructor" finds nothing rather than Object.prototype's member.
  const parsed = EVENT_DATA.get(event.event)?.safeParse(event.data);
  for (const issue of parsed?.error?.issues ?? [])
    context.addIssue({ code: "custom", path: ["data", ...issue.path], message: issue.message });
});

export type WorkosEvent = z.infer<typeof workosEventSchema>;
