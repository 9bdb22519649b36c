import { z } from "zod";
import {
  FALLBACK_CHANNELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationEventName,
} from "./events";
import { isValidTimeZone } from "./time-zone";

export const channelSchema = z.enum(NOTIFICATION_CHANNELS, { error: 'must be "email", "in_app" or "off"' });

/** Per event, only the events someone chose; the rest follow the next level down. */
export const channelsSchema = z.partialRecord(z.enum(NOTIFICATION_EVENTS), channelSchema);
export type ChannelChoices = z.infer<typeof channelsSchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time as HH:MM (24-hour)");
export const timeZoneSchema = z
  .string()
  .min(1, "must name a time zone")
  .max(64)
  .refine(isValidTimeZone, "must be an IANA time zone such as Europe/Berlin");

/** `Organization.settings.notifications`: what members get until they choose for themselves. */
export const orgNotificationDefaultsSchema = z.object({
  channels: channelsSchema.default({}),
  digestOnly: z.boolean().default(false),
  weeklyDigest: z.boolean().default(true),
});
export type OrgNotificationDefaults = z.infer<typeof orgNotificationDefaultsSchema>;
export const EMPTY_ORG_DEFAULTS: OrgNotificationDefaults = orgNotificationDefaultsSchema.parse({});

/**
 * The org's defaults from its settings JSON. A section that does not validate
 * (hand-edited, older shape) counts as absent rather than stopping notifications.
 */
export function readOrgNotificationDefaults(settings: Record<string, unknown>): OrgNotificationDefaults {
  const parsed = orgNotificationDefaultsSchema.safeParse(settings.notifications ?? {});
  return parsed.success ? parsed.data : EMPTY_ORG_DEFAULTS;
}

/** A person's stored choices, as the preferences form edits them. */
export const personalPreferencesSchema = z
  .object({
    channels: channelsSchema,
    timeZone: timeZoneSchema,
    quietStart: clockTime.nullable(),
    quietEnd: clockTime.nullable(),
    digestOnly: z.boolean(),
    weeklyDigest: z.boolean(),
    unsubscribed: z.boolean(),
  })
  .refine((p) => (p.quietStart === null) === (p.quietEnd === null), {
    path: ["quietEnd"],
    message: "give both a start and an end for quiet hours, or neither",
  })
  .refine((p) => p.quietStart === null || p.quietStart !== p.quietEnd, {
    path: ["quietEnd"],
    message: "must differ from the start",
  });
export type PersonalPreferences = z.infer<typeof personalPreferencesSchema>;

/** A stored preference row's fields this logic reads; null when the person never saved any. */
export type StoredPreference = {
  channels: unknown;
  timeZone: string;
  quietStart: string | null;
  quietEnd: string | null;
  digestOnly: boolean;
  weeklyDigest: boolean;
  unsubscribedAt: Date | null;
};

/** The person's own choice, then the org default, then Bosun's fallback. */
export function resolveChannel({
  event,
  preference,
  orgDefaults,
}: {
  event: NotificationEventName;
  preference: StoredPreference | null;
  orgDefaults: OrgNotificationDefaults;
}): NotificationChannel {
  const own = channelsSchema.safeParse(preference?.channels ?? {});
  return (own.success ? own.data[event] : undefined) ?? orgDefaults.channels[event] ?? FALLBACK_CHANNELS[event];
}

export type Delivery = { inApp: boolean; email: boolean };

/** Whether this event reaches the person at all, and whether it should also go by e-mail. */
export function decideDelivery(input: {
  event: NotificationEventName;
  preference: StoredPreference | null;
  orgDefaults: OrgNotificationDefaults;
}): Delivery {
  const channel = resolveChannel(input);
  if (channel === "off") return { inApp: false, email: false };
  const unsubscribed = input.preference?.unsubscribedAt != null;
  return { inApp: true, email: channel === "email" && !unsubscribed };
}

/** Whether e-mails wait for the weekly digest, by the person's choice or else the org's. */
export function isDigestOnly(preference: StoredPreference | null, orgDefaults: OrgNotificationDefaults): boolean {
  return preference ? preference.digestOnly : orgDefaults.digestOnly;
}

/** Whether the person gets the Monday digest e-mail. */
export function wantsWeeklyDigest(preference: StoredPreference | null, orgDefaults: OrgNotificationDefaults): boolean {
  if (preference?.unsubscribedAt) return false;
  return preference
    ? preference.weeklyDigest || preference.digestOnly
    : orgDefaults.weeklyDigest || orgDefaults.digestOnly;
}
