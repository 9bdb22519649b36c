import "server-only";
import { db } from "@/lib/db/client";

export type WatchTargetType = "sentry_issue" | "release" | "sentry_project";
export type WatchTarget = { targetType: WatchTargetType; targetId: string };

export async function isWatching({
  orgId,
  userId,
  targetType,
  targetId,
}: { orgId: string; userId: string } & WatchTarget) {
  const watch = await db.watch.findUnique({
    where: { orgId_userId_targetType_targetId: { orgId, userId, targetType, targetId } },
    select: { id: true },
  });
  return watch !== null;
}

/** Starts or stops watching; returns whether the person watches the target afterwards. */
export async function setWatching({
  orgId,
  userId,
  targetType,
  targetId,
  watching,
}: { orgId: string; userId: string; watching: boolean } & WatchTarget): Promise<boolean> {
  if (watching) {
    await db.watch.upsert({
      where: { orgId_userId_targetType_targetId: { orgId, userId, targetType, targetId } },
      create: { orgId, userId, targetType, targetId },
      update: {},
    });
    return true;
  }
  await db.watch.deleteMany({ where: { orgId, userId, targetType, targetId } });
  return false;
}

/** Everyone in the org watching any of these targets, de-duplicated. */
export async function listWatcherUserIds({ orgId, targets }: { orgId: string; targets: WatchTarget[] }) {
  if (targets.length === 0) return [];
  const watches = await db.watch.findMany({
    where: { orgId, OR: targets.map(({ targetType, targetId }) => ({ targetType, targetId })) },
    select: { userId: true },
    distinct: ["userId"],
  });
  return watches.map((w) => w.userId);
}

/** What the person watches, for "top new errors in their areas". */
export async function listWatches({ orgId, userId }: { orgId: string; userId: string }) {
  return db.watch.findMany({
    where: { orgId, userId },
    select: { targetType: true, targetId: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}
