import "server-only";
import { db } from "@/lib/db/client";
import type { NotificationEvent, Role } from "@/lib/db/generated/enums";

/** Active, not erased members of the org who are named or hold one of the roles. */
export async function listActiveRecipients({
  orgId,
  userIds,
  roles,
}: {
  orgId: string;
  userIds: string[];
  roles: Role[];
}) {
  if (userIds.length === 0 && roles.length === 0) return [];
  const memberships = await db.membership.findMany({
    where: {
      orgId,
      status: "active",
      user: { erasedAt: null },
      OR: [
        ...(userIds.length > 0 ? [{ userId: { in: userIds } }] : []),
        ...(roles.length > 0 ? [{ role: { in: roles } }] : []),
      ],
    },
    select: { role: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role }));
}

export type NewNotification = {
  userId: string;
  event: NotificationEvent;
  title: string;
  body: string;
  link: string;
  dedupeKey: string;
  emailStatus: "pending" | null;
};

/** Stores what is new; a person who already has a notification under the key is left alone. Returns the stored ones. */
export async function insertNotifications({ orgId, rows }: { orgId: string; rows: NewNotification[] }) {
  if (rows.length === 0) return [];
  return db.notification.createManyAndReturn({
    data: rows.map((row) => ({ ...row, orgId })),
    skipDuplicates: true,
    select: { id: true, userId: true, emailStatus: true },
  });
}

const LIST_FIELDS = {
  id: true,
  event: true,
  title: true,
  body: true,
  link: true,
  readAt: true,
  emailStatus: true,
  createdAt: true,
} as const;

export async function listNotifications({
  orgId,
  userId,
  unreadOnly = false,
  take = 50,
}: {
  orgId: string;
  userId: string;
  unreadOnly?: boolean;
  take?: number;
}) {
  return db.notification.findMany({
    where: { orgId, userId, ...(unreadOnly ? { readAt: null } : {}) },
    select: LIST_FIELDS,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

export async function countUnread({ orgId, userId }: { orgId: string; userId: string }) {
  return db.notification.count({ where: { orgId, userId, readAt: null } });
}

export async function getNotification({ orgId, userId, id }: { orgId: string; userId: string; id: string }) {
  return db.notification.findFirst({ where: { id, orgId, userId }, select: LIST_FIELDS });
}

/** Marks the person's own notifications read; ids of anyone else's are ignored. Returns how many changed. */
export async function markRead({ orgId, userId, ids, at }: { orgId: string; userId: string; ids: string[]; at: Date }) {
  if (ids.length === 0) return 0;
  const { count } = await db.notification.updateMany({
    where: { orgId, userId, id: { in: ids }, readAt: null },
    data: { readAt: at },
  });
  return count;
}

export async function markAllRead({ orgId, userId, at }: { orgId: string; userId: string; at: Date }) {
  const { count } = await db.notification.updateMany({ where: { orgId, userId, readAt: null }, data: { readAt: at } });
  return count;
}

/** People of the org with e-mails waiting for their batch. */
export async function listUsersWithPendingEmail({ orgId }: { orgId: string }) {
  const rows = await db.notification.findMany({
    where: { orgId, emailStatus: "pending" },
    select: { userId: true },
    distinct: ["userId"],
  });
  return rows.map((r) => r.userId);
}

export async function listPendingEmails({ orgId, userId }: { orgId: string; userId: string }) {
  return db.notification.findMany({
    where: { orgId, userId, emailStatus: "pending" },
    select: LIST_FIELDS,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** When the person's last batch e-mail went, for the batch window. */
export async function findLastEmailedAt({ orgId, userId }: { orgId: string; userId: string }) {
  const last = await db.notification.findFirst({
    where: { orgId, userId, emailStatus: "sent", emailedAt: { not: null } },
    select: { emailedAt: true },
    orderBy: { emailedAt: "desc" },
  });
  return last?.emailedAt ?? null;
}

/** Records the batch's decision for pending notifications; already decided ones are left as they are. */
export async function settlePendingEmails({
  orgId,
  userId,
  ids,
  status,
  at,
}: {
  orgId: string;
  userId: string;
  ids: string[];
  status: "sent" | "skipped" | "digest" | "failed";
  at: Date;
}) {
  if (ids.length === 0) return 0;
  const { count } = await db.notification.updateMany({
    where: { orgId, userId, id: { in: ids }, emailStatus: "pending" },
    data: { emailStatus: status, emailedAt: status === "sent" ? at : null },
  });
  return count;
}

/** The person's notifications since `since` that waited for the weekly digest (digest-only), newest first. */
export async function listCollectedForDigest({
  orgId,
  userId,
  since,
  take = 50,
}: {
  orgId: string;
  userId: string;
  since: Date;
  take?: number;
}) {
  return db.notification.findMany({
    where: { orgId, userId, emailStatus: "digest", createdAt: { gte: since } },
    select: LIST_FIELDS,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** The org's slug, for links and the e-mail's footer; null when the org is gone. */
export async function getOrgSlug({ orgId }: { orgId: string }): Promise<string | null> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { slug: true } });
  return org?.slug ?? null;
}

export async function getOrgNameAndSlug({ orgId }: { orgId: string }) {
  return db.organization.findUnique({ where: { id: orgId }, select: { name: true, slug: true } });
}

/**
 * Outbound writes of the org still pending (or in flight) since before `olderThan`, oldest first. E-mails are
 * left out: a stuck e-mail reported by e-mail would only add e-mails stuck behind it.
 */
export async function listStuckWrites({
  orgId,
  olderThan,
  take = 100,
}: {
  orgId: string;
  olderThan: Date;
  take?: number;
}) {
  return db.outboxIntent.findMany({
    where: {
      orgId,
      status: { in: ["pending", "in_flight"] },
      createdAt: { lt: olderThan },
      operation: { not: "mail.send" },
    },
    select: { id: true, operation: true, actorType: true, actorId: true, createdAt: true, lastError: true },
    orderBy: { createdAt: "asc" },
    take,
  });
}
