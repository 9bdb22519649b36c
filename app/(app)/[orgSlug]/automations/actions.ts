"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/platform/actions/org-action";
import { refreshAfter } from "@/lib/platform/actions/refresh-after";
import * as rules from "@/lib/features/automations";
import { auditAction } from "@/lib/platform/actions/audit-action";
import { kickJobWorker, retryJob } from "@/lib/platform/jobs";
import { can } from "@/lib/domain/permissions";
import { describeRetry } from "@/lib/platform/outbox/describe-retry";
import { resumeWrite, retryWrite } from "@/lib/platform/outbox/retry-write";
import { describeTicketRetry, retrySentryTicket } from "@/lib/features/tickets";

const automationsPage = (org: { slug: string }) => `/${org.slug}/automations`;

/** Creates or updates a rule; the config is validated by its kind's schema and errors name `config.<field>`. */
export const saveRuleAction = orgAction(rules.ruleFieldsSchema, "automations:edit", async (ctx) =>
  refreshAfter(automationsPage(ctx.org), await rules.saveAutomationRule(ctx)),
);

export const setRuleEnabledAction = orgAction(rules.ruleEnabledSchema, "automations:edit", async (ctx) =>
  refreshAfter(automationsPage(ctx.org), await rules.setAutomationRuleEnabled(ctx)),
);

export const deleteRuleAction = orgAction(rules.ruleIdSchema, "automations:edit", async (ctx) =>
  refreshAfter(automationsPage(ctx.org), await rules.deleteAutomationRule(ctx)),
);

/** The saved rule — or, from the edit form, its unsaved settings — against recent events. Reads only. */
export const previewRuleAction = orgAction(rules.rulePreviewSchema, "automations:view", rules.previewAutomationRule);

/** Puts a failed run back on the queue; it redoes only what did not finish, with the same idempotency keys. */
export const retryRunAction = orgAction(rules.runIdSchema, "automations:edit", async (ctx) =>
  refreshAfter(automationsPage(ctx.org), await rules.retryAutomationRun(ctx)),
);

/** Takes a job off the dead-letter list and runs it again. */
export const retryJobAction = orgAction(z.object({ jobId: z.string().min(1) }), "automations:edit", async (ctx) => {
  const { input, org } = ctx;
  if (!(await retryJob({ id: input.jobId, orgId: org.id })))
    return { ok: false, error: "That job is not on the dead-letter list any more." };
  await auditAction(ctx, {
    action: "automation.job_retried",
    target: { type: "job", id: input.jobId },
    summary: "Put a dead-lettered job back on the queue",
  });
  kickJobWorker();
  revalidatePath(`/${org.slug}/automations`);
  return { ok: true, data: null };
});

const writeInput = z.object({ intentId: z.string().min(1, "name the write").max(64) });

/**
 * "Retry" on a write that failed for good, and "Resume now" on one waiting for
 * its next try. Admins and managers may act on any of the org's writes; a
 * member only on the writes they asked for. Both are audited.
 */
export const retryWriteAction = orgAction(
  writeInput,
  "dashboards:view",
  async ({ input, org, role, requestId, actor }) => {
    const request = {
      orgId: org.id,
      intentId: input.intentId,
      actor,
      requestId,
      ownWritesOnly: !can(role, "automations:view"),
    };
    // A Sentry issue's ticket goes the errors page's way, so it is linked once created.
    const ticket = await retrySentryTicket(request);
    revalidatePath(`/${org.slug}/automations`);
    if (ticket) return describeTicketRetry(ticket);
    return describeRetry(await retryWrite(request));
  },
);

export const resumeWriteAction = orgAction(
  writeInput,
  "dashboards:view",
  async ({ input, org, role, requestId, actor }) => {
    const outcome = await resumeWrite({
      orgId: org.id,
      intentId: input.intentId,
      actor,
      requestId,
      ownWritesOnly: !can(role, "automations:view"),
    });
    revalidatePath(`/${org.slug}/automations`);
    return describeRetry(outcome);
  },
);
