import "server-only";
import { getOrgSlug, listStuckWrites } from "@/lib/db/queries/notifications";
import { notify } from "./notify";

/** How long an outbound write may stay pending before people hear about it. */
export const STUCK_WRITE_AGE_MS = 60 * 60_000;

/**
 * One notification per write pending for over an hour, to the person who asked
 * for it and the admins. The dedupe key is the write, so every later pass is a no-op.
 */
export async function notifyStuckWrites({ orgId, now }: { orgId: string; now: Date }): Promise<number> {
  const stuck = await listStuckWrites({ orgId, olderThan: new Date(now.getTime() - STUCK_WRITE_AGE_MS) });
  if (stuck.length === 0) return 0;
  const slug = await getOrgSlug({ orgId });
  if (!slug) return 0;
  let notified = 0;
  for (const write of stuck) {
    const minutes = Math.round((now.getTime() - write.createdAt.getTime()) / 60_000);
    const { notified: count } = await notify({
      orgId,
      event: "write_stuck",
      recipients: {
        userIds: write.actorType === "user" && write.actorId ? [write.actorId] : [],
        roles: ["admin"],
      },
      title: `A ${write.operation} write has been pending for ${minutes} minutes`,
      body: write.lastError
        ? `Bosun keeps retrying it. The last try failed: ${write.lastError}`
        : "Bosun keeps retrying it; nothing has answered yet.",
      link: `/${slug}/automations`,
      dedupeKey: `write_stuck:${write.id}`,
    });
    notified += count;
  }
  return notified;
}
