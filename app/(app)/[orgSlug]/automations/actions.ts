"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, describeIssues } from "@/lib/platform/actions/org-action";
import { previewRule, RETRY_RUN_QUEUE, type PreviewRow } from "@/lib/features/automations";
import { createRule, deleteRule, findRule, findRun, updateRule } from "@/lib/db/queries/automations";
import { auditAction } from "@/app/(app)/[orgSlug]/audit-action";
import type { JsonInput } from "@/lib/db/types";
import { AUTOMATION_KINDS, KIND_LABELS, RULE_CONFIG_SCHEMAS, parseRule } from "@/lib/domain/automations";
import { enqueueJob, kickJobWorker, retryJob } from "@/lib/platform/jobs";
import { can } from "@/lib/domain/permissions";
import { describeRetry } from "@/lib/platform/outbox/describe-retry";
import { resumeWrite, retryWrite } from "@/lib/platform/outbox/retry-write";
import { describeTicketRetry, retrySentryTicket } from "@/lib/features/tickets";

const ruleFields = z.object({
  ruleId: z.string().min(1).optional(),
  kind: z.enum(AUTOMATION_KINDS),
  name: z.string().trim().min(1, "give the rule a name").max(80, "must be at most 80 characters"),
  enabled: z.boolean(),
  config: z.unknown(),
});

/** Creates or updates a rule; the config is validated by its kind's schema and errors name `config.<field>`. */
export const saveRuleAction = orgAction(ruleFields, "automations:edit", async (ctx) => {
  const { input, org, user } = ctx;
  const parsed = RULE_CONFIG_SCHEMAS[input.kind].safeParse(input.config);
  if (!parsed.success) {
    const { fieldErrors } = describeIssues(parsed.error);
    const prefixed = Object.fromEntries(
      Object.entries(fieldErrors).map(([field, message]) => [`config.${field}`, message]),
    );
    return {
      ok: false,
      error: Object.entries(prefixed)
        .map(([field, message]) => `${field}: ${message}`)
        .join("; "),
      fieldErrors: prefixed,
    };
  }
  const config = parsed.data as JsonInput;
  const before = input.ruleId ? await findRule({ orgId: org.id, ruleId: input.ruleId }) : null;
  if (input.ruleId && (!before || before.kind !== input.kind))
    return { ok: false, error: "That rule no longer exists." };
  const saved = before
    ? await updateRule({
        orgId: org.id,
        ruleId: before.id,
        data: { name: input.name, enabled: input.enabled, config },
      })
    : await createRule({
        orgId: org.id,
        kind: input.kind,
        name: input.name,
        enabled: input.enabled,
        config,
        createdById: user.id,
      });
  if (!saved) return { ok: false, error: "That rule no longer exists." };
  await auditAction(ctx, {
    action: before ? "automation.rule_updated" : "automation.rule_created",
    target: { type: "automation_rule", id: saved.id },
    summary: `${before ? "Updated" : "Created"} the ${KIND_LABELS[input.kind].title} rule “${input.name}”${input.enabled ? "" : " (off)"}`,
    changes: {
      from: before ? { name: before.name, enabled: before.enabled, config: before.config } : null,
      to: { name: input.name, enabled: input.enabled, config },
    } as JsonInput,
  });
  revalidatePath(`/${org.slug}/automations`);
  return { ok: true, data: { ruleId: saved.id } };
});

export const setRuleEnabledAction = orgAction(
  z.object({ ruleId: z.string().min(1), enabled: z.boolean() }),
  "automations:edit",
  async (ctx) => {
    const { input, org } = ctx;
    const saved = await updateRule({ orgId: org.id, ruleId: input.ruleId, data: { enabled: input.enabled } });
    if (!saved) return { ok: false, error: "That rule no longer exists." };
    await auditAction(ctx, {
      action: input.enabled ? "automation.rule_enabled" : "automation.rule_disabled",
      target: { type: "automation_rule", id: saved.id },
      summary: `Switched the rule “${saved.name}” ${input.enabled ? "on" : "off"}`,
    });
    revalidatePath(`/${org.slug}/automations`);
    return { ok: true, data: { enabled: input.enabled } };
  },
);

export const deleteRuleAction = orgAction(z.object({ ruleId: z.string().min(1) }), "automations:edit", async (ctx) => {
  const { input, org } = ctx;
  const rule = await findRule({ orgId: org.id, ruleId: input.ruleId });
  if (!rule || !(await deleteRule({ orgId: org.id, ruleId: rule.id })))
    return { ok: false, error: "That rule no longer exists." };
  await auditAction(ctx, {
    action: "automation.rule_deleted",
    target: { type: "automation_rule", id: rule.id },
    summary: `Deleted the rule “${rule.name}”`,
    changes: { from: { name: rule.name, kind: rule.kind, config: rule.config } } as JsonInput,
  });
  revalidatePath(`/${org.slug}/automations`);
  return { ok: true, data: null };
});

/** The saved rule — or, from the edit form, its unsaved settings — against recent events. Reads only. */
export const previewRuleAction = orgAction(
  z.object({ ruleId: z.string().min(1), config: z.unknown().optional() }),
  "automations:view",
  async ({
    input,
    org,
  }): Promise<
    { ok: true; data: PreviewRow[] } | { ok: false; error: string; fieldErrors?: Record<string, string> }
  > => {
    const rule = await findRule({ orgId: org.id, ruleId: input.ruleId });
    if (!rule) return { ok: false, error: "That rule no longer exists." };
    const parsed = parseRule({ ...rule, config: input.config ?? rule.config });
    if (!parsed.ok) return { ok: false, error: `These settings are not valid: ${parsed.error}` };
    return { ok: true, data: await previewRule({ orgId: org.id, rule: parsed.rule }) };
  },
);

/** Puts a failed run back on the queue; it redoes only what did not finish, with the same idempotency keys. */
export const retryRunAction = orgAction(z.object({ runId: z.string().min(1) }), "automations:edit", async (ctx) => {
  const { input, org } = ctx;
  const run = await findRun({ orgId: org.id, runId: input.runId });
  if (!run) return { ok: false, error: "That run no longer exists." };
  if (run.status !== "failed")
    return { ok: false, error: `Only failed runs can be retried; this one is ${run.status}.` };
  await enqueueJob({
    queue: RETRY_RUN_QUEUE,
    orgId: org.id,
    payload: { runId: run.id },
    singletonKey: `retry-run:${run.id}:${run.attempt}`,
  });
  await auditAction(ctx, {
    action: "automation.run_retried",
    target: { type: "automation_run", id: run.id },
    summary: `Retried a failed automation run (attempt ${run.attempt + 1})`,
  });
  kickJobWorker();
  revalidatePath(`/${org.slug}/automations`);
  return { ok: true, data: null };
});

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
