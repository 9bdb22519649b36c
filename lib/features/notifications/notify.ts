import "server-only";
import {
  getOrgSlug,
  insertNotifications,
  listActiveRecipients,
  type NewNotification,
} from "@/lib/db/queries/notifications";
import { listPreferences } from "@/lib/db/queries/notification-preferences";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import { listWatcherUserIds, type WatchTargetType } from "@/lib/db/queries/watches";
import type { NotificationEvent } from "@/lib/db/types";
import { decideDelivery, isOrgLink, readOrgNotificationDefaults } from "@/lib/domain/notifications";
import { logger } from "@/lib/platform/observability/logger";
import { queueEmailBatchNow } from "./batch-queue";

export type NotifyInput = {
  orgId: string;
  event: NotificationEvent;
  /** Who: explicit users, everyone with one of these roles, and/or the watchers of targets. De-duplicated; only active members of orgId. */
  recipients: {
    userIds?: string[];
    roles?: ("admin" | "manager" | "member")[];
    watchersOf?: { targetType: WatchTargetType; targetId: string }[];
  };
  /** Short, plain text. */
  title: string;
  /** Plain text, may be several sentences. */
  body: string;
  /** Path inside Bosun starting with `/${orgSlug}/`. */
  link: string;
  /** Same key for the same thing happening: a person gets one notification per key, however often notify is called. */
  dedupeKey: string;
};

const MAX_TITLE = 200;
const MAX_BODY = 4_000;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Stores in-app notifications per each person's preferences and marks e-mails
 * pending for the batch job. Never throws for an unknown/inactive user (skips).
 * A link outside the org is a caller's bug and throws: it would be followed by
 * a redirect.
 */
export async function notify(input: NotifyInput): Promise<{ notified: number; emailed: number }> {
  const { orgId, event, recipients } = input;
  const orgSlug = await getOrgSlug({ orgId });
  if (!orgSlug) return { notified: 0, emailed: 0 };
  if (!isOrgLink(input.link, orgSlug)) throw new Error(`notify: link must be a path under /${orgSlug}/`);

  const watchers = await listWatcherUserIds({ orgId, targets: recipients.watchersOf ?? [] });
  const people = await listActiveRecipients({
    orgId,
    userIds: [...new Set([...(recipients.userIds ?? []), ...watchers])],
    roles: recipients.roles ?? [],
  });
  if (people.length === 0) return { notified: 0, emailed: 0 };

  const orgDefaults = readOrgNotificationDefaults(await getOrgSettings({ orgId }));
  const preferences = new Map(
    (await listPreferences({ orgId, userIds: people.map((p) => p.userId) })).map((p) => [p.userId, p]),
  );
  const rows: NewNotification[] = [];
  for (const person of people) {
    const delivery = decideDelivery({ event, preference: preferences.get(person.userId) ?? null, orgDefaults });
    if (!delivery.inApp) continue;
    rows.push({
      userId: person.userId,
      event,
      title: clip(input.title, MAX_TITLE),
      body: clip(input.body, MAX_BODY),
      link: input.link,
      dedupeKey: input.dedupeKey,
      emailStatus: delivery.email ? "pending" : null,
    });
  }
  const stored = await insertNotifications({ orgId, rows });
  const emailed = stored.filter((n) => n.emailStatus === "pending").length;
  if (emailed > 0) {
    // The first e-mail of a burst goes now rather than at the next minute's pass; the job itself keeps the window.
    await queueEmailBatchNow({ orgId }).catch((error: unknown) =>
      logger.warn({ err: error, orgId }, "queueing the notification e-mail batch failed; the next pass sends it"),
    );
  }
  return { notified: stored.length, emailed };
}
