import "server-only";
import { ensurePreference, savePreference } from "@/lib/db/queries/notification-preferences";
import { getOrgSettings, setOrgSetting } from "@/lib/db/queries/organizations";
import {
  EMPTY_ORG_DEFAULTS,
  FALLBACK_CHANNELS,
  NOTIFICATION_EVENTS,
  channelsSchema,
  nextDigestSlot,
  readOrgNotificationDefaults,
  type ChannelChoices,
  type NotificationChannel,
  type NotificationEventName,
  type OrgNotificationDefaults,
  type PersonalPreferences,
} from "@/lib/domain/notifications";

/** Where the org's defaults live in Organization.settings. */
export const NOTIFICATION_SETTINGS_KEY = "notifications";

export type PreferencesView = {
  /** Per event: the person's own choice, or null to follow the org. */
  own: Record<NotificationEventName, NotificationChannel | null>;
  /** What "follow the org" means per event right now. */
  orgChannels: Record<NotificationEventName, NotificationChannel>;
  timeZone: string;
  quietStart: string | null;
  quietEnd: string | null;
  digestOnly: boolean;
  weeklyDigest: boolean;
  unsubscribed: boolean;
  nextDigestAt: string;
  orgDefaults: OrgNotificationDefaults;
};

export async function getOrgNotificationDefaults({ orgId }: { orgId: string }) {
  return readOrgNotificationDefaults(await getOrgSettings({ orgId }));
}

export async function loadPreferences({
  orgId,
  userId,
  now = new Date(),
}: {
  orgId: string;
  userId: string;
  now?: Date;
}): Promise<PreferencesView> {
  const orgDefaults = await getOrgNotificationDefaults({ orgId });
  const stored = await ensurePreference({ orgId, userId, defaults: orgDefaults });
  const parsed = channelsSchema.safeParse(stored.channels);
  const choices: ChannelChoices = parsed.success ? parsed.data : {};
  const own = Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, choices[e] ?? null])) as PreferencesView["own"];
  const orgChannels = Object.fromEntries(
    NOTIFICATION_EVENTS.map((e) => [e, orgDefaults.channels[e] ?? FALLBACK_CHANNELS[e]]),
  ) as PreferencesView["orgChannels"];
  return {
    own,
    orgChannels,
    timeZone: stored.timeZone,
    quietStart: stored.quietStart,
    quietEnd: stored.quietEnd,
    digestOnly: stored.digestOnly,
    weeklyDigest: stored.weeklyDigest,
    unsubscribed: stored.unsubscribedAt !== null,
    nextDigestAt: nextDigestSlot(now, stored.timeZone).toISOString(),
    orgDefaults,
  };
}

export async function savePreferences({
  orgId,
  userId,
  preferences,
}: {
  orgId: string;
  userId: string;
  preferences: PersonalPreferences;
}) {
  return savePreference({ orgId, userId, ...preferences });
}

/** Stores the org's defaults; returns them before and after, for the audit entry. */
export async function saveOrgNotificationDefaults({
  orgId,
  defaults,
}: {
  orgId: string;
  defaults: OrgNotificationDefaults;
}): Promise<{ before: OrgNotificationDefaults; after: OrgNotificationDefaults }> {
  const before = await getOrgNotificationDefaults({ orgId });
  await setOrgSetting({ orgId, key: NOTIFICATION_SETTINGS_KEY, value: defaults });
  return { before: before ?? EMPTY_ORG_DEFAULTS, after: defaults };
}
