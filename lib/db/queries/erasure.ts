import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ActorType } from "@/lib/db/generated/enums";
import { allowAuditPersonalDataRewrite } from "@/lib/db/queries/audit-log";
import { planErasure, type MembershipStatus } from "@/lib/domain/privacy/erasure-plan";
import { erasedEmailFor, erasedWorkosUserIdFor, pseudonymFor } from "@/lib/domain/privacy/pseudonym";
import {
  erasureSubject,
  mentionNeedles,
  pseudonymiseJson,
  pseudonymiseText,
  type ErasureSubject,
} from "@/lib/domain/privacy/pseudonymise";

/** What one erasure removed or rewrote, by kind. */
export type ErasureCounts = {
  availability: number;
  sessions: number;
  mfaAttempts: number;
  auditEntries: number;
  outboxWrites: number;
  automationRuns: number;
  webhookDeliveries: number;
  cacheEntries: number;
};

export type ErasureOutcome =
  | { status: "erased"; pseudonym: string; scope: "org" | "everywhere"; counts: ErasureCounts }
  | { status: "already-erased"; pseudonym: string }
  | { status: "still-member"; memberStatus: Exclude<MembershipStatus, "deactivated">; name: string }
  | { status: "not-member" };

type Tx = Prisma.TransactionClient;
type Actor = { type: ActorType; id: string | null; label: string };

/** Erasing rewrites every mention in an org's history; a large org's takes longer than Prisma's 5 s default. */
const ERASURE_TIMEOUT_MS = 120_000;

/**
 * Erases a departed person's personal data from one organization, in one
 * transaction: their membership (with its Jira account link and allocation)
 * and availability, their sessions and code checks there, and every mention of
 * their name or e-mail in the org's audit log, recorded writes, run logs and
 * webhook bodies, which now read their pseudonym. Cached upstream reads that
 * mention them are dropped (they are fetched again). When no other
 * organization holds a membership of theirs, the user's name, e-mail, avatar
 * and WorkOS id go too. One "member.erased" entry records it, under the
 * pseudonym. Audit entries keep their actor id: an opaque id, not personal.
 */
export async function eraseDepartedMember({
  orgId,
  userId,
  actor,
  requestId,
  now = new Date(),
}: {
  orgId: string;
  userId: string;
  actor: Actor;
  requestId?: string | null;
  now?: Date;
}): Promise<ErasureOutcome> {
  return db.$transaction(
    async (tx) => {
      // Per person, across orgs: two orgs erasing at once must agree on which of them was the last.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`erase-member:${userId}`}))`;
      const pseudonym = pseudonymFor(userId);
      const membership = await tx.membership.findUnique({
        where: { orgId_userId: { orgId, userId } },
        include: { user: true },
      });
      if (!membership) {
        const erased = await tx.auditLog.findFirst({
          where: { orgId, action: "member.erased", targetType: "user", targetId: userId },
          select: { id: true },
        });
        return erased ? { status: "already-erased", pseudonym } : { status: "not-member" };
      }
      const elsewhere = await tx.membership.findMany({
        where: { userId, orgId: { not: orgId } },
        select: { status: true },
      });
      const plan = planErasure({ status: membership.status, elsewhere: elsewhere.map((m) => m.status) });
      if (!plan.ok) return { status: "still-member", memberStatus: plan.status, name: membership.user.name };

      const subject = erasureSubject({ name: membership.user.name, email: membership.user.email, pseudonym });
      const everywhere = plan.scope === "everywhere";
      const sessionScope = everywhere ? { userId } : { userId, orgId };
      const sessionIds = (
        await tx.userSession.findMany({ where: sessionScope, select: { workosSessionId: true } })
      ).map((s) => s.workosSessionId);
      const mfaAttempts = await tx.mfaAttempt.deleteMany({
        where: everywhere ? { userId } : { userId, workosSessionId: { in: sessionIds } },
      });
      const sessions = await tx.userSession.deleteMany({ where: sessionScope });
      const availability = await tx.availability.deleteMany({ where: { orgId, membershipId: membership.id } });
      await tx.membership.delete({ where: { id: membership.id } });

      await allowAuditPersonalDataRewrite(tx);
      const counts: ErasureCounts = {
        availability: availability.count,
        sessions: sessions.count,
        mfaAttempts: mfaAttempts.count,
        auditEntries: await pseudonymiseAuditLog(tx, { orgId, userId, subject }),
        outboxWrites: await pseudonymiseOutbox(tx, { orgId, subject }),
        automationRuns: await pseudonymiseAutomationRuns(tx, { orgId, subject }),
        webhookDeliveries: await pseudonymiseWebhookDeliveries(tx, { orgId, subject, includeOrgless: everywhere }),
        cacheEntries: await dropCachedMentions(tx, { orgId, subject }),
      };
      if (everywhere) {
        await tx.user.update({
          where: { id: userId },
          data: {
            name: pseudonym,
            email: erasedEmailFor(userId),
            workosUserId: erasedWorkosUserIdFor(userId),
            avatarUrl: null,
            lastSignInAt: null,
            erasedAt: now,
          },
        });
      }
      await tx.auditLog.create({
        data: {
          orgId,
          actorType: actor.type,
          actorId: actor.id,
          actorLabel: actor.label,
          action: "member.erased",
          targetType: "user",
          targetId: userId,
          summary: `Erased the personal data of ${pseudonym} in this organization${everywhere ? ", and their name and e-mail address in Bosun" : "; they still belong to another organization, so their name and e-mail address stay"}`,
          changes: counts,
          requestId: requestId ?? null,
          createdAt: now,
        },
      });
      return { status: "erased", pseudonym, scope: plan.scope, counts };
    },
    { timeout: ERASURE_TIMEOUT_MS },
  );
}

