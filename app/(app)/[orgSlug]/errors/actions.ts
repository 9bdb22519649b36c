"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type ActionResult } from "@/lib/actions/org-action";
import { findMember } from "@/lib/db/queries/memberships";
import { invalidateErrors, loadErrorsPage } from "@/lib/errors-page/load";
import { performWrite } from "@/lib/outbox";
import { buildSentryTicket } from "@/lib/domain/tickets/sentry-ticket";
import { ticketForSentryIssue, type TicketOutcome } from "@/lib/tickets/sentry-to-jira";

const UPDATES = {
  resolve: { status: "resolved" },
  resolveInNextRelease: { status: "resolvedInNextRelease", statusDetails: { inNextRelease: true } },
  ignore: { status: "ignored", statusDetails: { ignoreUntilEscalating: true } },
} as const;

const LABELS = { resolve: "Resolved", resolveInNextRelease: "Resolved in the next release", ignore: "Archived until escalating", assign: "Assigned" } as const;

export const triageAction = orgAction(
  z.object({
    issueIds: z.array(z.string().regex(/^\d+$/, "must be Sentry issue ids")).min(1, "choose at least one issue").max(100),
    action: z.enum(["resolve", "resolveInNextRelease", "ignore", "assign"], { error: "must be resolve, resolveInNextRelease, ignore or assign" }),
    assigneeUserId: z.string().optional(),
    idempotencyKey: z.string().uuid(),
  }),
  "errors:triage",
  async ({ input, org, user, requestId }): Promise<ActionResult<{ status: string; message: string }>> => {
    let update: { status?: "resolved" | "resolvedInNextRelease" | "ignored"; statusDetails?: object; assignedTo?: string | null } = {};
    let target = "";
    if (input.action === "assign") {
      const assignee = input.assigneeUserId ? await findMember({ orgId: org.id, userId: input.assigneeUserId }) : null;
      if (input.assigneeUserId && (!assignee || assignee.status !== "active")) return { ok: false, error: "That person is not an active member.", fieldErrors: { assigneeUserId: "is not an active member" } };
      update = { assignedTo: assignee ? assignee.user.email : null };
      target = assignee ? ` to ${assignee.user.name}` : " to nobody";
    } else update = UPDATES[input.action];
    const outcome = await performWrite({
      orgId: org.id,
      operation: "sentry.issues.update",
      args: { issueIds: input.issueIds, update },
      orderingKey: input.issueIds.length === 1 ? `sentry-issue:${input.issueIds[0]}` : `sentry-bulk:${input.idempotencyKey}`,
      idempotencyKey: `triage:${input.idempotencyKey}`,
      actor: { type: "user", id: user.id, label: user.email },
      summary: `${LABELS[input.action]}${target}: Sentry issue(s) ${input.issueIds.join(", ")}`,
      target: { type: "sentry_issue", id: input.issueIds.join(",") },
      requestId,
    });
    if (outcome.status === "failed") return { ok: false, error: `Sentry refused the change: ${outcome.error}` };
    await invalidateErrors({ orgId: org.id });
    revalidatePath(`/${org.slug}/errors`);
    return { ok: true, data: { status: outcome.status, message: outcome.status === "pending" ? "Sentry is not answering; the change is saved and will be applied automatically." : `${LABELS[input.action]}${target}: ${input.issueIds.length} issue(s).` } };
  },
);

export const createTicketAction = orgAction(
  z.object({ issueId: z.string().regex(/^\d+$/, "must be a Sentry issue id"), projectKey: z.string().regex(/^[A-Z][A-Z0-9_]+$/, "must be a Jira project key") }),
  "tickets:create-from-error",
  async ({ input, org, user, requestId }): Promise<ActionResult<TicketOutcome>> => {
    const page = await loadErrorsPage({ orgId: org.id, filters: { period: "7d", sort: "severity" }, requestId });
    const issue = page.status === "ok" ? page.issues.find((i) => i.id === input.issueId) : undefined;
    if (!issue) return { ok: false, error: "That Sentry issue is not in the current list of unresolved issues." };
    const outcome = await ticketForSentryIssue({ orgId: org.id, issue, ticket: buildSentryTicket({ ...issue, projectSlug: issue.project.slug }, issue), projectKey: input.projectKey, actor: { type: "user", id: user.id, label: user.email }, requestId });
    if (outcome.status === "failed") return { ok: false, error: outcome.message };
    revalidatePath(`/${org.slug}/errors`);
    return { ok: true, data: outcome };
  },
);
