"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type ActionResult } from "@/lib/platform/actions/org-action";
import { can } from "@/lib/domain/permissions";
import { requireRecentSecondFactor } from "@/lib/platform/auth/step-up";
import { triageSentryIssues } from "@/lib/features/errors";
import { ticketForListedSentryIssue, type TicketOutcome } from "@/lib/features/tickets";

/** Triage of more issues than this at once is a bulk write: it needs a step-up where the org requires MFA. */
const BULK_TRIAGE_THRESHOLD = 10;

export const triageAction = orgAction(
  z.object({
    issueIds: z
      .array(z.string().regex(/^\d+$/, "must be Sentry issue ids"))
      .min(1, "choose at least one issue")
      .max(100),
    action: z.enum(["resolve", "resolveInNextRelease", "ignore", "assign"], {
      error: "must be resolve, resolveInNextRelease, ignore or assign",
    }),
    assigneeUserId: z.string().optional(),
    idempotencyKey: z.string().uuid(),
  }),
  "errors:triage",
  async ({ input, org, sessionId, requestId, actor }): Promise<ActionResult<{ status: string; message: string }>> => {
    if (input.issueIds.length > BULK_TRIAGE_THRESHOLD) {
      const stepUp = await requireRecentSecondFactor({ org, sessionId }, `/${org.slug}/errors`);
      if (stepUp) return stepUp;
    }
    const outcome = await triageSentryIssues({ orgId: org.id, ...input, actor, requestId });
    if (outcome.ok) revalidatePath(`/${org.slug}/errors`);
    return outcome;
  },
);

/**
 * "Create ticket", and after a failure "Retry", which sends the failed create
 * again as it was (admins and managers any, members their own); creating it
 * with another project instead replaces the failed one.
 */
export const createTicketAction = orgAction(
  z.object({
    issueId: z.string().regex(/^\d+$/, "must be a Sentry issue id"),
    projectKey: z.string().regex(/^[A-Z][A-Z0-9_]+$/, "must be a Jira project key"),
    retry: z.boolean().optional(),
  }),
  "tickets:create-from-error",
  async ({ input, org, role, requestId, actor }): Promise<ActionResult<TicketOutcome>> => {
    const retry = input.retry ? { ownWritesOnly: !can(role, "automations:view") } : undefined;
    const result = await ticketForListedSentryIssue({
      orgId: org.id,
      issueId: input.issueId,
      projectKey: input.projectKey,
      actor,
      requestId,
      retry,
    });
    if (result.status !== "filed")
      return {
        ok: false,
        error:
          result.status === "not-listed"
            ? "That Sentry issue is not in the current list of unresolved issues."
            : result.message,
      };
    const { outcome } = result;
    if (outcome.status === "failed") return { ok: false, error: outcome.message };
    revalidatePath(`/${org.slug}/errors`);
    return { ok: true, data: outcome };
  },
);
