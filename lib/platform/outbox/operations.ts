import "server-only";
import { z } from "zod";
import { setMemberRoleByWorkosUser } from "@/lib/db/queries/memberships";
import { countLaterUnfinishedWrites } from "@/lib/db/queries/outbox-intents";
import type { JsonInput, Tx } from "@/lib/db/types";
import { getJiraConfig } from "@/lib/integrations/connections";
import { createMarker } from "@/lib/domain/idempotency/create-marker";
import {
  MOVE_BATCH,
  addCommentOnce,
  addRemoteLink,
  assignIssue,
  createIssueOnce,
  createIssuesBulkOnce,
  ensureSprint,
  moveIssuesToSprint,
  releaseVersion,
  transitionForward,
} from "@/lib/integrations/jira";
import { transitionBack } from "@/lib/integrations/jira/sync-writes";
import { ensureAdminWebhook } from "@/lib/integrations/jira/admin-webhooks";
import { findJiraWebhookSecret } from "@/lib/platform/webhooks/secrets";
import { getSentryConfig } from "@/lib/integrations/connections";
import { findExternalIssueLink, linkExternalIssue, updateIssues } from "@/lib/integrations/sentry";
import * as workos from "@/lib/integrations/workos";
import { rollbackRequestArgs, rollbackRequestResult, runRollbackRequest } from "@/lib/integrations/deploy";
import { recordRollbackAnswerFromIntent } from "@/lib/db/queries/rollback-gates";
import { sendMail } from "@/lib/integrations/mail";
import type { JiraClientConfig } from "@/lib/integrations/jira";
import type { SentryClientConfig } from "@/lib/integrations/sentry";
import {
  jiraAdminWebhook,
  jiraBulkResult,
  jiraComment,
  jiraCreatedIssue,
  jiraSprint,
  jiraTransition,
  workosInvitation,
  workosMembership,
} from "./results";

/**
 * Every kind of outbound write Bosun makes, with the schema of its arguments
 * and how to carry it out. Each run must be safe to repeat: an intent can be
 * retried after a crash between the call and recording its result.
 */
export type OperationContext = {
  orgId: string;
  requestId: string | null;
  /** 1 on the first try; above 1 an earlier try may have reached the service without Bosun hearing back. */
  attempt: number;
  idempotencyKey: string;
  /** Connections the caller had already opened for this org; whatever is missing is opened here. */
  opened: OpenedConnections;
};
/**
 * An org's connections with their credentials decrypted, passed along by a
 * caller that needed them anyway (a site URL, a lookup), so a write carried
 * out at once does not decrypt them a second time. The worker opens its own.
 */
export type OpenedConnections = { jira?: JiraClientConfig; sentry?: SentryClientConfig };
/** Runs in the transaction that marks the write succeeded, so Bosun's copy changes exactly when the write is confirmed. */
export type SuccessContext = { orgId: string; intentId: string; recordedAt: Date; tx: Tx };
/** What Bosun changed on its side once the write succeeded, for the audit log. */
export type AppliedChange = { action: string; summary: string; changes?: JsonInput };
type Operation<S extends z.ZodType, R extends z.ZodType> = {
  service: "jira" | "sentry" | "workos" | "mail" | "deploy";
  args: S;
  /** What a successful run answers; checked before it is stored and when it is read back. */
  result: R;
  run: (args: z.output<S>, context: OperationContext) => Promise<z.input<R>>;
  onSucceeded?: (args: z.output<S>, context: SuccessContext) => Promise<AppliedChange | null>;
};

/** The org's Jira connection, or a non-retryable failure when there is none. */
async function requireJira({ orgId, requestId, opened }: OperationContext) {
  if (opened.jira) return opened.jira;
  const config = await getJiraConfig({ orgId, requestId: requestId ?? undefined });
  if (!config) throw Object.assign(new Error("Jira is not connected for this organization"), { status: 412 });
  return config;
}

function operation<S extends z.ZodType, R extends z.ZodType>(spec: Operation<S, R>): Operation<S, R> {
  return spec;
}

/** The org's Sentry connection, or a non-retryable failure when there is none. */
async function requireSentry({ orgId, requestId, opened }: OperationContext) {
  if (opened.sentry) return opened.sentry;
  const config = await getSentryConfig({ orgId, requestId: requestId ?? undefined });
  if (!config) throw Object.assign(new Error("Sentry is not connected for this organization"), { status: 412 });
  return config;
}

