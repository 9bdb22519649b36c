"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/platform/actions/org-action";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { getOrgSecuritySettings, setOrgSetting, updateOrgSecuritySettings } from "@/lib/db/queries/organizations";
import { severitySettingsSchema } from "@/lib/domain/severity";
import { invalidateErrors, getSeveritySettings } from "@/lib/features/errors";
import { routingSchema, saveTicketRouting } from "@/lib/features/tickets";
import { isSessionMfaVerified } from "@/lib/db/system/sessions";
import { getOutboxRetryHours, outboxRetryHoursSchema } from "@/lib/platform/outbox/retry-settings";
import { retentionSettingsInputSchema, type RetentionSettings } from "@/lib/domain/retention";
import { getRetentionSettings, RETENTION_SETTINGS_KEY } from "@/lib/features/retention";

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

export const updateSecuritySettingsAction = orgAction(
  updateSecuritySchema,
  "settings:manage",
  async ({ input, org, requestId, sessionId, actor }) => {
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
    if (Object.keys(changes).length > 0) {
      await appendAuditEntry({
        orgId: org.id,
        actor,
        action: "org.security_settings_updated",
        target: { type: "organization", id: org.id },
        summary: `Security settings changed: ${Object.entries(changes)
          .map(([k, v]) => `${k} ${String(v.from)} → ${String(v.to)}`)
          .join(", ")}`,
        changes,
        requestId,
      });
    }
    revalidatePath(`/${org.slug}/settings`);
    return { ok: true, data: after };
  },
);

export const updateSeverityThresholdsAction = orgAction(
  severitySettingsSchema,
  "settings:manage",
  async ({ input, org, requestId, actor }) => {
    const before = await getSeveritySettings({ orgId: org.id });
    await setOrgSetting({ orgId: org.id, key: "severity", value: input });
    await invalidateErrors({ orgId: org.id });
    await appendAuditEntry({
      orgId: org.id,
      actor,
      action: "org.severity_thresholds_updated",
      target: { type: "organization", id: org.id },
      summary: `Severity thresholds: high at ${input.highUserThreshold} users or ${input.highEventThreshold} events in 24 h, critical at ${input.criticalUserThreshold} users`,
      changes: { from: before, to: input },
      requestId,
    });
    revalidatePath(`/${org.slug}/settings`);
    return { ok: true, data: input };
  },
);

export const saveTicketRoutingAction = orgAction(
  z.object({ routing: routingSchema }),
  "settings:manage",
  async ({ input, org, requestId, actor }) => {
    await saveTicketRouting({ orgId: org.id, routing: input.routing });
    const described = Object.entries(input.routing)
      .filter(([, c]) => c)
      .map(([project, component]) => `${project} → ${component}`);
    await appendAuditEntry({
      orgId: org.id,
      actor,
      action: "org.ticket_routing_updated",
      target: { type: "organization", id: org.id },
      summary: described.length ? `Ticket routing: ${described.join(", ")}` : "Ticket routing cleared",
      changes: { routing: input.routing },
      requestId,
    });
    revalidatePath(`/${org.slug}/settings`);
    return { ok: true, data: null };
  },
);

export const updateOutboxRetryHoursAction = orgAction(
  z.object({ outboxRetryHours: outboxRetryHoursSchema }),
  "settings:manage",
  async ({ input, org, requestId, actor }) => {
    const before = await getOutboxRetryHours({ orgId: org.id });
    await setOrgSetting({ orgId: org.id, key: "outboxRetryHours", value: input.outboxRetryHours });
    await appendAuditEntry({
      orgId: org.id,
      actor,
      action: "org.outbox_retry_updated",
      target: { type: "organization", id: org.id },
      summary: `Outbound writes are retried for ${input.outboxRetryHours} h (was ${before} h)`,
      changes: { outboxRetryHours: { from: before, to: input.outboxRetryHours } },
      requestId,
    });
    revalidatePath(`/${org.slug}/settings`);
    return { ok: true, data: { outboxRetryHours: input.outboxRetryHours } };
  },
);

export const updateRetentionSettingsAction = orgAction(
  retentionSettingsInputSchema,
  "settings:manage",
  async ({ input, org, requestId, actor }) => {
    const before = await getRetentionSettings({ orgId: org.id });
    const after: RetentionSettings = {
      deliveryPayloadDays: input.deliveryPayloadDays,
      automationRunDays: input.automationRunDays,
      finishedWriteDays: input.finishedWriteDays,
    };
    await setOrgSetting({ orgId: org.id, key: RETENTION_SETTINGS_KEY, value: after });
    const changed = (Object.keys(after) as (keyof RetentionSettings)[]).filter((key) => before[key] !== after[key]);
    if (changed.length > 0) {
      await appendAuditEntry({
        orgId: org.id,
        actor,
        action: "org.retention_updated",
        target: { type: "organization", id: org.id },
        summary: `Retention: ${changed.map((key) => `${key} ${before[key]} → ${after[key]} days`).join(", ")}`,
        changes: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
        requestId,
      });
    }
    revalidatePath(`/${org.slug}/settings`);
    return { ok: true, data: after };
  },
);
