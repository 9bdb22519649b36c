import "server-only";
import { z } from "zod";
import { ensurePreference, listPreferences, markDigestSent } from "@/lib/db/queries/notification-preferences";
import { getOrgNameAndSlug, listActiveRecipients } from "@/lib/db/queries/notifications";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import { listAllOrgIds } from "@/lib/db/system/notifications";
import {
  isDigestDue,
  latestDigestSlot,
  readOrgNotificationDefaults,
  renderDigestMail,
  wantsWeeklyDigest,
} from "@/lib/domain/notifications";
import { env } from "@/lib/platform/env";
import { enqueuePerOrgSlot, type JobRecord } from "@/lib/platform/jobs";
import { performWrite } from "@/lib/platform/outbox";
import { createDigestReads, loadWeeklyDigest } from "./digest";

/**
 * Every 15 minutes each org gets a job that sends the weekly digest to each
 * member whose Monday 08:00 has come on their own clock and who has not had
 * this week's yet. People who never saved preferences are on UTC.
 */
export const WEEKLY_DIGEST_QUEUE = "notifications.weekly-digest";
export const WEEKLY_DIGEST_INTERVAL_MS = 15 * 60_000;

export async function scheduleWeeklyDigests(now = Date.now()): Promise<number> {
  return enqueuePerOrgSlot({
    queue: WEEKLY_DIGEST_QUEUE,
    orgIds: await listAllOrgIds(),
    intervalMs: WEEKLY_DIGEST_INTERVAL_MS,
    keyPrefix: "weekly-digest",
    now,
  });
}

export async function weeklyDigestJob(job: JobRecord): Promise<void> {
  const { orgId } = z.object({ orgId: z.string() }).parse(job.payload);
  await sendWeeklyDigests({ orgId, now: new Date() });
}

/** Sends this week's digest to everyone in the org it is due for; returns how many went. */
export async function sendWeeklyDigests({ orgId, now }: { orgId: string; now: Date }): Promise<number> {
  const org = await getOrgNameAndSlug({ orgId });
  if (!org) return 0;
  const orgDefaults = readOrgNotificationDefaults(await getOrgSettings({ orgId }));
  const people = await listActiveRecipients({ orgId, userIds: [], roles: ["admin", "manager", "member"] });
  const stored = new Map(
    (await listPreferences({ orgId, userIds: people.map((p) => p.userId) })).map((p) => [p.userId, p]),
  );
  const reads = createDigestReads({ orgId, now });
  let sent = 0;
  for (const person of people) {
    const known = stored.get(person.userId) ?? null;
    if (!wantsWeeklyDigest(known, orgDefaults)) continue;
    // Someone Bosun has no preferences for yet is recorded now, with an unsubscribe token, and gets next week's.
    const preference = known ?? (await ensurePreference({ orgId, userId: person.userId, defaults: orgDefaults }));
    const { timeZone, lastDigestAt, createdAt: knownSince } = preference;
    if (!isDigestDue({ now, timeZone, lastDigestAt, knownSince })) continue;
    const digest = await loadWeeklyDigest({ orgId, userId: person.userId, now, reads });
    if (!digest) continue;
    const unsubscribeUrl = `${env.publicUrl}/unsubscribe/${preference.unsubscribeToken}`;
    const mail = renderDigestMail({
      digest,
      baseUrl: env.publicUrl,
      unsubscribeUrl,
      preferencesPath: `/${org.slug}/notifications/preferences`,
    });
    await performWrite({
      orgId,
      operation: "mail.send",
      args: { to: person.email, ...mail, unsubscribeUrl: `${unsubscribeUrl}/one-click` },
      orderingKey: `mail:${person.userId}`,
      // One digest per person per week, however often the job runs.
      idempotencyKey: `mail:digest:${person.userId}:${latestDigestSlot(now, timeZone).toISOString()}`,
      actor: { type: "system", label: "Weekly digest" },
      summary: `Sent ${person.email} the weekly digest`,
      target: { type: "user", id: person.userId },
      requestId: `weekly-digest-${orgId}`,
    });
    await markDigestSent({ orgId, userId: person.userId, at: now });
    sent++;
  }
  return sent;
}