const role = z.enum(["admin", "manager", "member"]);
const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, "must be a Jira issue key");
/** Role changes and removals of one member apply in order. */
export const membershipOrderingKey = (workosUserId: string) => `membership:${workosUserId}`;
const membershipRef = z.object({ workosUserId: z.string(), workosOrgId: z.string() });
const sentryIssueUpdate = z.object({
  status: z.enum(["resolved", "unresolved", "ignored", "resolvedInNextRelease"]).optional(),
  statusDetails: z.object({ inNextRelease: z.boolean().optional() }).optional(),
  substatus: z.enum(["archived_until_escalating", "archived_forever"]).optional(),
  assignedTo: z.string().nullable().optional(),
});

export const OPERATIONS = {
  "workos.invitation.send": operation({
    service: "workos",
    args: z.object({ email: z.email(), workosOrgId: z.string(), role, inviterWorkosUserId: z.string().optional() }),
    result: workosInvitation,
    run: async (args, { attempt }) => {
      // An earlier try may have sent it without Bosun hearing back: that invitation is this write's outcome.
      const sent =
        attempt > 1 ? await workos.findPendingInvitation({ email: args.email, workosOrgId: args.workosOrgId }) : null;
      return sent ?? workos.sendInvitation(args);
    },
  }),
  "workos.invitation.revoke": operation({
    service: "workos",
    args: z.object({ invitationId: z.string(), workosOrgId: z.string() }),
    result: workosInvitation,
    run: async ({ invitationId, workosOrgId }) => {
      // Checked again right before the write: the key spans every org, and a queued intent outlives the request that checked.
      const invitation = await workos.findOrgInvitation({ invitationId, workosOrgId });
      if (!invitation) throw Object.assign(new Error("No such invitation in this organization"), { status: 404 });
      return invitation.state === "revoked" ? invitation : workos.revokeInvitation(invitationId);
    },
  }),
  "workos.membership.update_role": operation({
    service: "workos",
    args: membershipRef.extend({ role }),
    result: workosMembership,
    run: async ({ workosUserId, workosOrgId, role: next }) => {
      const membership = await workos.findMembership({ workosUserId, workosOrgId });
      if (!membership) throw Object.assign(new Error("The WorkOS membership no longer exists"), { status: 404 });
      return membership.role === next ? membership : workos.updateMembershipRole(membership.id, next);
    },
    // A promotion takes effect in Bosun only now; a demotion was applied when it was asked for.
    onSucceeded: async ({ workosUserId, role: next }, { orgId, intentId, recordedAt, tx }) => {
      // A later role change still on its way decides the role; applying this one would briefly undo it.
      const later = await countLaterUnfinishedWrites(
        {
          orgId,
          operation: "workos.membership.update_role",
          orderingKey: membershipOrderingKey(workosUserId),
          recordedAfter: recordedAt,
          excludeId: intentId,
        },
        tx,
      );
      if (later > 0) return null;
      const member = await setMemberRoleByWorkosUser({ orgId, workosUserId, role: next }, tx);
      if (!member || member.before === next) return null;
      return {
        action: "membership.role_applied",
        summary: `${member.name}'s role in Bosun changed from ${member.before} to ${next}, confirmed by WorkOS`,
        changes: { role: { from: member.before, to: next } },
      };
    },
  }),
  "workos.membership.delete": operation({
    service: "workos",
    args: membershipRef,
    result: z.object({ deleted: z.boolean() }),
    run: async (ref) => {
      const membership = await workos.findMembership(ref);
      // Already gone is the outcome we wanted.
      if (membership) await workos.deleteMembership(membership.id);
      return { deleted: true };
    },
  }),
  "workos.session.revoke": operation({
    service: "workos",
    args: z.object({ sessionId: z.string() }),
    result: z.object({ revoked: z.string() }),
    run: async ({ sessionId }) => {
      await workos.revokeSession(sessionId);
      return { revoked: sessionId };
    },
  }),
  "workos.auth_factors.delete": operation({
    service: "workos",
    args: z.object({ workosUserId: z.string() }),
    // Lists again on every run, so a retry deletes what is left and a factor already gone is no failure.
    result: z.object({ deleted: z.number().int() }),
    run: async ({ workosUserId }) => ({ deleted: await workos.deleteAllFactors(workosUserId) }),
  }),
  "jira.issue.assign": operation({
    service: "jira",
    args: z.object({ issueKey, accountId: z.string().nullable() }),
    result: z.object({ issueKey: z.string(), accountId: z.string().nullable() }),
    run: async ({ issueKey, accountId }, context) => {
      await assignIssue(await requireJira(context), issueKey, accountId);
      return { issueKey, accountId };
    },
  }),
  "jira.sprint.create": operation({
    service: "jira",
    args: z.object({
      boardId: z.number().int().positive(),
      name: z.string().min(1).max(255),
      startDate: z.string(),
      endDate: z.string(),
      goal: z.string().max(1000),
    }),
    result: jiraSprint,
    run: async (args, context) => ensureSprint(await requireJira(context), args),
  }),
  "jira.sprint.move_issues": operation({
    service: "jira",
    args: z.object({ sprintId: z.number().int().positive(), issueKeys: z.array(z.string()).min(1).max(MOVE_BATCH) }),
    result: z.object({ sprintId: z.number().int(), moved: z.number().int() }),
    run: async ({ sprintId, issueKeys }, context) => {
      await moveIssuesToSprint(await requireJira(context), sprintId, issueKeys);
      return { sprintId, moved: issueKeys.length };
    },
  }),
  "jira.issue.create": operation({
    service: "jira",
    args: z.object({
      projectKey: z.string().min(1),
      issueType: z.string().min(1),
      summary: z.string().min(1).max(255),
      description: z.record(z.string(), z.unknown()),
      priority: z.string(),
      labels: z.array(z.string()),
      assigneeAccountId: z.string().nullable().optional(),
    }),
    result: jiraCreatedIssue,
    run: async (args, context) =>
      createIssueOnce(await requireJira(context), args, {
        marker: createMarker(context.orgId, context.idempotencyKey),
        outcomeUnknown: context.attempt > 1,
      }),
  }),
  "jira.issue.remote_link": operation({
    service: "jira",
    args: z.object({ issueKey, url: z.url(), title: z.string().min(1), globalId: z.string().min(1) }),
    result: z.object({ issueKey: z.string(), globalId: z.string() }),
    run: async ({ issueKey: key, ...link }, context) => {
      await addRemoteLink(await requireJira(context), key, link);
      return { issueKey: key, globalId: link.globalId };
    },
  }),
  "jira.issues.create_bulk": operation({
    service: "jira",
    args: z.object({
      issues: z
        .array(
          z.object({
            projectKey: z.string().min(1),
            issueType: z.string().min(1),
            summary: z.string().min(1).max(255),
            description: z.record(z.string(), z.unknown()),
            priority: z.string().min(1),
            labels: z.array(z.string()),
            components: z.array(z.string()),
            parentKey: issueKey.nullable().optional(),
            assigneeAccountId: z.string().nullable().optional(),
            points: z
              .object({ field: z.string().min(1), value: z.number() })
              .nullable()
              .optional(),
          }),
        )
        .min(1)
        .max(50),
    }),
    result: jiraBulkResult,
    run: async ({ issues }, context) =>
      createIssuesBulkOnce(await requireJira(context), issues, {
        markers: issues.map((_, index) => createMarker(context.orgId, context.idempotencyKey, index)),
        outcomeUnknown: context.attempt > 1,
      }),
  }),
  "jira.version.release": operation({
    service: "jira",
    args: z.object({ versionId: z.string().min(1), releaseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    result: z.object({ versionId: z.string(), releaseDate: z.string() }),
    run: async (args, context) => releaseVersion(await requireJira(context), args),
  }),
  "jira.issue.transition_forward": operation({
    service: "jira",
    args: z.object({ issueKey, targetStatus: z.string().min(1), statusOrder: z.array(z.string().min(1)).min(2) }),
    result: jiraTransition,
    run: async ({ issueKey: key, targetStatus, statusOrder }, context) =>
      transitionForward(await requireJira(context), { issueKey: key, target: targetStatus, order: statusOrder }),
  }),
  "jira.issue.transition_back": operation({
    service: "jira",
    args: z.object({ issueKey, targetStatus: z.string().min(1), statusOrder: z.array(z.string().min(1)).min(2) }),
    result: jiraTransition,
    run: async ({ issueKey: key, targetStatus, statusOrder }, context) =>
      transitionBack(await requireJira(context), { issueKey: key, target: targetStatus, order: statusOrder }),
  }),
  "jira.issue.comment": operation({
    service: "jira",
    args: z.object({
      issueKey,
      body: z.object({
        type: z.literal("doc"),
        version: z.literal(1),
        content: z.array(z.record(z.string(), z.unknown())),
      }),
    }),
    result: jiraComment,
    run: async ({ issueKey: key, body }, context) =>
      addCommentOnce(await requireJira(context), { issueKey: key, body: body as never }),
  }),
  "jira.webhook.register": operation({
    service: "jira",
    // The secret is read from the org's connection when the write runs: it is never stored with the intent.
    args: z.object({ name: z.string().min(1).max(255), url: z.url() }),
    result: jiraAdminWebhook,
    run: async ({ name, url }, context) => {
      const secret = await findJiraWebhookSecret({ orgId: context.orgId });
      if (!secret)
        throw Object.assign(new Error("No Jira webhook secret is stored for this organization"), { status: 412 });
      return ensureAdminWebhook(await requireJira(context), { name, url, secret });
    },
  }),
  "sentry.issues.update": operation({
    service: "sentry",
    args: z.object({
      issueIds: z.array(z.string().min(1)).min(1).max(100),
      update: sentryIssueUpdate,
    }),
    result: z.object({ issueIds: z.array(z.string()), update: sentryIssueUpdate }),
    run: async ({ issueIds, update }, context) => {
      await updateIssues(await requireSentry(context), issueIds, update);
      return { issueIds, update };
    },
  }),
  "sentry.issue.link_external": operation({
    service: "sentry",
    args: z.object({
      installationUuid: z.string().min(1),
      issueId: z.string().min(1),
      webUrl: z.url(),
      project: z.string().min(1),
      identifier: z.string().min(1),
    }),
    result: z.object({ issueId: z.string(), identifier: z.string() }),
    run: async (args, context) => {
      const sentry = await requireSentry(context);
      // After a lost answer the link may already be there; Sentry would refuse a second one.
      const linked =
        context.attempt > 1
          ? await findExternalIssueLink(sentry, { issueId: args.issueId, webUrl: args.webUrl })
          : null;
      if (!linked) await linkExternalIssue(sentry, args);
      return { issueId: args.issueId, identifier: args.identifier };
    },
  }),
  "mail.send": operation({
    service: "mail",
    // The Message-ID comes from the idempotency key: a try repeated after a lost answer sends the same message.
    args: z.object({
      to: z.email(),
      subject: z.string().min(1).max(300),
      text: z.string().min(1).max(200_000),
      html: z.string().min(1).max(400_000),
      unsubscribeUrl: z.url().optional(),
    }),
    result: z.object({ messageId: z.string(), accepted: z.array(z.string()) }),
    run: async (mail, { orgId, idempotencyKey }) => sendMail(mail, { orgId, idempotencyKey }),
  }),
  "deploy.rollback": operation({
    service: "deploy",
    // Signed afresh on every try; the Idempotency-Key is the intent's key, so the hook acts on a retry once.
    args: rollbackRequestArgs,
    result: rollbackRequestResult,
    run: (args, { orgId, idempotencyKey }) => runRollbackRequest(args, { orgId, idempotencyKey }),
    onSucceeded: async ({ gateId }, { orgId, intentId, tx }) => {
      const answer = await recordRollbackAnswerFromIntent({ orgId, gateId, intentId }, tx);
      return answer
        ? {
            action: "rollback.sent",
            summary: `The deployment hook accepted the rollback request with ${answer.status}`,
            changes: { gateId, status: answer.status },
          }
        : null;
    },
  }),
} as const;

export type OperationName = keyof typeof OPERATIONS;
export type OperationArgs<N extends OperationName> = z.input<(typeof OPERATIONS)[N]["args"]>;
export type OperationResult<N extends OperationName> = z.output<(typeof OPERATIONS)[N]["result"]>;
