import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import {
  findLastEmailedAt,
  getOrgNameAndSlug,
  listActiveRecipients,
  listPendingEmails,
  listUsersWithPendingEmail,
  settlePendingEmails,
} from "@/lib/db/queries/notifications";
import { ensurePreference } from "@/lib/db/queries/notification-preferences";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import { listOrgIdsWithPendingEmail, listOrgIdsWithStuckWrites } from "@/lib/db/system/notifications";
import { decideBatch, readOrgNotificationDefaults, renderBatchMail } from "@/lib/domain/notifications";
import { env } from "@/lib/platform/env";
import { enqueuePerOrgSlot, type JobRecord } from "@/lib/platform/jobs";
import { performWrite } from "@/lib/platform/outbox";
import { BATCH_KEY_PREFIX, NOTIFICATION_BATCH_INTERVAL_MS, NOTIFICATION_BATCH_QUEUE } from "./batch-queue";
import { STUCK_WRITE_AGE_MS, notifyStuckWrites } from "./stuck-writes";

/**
 * Every minute, each org with e-mail waiting gets one job that sends each
 * person at most one e-mail listing what is pending for them, unless the
 * person's window (10 minutes after their last e-mail), quiet hours, digest
 * choice or unsubscribe says otherwise. The same job raises "a write has been
 * pending for over an hour".
 */
export async function scheduleNotificationBatches(now = Date.now()): Promise<number> {
  const [pending, stuck] = await Promise.all([
    listOrgIdsWithPendingEmail(),
    listOrgIdsWithStuckWrites(new Date(now - STUCK_WRITE_AGE_MS)),
  ]);
  return enqueuePerOrgSlot({
    queue: NOTIFICATION_BATCH_QUEUE,
    orgIds: [...new Set([...pending, ...stuck])],
    intervalMs: NOTIFICATION_BATCH_INTERVAL_MS,
    keyPrefix: BATCH_KEY_PREFIX,
    now,
  });
}

export async function notificationBatchJob(job: JobRecord): Promise<void> {
  const { orgId } = z.object({ orgId: z.string() }).parse(job.payload);
  const now = new Date();
  await notifyStuckWrites({ orgId, now });
  await sendEmailBatches({ orgId, now });
}

export type BatchOutcome = { sent: number; waiting: number; digest: number; skipped: number; failed: number };

/** One pass over the org's people with pending e-mail notifications. */
export async function sendEmailBatches({ orgId, now }: { orgId: string; now: Date }): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { sent: 0, waiting: 0, digest: 0, skipped: 0, failed: 0 };
  const userIds = await listUsersWithPendingEmail({ orgId });
  if (userIds.length === 0) return outcome;
  const org = await getOrgNameAndSlug({ orgId });
  if (!org) return outcome;
  const orgDefaults = readOrgNotificationDefaults(await getOrgSettings({ orgId }));
  const people = new Map((await listActiveRecipients({ orgId, userIds, roles: [] })).map((p) => [p.userId, p]));

  for (const userId of userIds) {
    const pending = await listPendingEmails({ orgId, userId });
    const ids = pending.map((n) => n.id);
    const person = people.get(userId);
    // Left the org (or was erased) since: nothing goes to that address any more.
    if (!person) {
      outcome.skipped += await settlePendingEmails({ orgId, userId, ids, status: "skipped", at: now });
      continue;
    }
    const preference = await ensurePreference({ orgId, userId, defaults: orgDefaults });
    const lastEmailedAt = await findLastEmailedAt({ orgId, userId });
    const decision = decideBatch({ now, lastEmailedAt, preference, orgDefaults });
    if (decision.action === "wait") {
      outcome.waiting += ids.length;
      continue;
    }
    if (decision.action !== "send") {
      const status = decision.action === "digest" ? "digest" : "skipped";
      const settled = await settlePendingEmails({ orgId, userId, ids, status, at: now });
      outcome[decision.action === "digest" ? "digest" : "skipped"] += settled;
      continue;
    }
    const unsubscribeUrl = `${env.publicUrl}/unsubscribe/${preference.unsubscribeToken}`;
    const mail = renderBatchMail({
      orgName: org.name,
      recipientName: person.name,
      items: pending,
      baseUrl: env.publicUrl,
      unsubscribeUrl,
      preferencesPath: `/${org.slug}/notifications/preferences`,
    });
    // The key names exactly these notifications: a pass repeated after a crash finds the e-mail already sent.
    const batchKey = createHash("sha256").update(ids.join(",")).digest("hex").slice(0, 32);
    const write = await performWrite({
      orgId,
      operation: "mail.send",
      args: { to: person.email, ...mail, unsubscribeUrl: `${unsubscribeUrl}/one-click` },
      orderingKey: `mail:${userId}`,
      idempotencyKey: `mail:batch:${userId}:${batchKey}`,
      actor: { type: "system", label: "Notifications" },
      summary: `E-mailed ${person.email} ${ids.length === 1 ? "one notification" : `${ids.length} notifications`}`,
      target: { type: "user", id: userId },
      requestId: `notification-batch-${orgId}`,
    });
    // A write still pending is the outbox's to deliver; only a refused one leaves the notifications unsent.
    const status = write.status === "failed" ? "failed" : "sent";
    const settled = await settlePendingEmails({ orgId, userId, ids, status, at: now });
    outcome[status] += settled;
  }
  return outcome;
}
