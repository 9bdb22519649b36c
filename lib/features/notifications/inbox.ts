import "server-only";
import { countUnread, getNotification, listNotifications, markAllRead, markRead } from "@/lib/db/queries/notifications";
import { isOrgLink } from "@/lib/domain/notifications";

/** What the header's inbox shows: the unread count and the latest ten. */
export async function loadInbox({ orgId, userId }: { orgId: string; userId: string }) {
  const [unread, latest] = await Promise.all([
    countUnread({ orgId, userId }),
    listNotifications({ orgId, userId, take: 10 }),
  ]);
  return { unread, latest };
}

export type InboxItem = Awaited<ReturnType<typeof loadInbox>>["latest"][number];

/** The caller's unread count alone, for the header's poll. */
export async function countUnreadNotifications({ orgId, userId }: { orgId: string; userId: string }) {
  return countUnread({ orgId, userId });
}

/** The notifications page: up to 200, all or unread only, newest first. */
export async function loadNotificationsPage({
  orgId,
  userId,
  unreadOnly,
}: {
  orgId: string;
  userId: string;
  unreadOnly: boolean;
}) {
  const [unread, items] = await Promise.all([
    countUnread({ orgId, userId }),
    listNotifications({ orgId, userId, unreadOnly, take: 200 }),
  ]);
  return { unread, items };
}

/**
 * Marks one of the person's notifications read and gives back where it
 * points, or null when it is not theirs (another person's, another org's,
 * unknown) or its link is not a path inside this org — the redirect follows
 * only Bosun's own paths.
 */
export async function followNotification({
  orgId,
  orgSlug,
  userId,
  id,
  now = new Date(),
}: {
  orgId: string;
  orgSlug: string;
  userId: string;
  id: string;
  now?: Date;
}): Promise<string | null> {
  const notification = await getNotification({ orgId, userId, id });
  if (!notification) return null;
  if (!notification.readAt) await markRead({ orgId, userId, ids: [id], at: now });
  return isOrgLink(notification.link, orgSlug) ? notification.link : `/${orgSlug}/notifications`;
}

export async function markNotificationsRead({
  orgId,
  userId,
  ids,
}: {
  orgId: string;
  userId: string;
  ids: string[] | "all";
}): Promise<number> {
  const at = new Date();
  return ids === "all" ? markAllRead({ orgId, userId, at }) : markRead({ orgId, userId, ids, at });
}
