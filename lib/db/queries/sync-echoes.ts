import "server-only";
import { db } from "@/lib/db/client";

/** Changes Bosun made itself, so the webhooks they cause are not synced back. */
export async function recordSyncEcho(input: {
  orgId: string;
  service: "jira" | "sentry";
  objectId: string;
  field: string;
  value: string;
  expiresAt: Date;
}) {
  return db.syncEcho.create({ data: input });
}

/** The unexpired echoes expected on these objects. */
export async function listSyncEchoes({ orgId, objectIds, now }: { orgId: string; objectIds: string[]; now: Date }) {
  const rows = await db.syncEcho.findMany({
    where: { orgId, objectId: { in: objectIds }, expiresAt: { gt: now } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ ...row, service: row.service as "jira" | "sentry" }));
}

/** An echo that was heard is used up, so a person repeating the same change later is synced. */
export async function consumeSyncEcho({ orgId, id }: { orgId: string; id: string }) {
  await db.syncEcho.deleteMany({ where: { orgId, id } });
}
