"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type UserActor } from "@/lib/platform/actions/org-action";
import type { AuditEntryInput } from "@/lib/db/queries/audit-log";
import { auditAction } from "@/app/(app)/[orgSlug]/audit-action";
import { getOrgSecuritySettings, setOrgSetting, updateOrgSecuritySettings } from "@/lib/db/queries/organizations";
import { severitySettingsSchema } from "@/lib/domain/severity";
import { invalidateErrors, getSeveritySettings } from "@/lib/features/errors";
import { routingSchema, saveTicketRouting } from "@/lib/features/tickets";
import { isSessionMfaVerified } from "@/lib/db/system/sessions";
import { getOutboxRetryHours, outboxRetryHoursSchema } from "@/lib/platform/outbox/retry-settings";
import { retentionSettingsInputSchema, type RetentionSettings } from "@/lib/domain/retention";
import { getRetentionSettings, RETENTION_SETTINGS_KEY } from "@/lib/features/retention";

/**
 * After an org setting is stored: the audit entry, when something changed (`change` is null when nothing did), and a
 * fresh settings page.
 */
async function settingsSaved(
  ctx: { org: { id: string; slug: string }; actor: UserActor; requestId: string },
  change: Pick<AuditEntryInput, "action" | "summary" | "changes"> | null,
) {
  if (change) await auditAction(ctx, { target: { type: "organization", id: ctx.org.id }, ...change });
  revalidatePath(`/${ctx.org.slug}/settings`);
}

const updateSecuritySchema = z.object({
  requireMfa: z.boolean(),
  // Blank means "no idle timeout".
  sessionIdleTimeoutMinutes: z
    .number()
    .int()
    .min(5, "must be at least 5 minutes")
    .max(43_200, "must be at most 30 days (43,200 minutes)")
    .nullable(),
});

export const updateSecuritySettingsAction = orgAction(updateSecuritySchema, "settings:manage", async (ctx) => {
  const { input, org, sessionId } = ctx;
  const before = await getOrgSecuritySettings({ orgId: org.id });
  // Requiring MFA from a session without it would lock the admin out mid-change.
  if (input.requireMfa && !before.requireMfa && !(await isSessionMfaVerified({ workosSessionId: sessionId }))) {
    return {
      ok: false,
      error: "Set up two-step verification for yourself before requiring it for everyone.",
      fieldErrors: { requireMfa: "verify-first" },
    };
  }
  const after = await updateOrgSecuritySettings({ orgId: org.id, ...input });
  const changes = Object.fromEntries(
    (Object.keys(after) as (keyof typeof after)[])
      .filter((key) => before[key] !== after[key])
      .map((key) => [key, { from: before[key], to: after[key] }]),
  );
  await settingsSaved(
    ctx,
    Object.keys(changes).length > 0
      ? {
          action: "org.security_settings_updated",
          summary: `Security settings changed: ${Object.entries(changes)
            .map(([k, v]) => `${k} ${String(v.from)} → ${String(v.to)}`)
            .join(", ")}`,
          changes,
        }
      : null,
  );
  return { ok: true, data: after };
});

export const updateSeverityThresholdsAction = orgAction(severitySettingsSchema, "settings:manage", async (ctx) => {
  const { input, org } = ctx;
  const before = await getSeveritySettings({ orgId: org.id });
  await setOrgSetting({ orgId: org.id, key: "severity", value: input });
  await invalidateErrors({ orgId: org.id });
  await settingsSaved(ctx, {
    action: "org.severity_thresholds_updated",
    summary: `Severity thresholds: high at ${input.highUserThreshold} users or ${input.highEventThreshold} events in 24 h, critical at ${input.criticalUserThreshold} users`,
    changes: { from: before, to: input },
  });
  return { ok: true, data: input };
});

export const saveTicketRoutingAction = orgAction(
  z.object({ routing: routingSchema }),
  "settings:manage",
  async (ctx) => {
    const { input, org } = ctx;
    await saveTicketRouting({ orgId: org.id, routing: input.routing });
    const described = Object.entries(input.routing)
      .filter(([, c]) => c)
      .map(([project, component]) => `${project} → ${component}`);
    await settingsSaved(ctx, {
      action: "org.ticket_routing_updated",
      summary: described.length ? `Ticket routing: ${described.join(", ")}` : "Ticket routing cleared",
      changes: { routing: input.routing },
    });
    return { ok: true, data: null };
  },
);

export const updateOutboxRetryHoursAction = orgAction(
  z.object({ outboxRetryHours: outboxRetryHoursSchema }),
  "settings:manage",
  async (ctx) => {
    const { input, org } = ctx;
    const before = await getOutboxRetryHours({ orgId: org.id });
    await setOrgSetting({ orgId: org.id, key: "outboxRetryHours", value: input.outboxRetryHours });
    await settingsSaved(ctx, {
      action: "org.outbox_retry_updated",
      summary: `Outbound writes are retried for ${input.outboxRetryHours} h (was ${before} h)`,
      changes: { outboxRetryHours: { from: before, to: input.outboxRetryHours } },
    });
    return { ok: true, data: { outboxRetryHours: input.outboxRetryHours } };
  },
);

export const updateRetentionSettingsAction = orgAction(retentionSettingsInputSchema, "settings:manage", async (ctx) => {
  const { input, org } = ctx;
  const before = await getRetentionSettings({ orgId: org.id });
  const after: RetentionSettings = {
    deliveryPayloadDays: input.deliveryPayloadDays,
    automationRunDays: input.automationRunDays,
    finishedWriteDays: input.finishedWriteDays,
  };
  await setOrgSetting({ orgId: org.id, key: RETENTION_SETTINGS_KEY, value: after });
  const changed = (Object.keys(after) as (keyof RetentionSettings)[]).filter((key) => before[key] !== after[key]);
  await settingsSaved(
    ctx,
    changed.length > 0
      ? {
          action: "org.retention_updated",
          summary: `Retention: ${changed.map((key) => `${key} ${before[key]} → ${after[key]} days`).join(", ")}`,
          changes: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
        }
      : null,
  );
  return { ok: true, data: after };
});
