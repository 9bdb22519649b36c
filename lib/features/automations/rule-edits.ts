import "server-only";
import { z } from "zod";
import { createRule, deleteRule, findRule, findRun, updateRule } from "@/lib/db/queries/automations";
import type { JsonInput } from "@/lib/db/types";
import { AUTOMATION_KINDS, KIND_LABELS, RULE_CONFIG_SCHEMAS, parseRule } from "@/lib/domain/automations";
import type { ActionContext, ActionResult } from "@/lib/platform/actions/org-action";
import { describeIssues } from "@/lib/platform/actions/describe-issues";
import { auditAction } from "@/lib/platform/actions/audit-action";
import { enqueueJob, kickJobWorker } from "@/lib/platform/jobs";
import { previewRule, type PreviewRow } from "./preview";
import { RETRY_RUN_QUEUE } from "./retry-run";

/* What an editor does to the org's rules and runs from the automations page; every change is audited. */

export const ruleFieldsSchema = z.object({
  ruleId: z.string().min(1).optional(),
  kind: z.enum(AUTOMATION_KINDS),
  name: z.string().trim().min(1, "give the rule a name").max(80, "must be at most 80 characters"),
  enabled: z.boolean(),
  config: z.unknown(),
});

/** Creates or updates a rule; the config is validated by its kind's schema and errors name `config.<field>`. */
export async function saveAutomationRule(
  ctx: ActionContext<z.output<typeof ruleFieldsSchema>>,
): Promise<ActionResult<{ ruleId: string }>> {
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
  return { ok: true, data: { ruleId: saved.id } };
}

export const ruleEnabledSchema = z.object({ ruleId: z.string().min(1), enabled: z.boolean() });

export async function setAutomationRuleEnabled(
  ctx: ActionContext<z.output<typeof ruleEnabledSchema>>,
): Promise<ActionResult<{ enabled: boolean }>> {
  const { input, org } = ctx;
  const saved = await updateRule({ orgId: org.id, ruleId: input.ruleId, data: { enabled: input.enabled } });
  if (!saved) return { ok: false, error: "That rule no longer exists." };
  await auditAction(ctx, {
    action: input.enabled ? "automation.rule_enabled" : "automation.rule_disabled",
    target: { type: "automation_rule", id: saved.id },
    summary: `Switched the rule “${saved.name}” ${input.enabled ? "on" : "off"}`,
  });
  return { ok: true, data: { enabled: input.enabled } };
}

export const ruleIdSchema = z.object({ ruleId: z.string().min(1) });

export async function deleteAutomationRule(
  ctx: ActionContext<z.output<typeof ruleIdSchema>>,
): Promise<ActionResult<null>> {
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
  return { ok: true, data: null };
}

export const rulePreviewSchema = z.object({ ruleId: z.string().min(1), config: z.unknown().optional() });

/** The saved rule — or, from the edit form, its unsaved settings — against recent events. Reads only. */
export async function previewAutomationRule({
  input,
  org,
}: ActionContext<z.output<typeof rulePreviewSchema>>): Promise<ActionResult<PreviewRow[]>> {
  const rule = await findRule({ orgId: org.id, ruleId: input.ruleId });
  if (!rule) return { ok: false, error: "That rule no longer exists." };
  const parsed = parseRule({ ...rule, config: input.config ?? rule.config });
  if (!parsed.ok) return { ok: false, error: `These settings are not valid: ${parsed.error}` };
  return { ok: true, data: await previewRule({ orgId: org.id, rule: parsed.rule }) };
}

export const runIdSchema = z.object({ runId: z.string().min(1) });

/** Puts a failed run back on the queue; it redoes only what did not finish, with the same idempotency keys. */
export async function retryAutomationRun(
  ctx: ActionContext<z.output<typeof runIdSchema>>,
): Promise<ActionResult<null>> {
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
  return { ok: true, data: null };
}
