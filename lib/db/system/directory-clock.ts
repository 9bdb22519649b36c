// A directory object's clock is keyed by its WorkOS object id, which is unique across orgs, so these take no orgId.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type ClockObject, type EventStamp, mayApply } from "@/lib/domain/directory/event-order";

export type DirectoryTransaction = Prisma.TransactionClient;

/**
 * Runs `apply` in one transaction, so an event's check against its object's
 * clock, the clock's advance and the event's own writes commit together (or
 * not at all).
 */
export function inDirectoryTransaction<T>(apply: (tx: DirectoryTransaction) => Promise<T>): Promise<T> {
  return db.$transaction(apply, { timeout: 15_000 });
}

/**
 * Compare-and-set of an object's clock, inside the caller's transaction:
 * advances it to `stamp` and returns true when the event is not older than
 * the newest one applied to the object; returns false (and changes nothing)
 * when it is. The row stays locked until the transaction ends, so a second
 * worker applying another event to the same object waits, then compares
 * against whatever the first one committed — two workers cannot both apply.
 */
export async function claimClock(tx: DirectoryTransaction, object: ClockObject, stamp: EventStamp): Promise<boolean> {
  // Insert the clock, or lock the existing row with a no-op update; either way RETURNING reads it under the lock.
  const [row] = await tx.$queryRaw<{ lastEventAt: Date; lastEventId: string; inserted: boolean }[]>`
    INSERT INTO "DirectoryObjectClock" ("objectType", "objectId", "lastEventAt", "lastEventId", "updatedAt")
    VALUES (${object.objectType}, ${object.objectId}, ${stamp.at}, ${stamp.eventId}, now())
    ON CONFLICT ("objectType", "objectId") DO UPDATE SET "objectId" = EXCLUDED."objectId"
    RETURNING "lastEventAt", "lastEventId", (xmax = 0) AS inserted`;
  if (!row) throw new Error(`No clock row for ${object.objectType} ${object.objectId}`);
  if (row.inserted) return true;
  if (!mayApply(stamp, { at: row.lastEventAt, eventId: row.lastEventId })) return false;
  await tx.$executeRaw`
    UPDATE "DirectoryObjectClock" SET "lastEventAt" = ${stamp.at}, "lastEventId" = ${stamp.eventId}, "updatedAt" = now()
    WHERE "objectType" = ${object.objectType} AND "objectId" = ${object.objectId}`;
  return true;
}