/** Ids of an org's rows whose text mentions the person, found in SQL so only those are read. */
async function idsMentioning(
  tx: Tx,
  table: "AuditLog" | "OutboxIntent" | "AutomationRun" | "WebhookDelivery" | "CacheEntry",
  text: Prisma.Sql,
  where: Prisma.Sql,
  subject: ErasureSubject,
): Promise<string[]> {
  const needles = mentionNeedles(subject);
  if (needles.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM ${Prisma.raw(`"${table}"`)}
    WHERE ${where} AND EXISTS (SELECT 1 FROM unnest(${needles}::text[]) AS needle WHERE strpos(lower(${text}), needle) > 0)`;
  return rows.map((row) => row.id);
}

/** Whose mentions are rewritten, within which org. */
type OrgErasure = { orgId: string; subject: ErasureSubject };

/** An absent error message stays absent. */
const pseudonymiseNullableText = (text: string | null, subject: ErasureSubject) =>
  text === null ? { text: null, changed: false } : pseudonymiseText(text, subject);

const asJson = (value: unknown) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));

/**
 * A finished write or run as it is stored: its JSON, an optional JSON (left as it is, `undefined`, unless it
 * mentions the person) and its error; null when none of them mentions the person.
 */
function pseudonymiseFinishedRecord(
  subject: ErasureSubject,
  json: unknown,
  optionalJson: unknown,
  error: string | null,
) {
  const main = pseudonymiseJson(json, subject);
  const optional = pseudonymiseJson(optionalJson, subject);
  const text = pseudonymiseNullableText(error, subject);
  if (!main.changed && !optional.changed && !text.changed) return null;
  return {
    json: main.value as Prisma.InputJsonValue,
    optionalJson: optional.changed ? asJson(optional.value) : undefined,
    error: text.text,
  };
}

/** Audit entries are read and rewritten this many at a time: an org's log can hold many thousands of their actions. */
const AUDIT_BATCH = 1_000;

async function pseudonymiseAuditLog(
  tx: Tx,
  { orgId, userId, subject }: OrgErasure & { userId: string },
): Promise<number> {
  const mentioning = await idsMentioning(
    tx,
    "AuditLog",
    Prisma.sql`"actorLabel" || ' ' || "summary" || ' ' || coalesce("changes"::text, '')`,
    Prisma.sql`"orgId" = ${orgId}`,
    subject,
  );
  const theirs = await tx.auditLog.findMany({
    where: { orgId, actorType: "user", actorId: userId },
    select: { id: true },
  });
  const ids = [...new Set([...mentioning, ...theirs.map((entry) => entry.id)])];
  let rewritten = 0;
  for (let start = 0; start < ids.length; start += AUDIT_BATCH) {
    const entries = await tx.auditLog.findMany({
      where: { orgId, id: { in: ids.slice(start, start + AUDIT_BATCH) } },
      select: { id: true, actorType: true, actorId: true, actorLabel: true, summary: true, changes: true },
    });
    const rewrites: { id: string; label: string; summary: string; changes: string | null }[] = [];
    for (const entry of entries) {
      // Their own actions carry their e-mail (or a name) as the label; the actor id stays to link them.
      const label =
        entry.actorType === "user" && entry.actorId === userId
          ? { text: subject.pseudonym, changed: entry.actorLabel !== subject.pseudonym }
          : pseudonymiseText(entry.actorLabel, subject);
      const summary = pseudonymiseText(entry.summary, subject);
      const changes = pseudonymiseJson(entry.changes, subject);
      if (label.changed || summary.changed || changes.changed)
        rewrites.push({
          id: entry.id,
          label: label.text,
          summary: summary.text,
          changes: changes.changed ? JSON.stringify(changes.value) : null,
        });
    }
    if (rewrites.length === 0) continue;
    // One statement per batch; the trigger still checks every row (only label, summary and changes may differ).
    await tx.$executeRaw`
      UPDATE "AuditLog" AS entry
      SET "actorLabel" = rewrite.label, "summary" = rewrite.summary, "changes" = CASE WHEN rewrite.changes IS NULL THEN entry."changes" ELSE rewrite.changes::jsonb END
      FROM unnest(${rewrites.map((r) => r.id)}::text[], ${rewrites.map((r) => r.label)}::text[], ${rewrites.map((r) => r.summary)}::text[], ${rewrites.map((r) => r.changes)}::text[]) AS rewrite(id, label, summary, changes)
      WHERE entry."id" = rewrite.id AND entry."orgId" = ${orgId}`;
    rewritten += rewrites.length;
  }
  return rewritten;
}

const FINISHED_WRITES = ["succeeded", "failed", "dead", "superseded"] as const;

/**
 * A finished write's record is rewritten whole. A write still to be sent keeps
 * its arguments (changing them would change what is sent); only its summary and
 * actor label, shown in lists, are rewritten now.
 */
async function pseudonymiseOutbox(tx: Tx, { orgId, subject }: OrgErasure): Promise<number> {
  const ids = await idsMentioning(
    tx,
    "OutboxIntent",
    Prisma.sql`"payload"::text || ' ' || coalesce("result"::text, '') || ' ' || coalesce("lastError", '')`,
    Prisma.sql`"orgId" = ${orgId}`,
    subject,
  );
  const intents = await tx.outboxIntent.findMany({
    where: { orgId, id: { in: ids } },
    select: { id: true, status: true, payload: true, result: true, lastError: true },
  });
  let rewritten = 0;
  for (const intent of intents) {
    const finished = (FINISHED_WRITES as readonly string[]).includes(intent.status);
    if (finished) {
      const rewrite = pseudonymiseFinishedRecord(subject, intent.payload, intent.result, intent.lastError);
      if (!rewrite) continue;
      await tx.outboxIntent.update({
        where: { id: intent.id },
        data: { payload: rewrite.json, result: rewrite.optionalJson, lastError: rewrite.error },
      });
    } else {
      const stored = intent.payload as { meta?: unknown } | null;
      if (!stored || typeof stored !== "object" || !("meta" in stored)) continue;
      const meta = pseudonymiseJson(stored.meta, subject);
      if (!meta.changed) continue;
      await tx.outboxIntent.update({
        where: { id: intent.id },
        data: { payload: { ...stored, meta: meta.value } as Prisma.InputJsonValue },
      });
    }
    rewritten++;
  }
  return rewritten;
}

/** Only runs that have ended: a run still going reads its input. */
async function pseudonymiseAutomationRuns(tx: Tx, { orgId, subject }: OrgErasure): Promise<number> {
  const ids = await idsMentioning(
    tx,
    "AutomationRun",
    Prisma.sql`"input"::text || ' ' || coalesce("decision"::text, '') || ' ' || coalesce("error", '')`,
    Prisma.sql`"orgId" = ${orgId} AND "status" IN ('succeeded', 'skipped', 'failed')`,
    subject,
  );
  const runs = await tx.automationRun.findMany({
    where: { orgId, id: { in: ids } },
    select: { id: true, input: true, decision: true, error: true },
  });
  let rewritten = 0;
  for (const run of runs) {
    const rewrite = pseudonymiseFinishedRecord(subject, run.input, run.decision, run.error);
    if (!rewrite) continue;
    await tx.automationRun.update({
      where: { id: run.id },
      data: { input: rewrite.json, decision: rewrite.optionalJson, error: rewrite.error },
    });
    rewritten++;
  }
  return rewritten;
}

/**
 * Only deliveries already handled (a received or failed one is still to be
 * processed from its body). WorkOS events carry no org; they are rewritten
 * only when the person's name and e-mail are erased everywhere.
 */
async function pseudonymiseWebhookDeliveries(
  tx: Tx,
  { orgId, subject, includeOrgless }: OrgErasure & { includeOrgless: boolean },
): Promise<number> {
  const scope = includeOrgless
    ? Prisma.sql`("orgId" = ${orgId} OR ("orgId" IS NULL AND "source" = 'workos'))`
    : Prisma.sql`"orgId" = ${orgId}`;
  const ids = await idsMentioning(
    tx,
    "WebhookDelivery",
    Prisma.sql`"payload"::text || ' ' || coalesce("error", '')`,
    Prisma.sql`${scope} AND "status" IN ('processed', 'ignored')`,
    subject,
  );
  const deliveries = await tx.webhookDelivery.findMany({
    where: { id: { in: ids } },
    select: { id: true, payload: true, error: true },
  });
  let rewritten = 0;
  for (const delivery of deliveries) {
    const payload = pseudonymiseJson(delivery.payload, subject);
    const error = pseudonymiseNullableText(delivery.error, subject);
    if (!payload.changed && !error.changed) continue;
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { payload: payload.value as Prisma.InputJsonValue, error: error.text },
    });
    rewritten++;
  }
  return rewritten;
}

/** Cached upstream reads are copies: dropping them is enough, the next page view fetches them again. */
async function dropCachedMentions(tx: Tx, { orgId, subject }: OrgErasure): Promise<number> {
  const ids = await idsMentioning(tx, "CacheEntry", Prisma.sql`"value"::text`, Prisma.sql`"orgId" = ${orgId}`, subject);
  if (ids.length === 0) return 0;
  return (await tx.cacheEntry.deleteMany({ where: { orgId, id: { in: ids } } })).count;
}
