import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { JsonInput } from "@/lib/db/types";
import type { PersonalPreferences } from "@/lib/domain/notifications";

const PREFERENCE_FIELDS = {
  userId: true,
  channels: true,
  timeZone: true,
  quietStart: true,
  quietEnd: true,
  digestOnly: true,
  weeklyDigest: true,
  unsubscribedAt: true,
  unsubscribeToken: true,
  lastDigestAt: true,
  createdAt: true,
} as const;

/** 32 random bytes, URL-safe: the unsubscribe link is the only credential it needs. */
export const newUnsubscribeToken = () => randomBytes(32).toString("base64url");

/** The stored preferences of these people in the org (people who never saved any are absent). */
export async function listPreferences({ orgId, userIds }: { orgId: string; userIds: string[] }) {
  if (userIds.length === 0) return [];
  return db.notificationPreference.findMany({ where: { orgId, userId: { in: userIds } }, select: PREFERENCE_FIELDS });
}

export async function getPreference({ orgId, userId }: { orgId: string; userId: string }) {
  return db.notificationPreference.findUnique({
    where: { orgId_userId: { orgId, userId } },
    select: PREFERENCE_FIELDS,
  });
}

/**
 * The person's preferences row, created with defaults (and an unsubscribe
 * token) when missing, so every e-mail can carry a working unsubscribe link.
 */
export async function ensurePreference({
  orgId,
  userId,
  defaults,
}: {
  orgId: string;
  userId: string;
  /** The org's digest defaults, which a new row starts from. */
  defaults?: { digestOnly: boolean; weeklyDigest: boolean };
}) {
  return db.notificationPreference.upsert({
    where: { orgId_userId: { orgId, userId } },
    create: {
      orgId,
      userId,
      unsubscribeToken: newUnsubscribeToken(),
      // Only the digest choices: channels a person never chose keep following the org.
      ...(defaults ? { digestOnly: defaults.digestOnly, weeklyDigest: defaults.weeklyDigest } : {}),
    },
    update: {},
    select: PREFERENCE_FIELDS,
  });
}

export async function savePreference({
  orgId,
  userId,
  channels,
  timeZone,
  quietStart,
  quietEnd,
  digestOnly,
  weeklyDigest,
  unsubscribed,
}: { orgId: string; userId: string } & PersonalPreferences) {
  const existing = await getPreference({ orgId, userId });
  // Turning e-mail back on clears the date; staying unsubscribed keeps the first one.
  const unsubscribedAt = unsubscribed ? (existing?.unsubscribedAt ?? new Date()) : null;
  const data = {
    channels: channels as JsonInput,
    timeZone,
    quietStart,
    quietEnd,
    digestOnly,
    weeklyDigest,
    unsubscribedAt,
  };
  return db.notificationPreference.upsert({
    where: { orgId_userId: { orgId, userId } },
    create: { orgId, userId, unsubscribeToken: newUnsubscribeToken(), ...data },
    update: data,
    select: PREFERENCE_FIELDS,
  });
}

export async function markDigestSent({ orgId, userId, at }: { orgId: string; userId: string; at: Date }) {
  await db.notificationPreference.update({ where: { orgId_userId: { orgId, userId } }, data: { lastDigestAt: at } });
}
