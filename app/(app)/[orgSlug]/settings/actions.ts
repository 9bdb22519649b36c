"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/platform/actions/org-action";
import { severitySettingsSchema } from "@/lib/domain/severity";
import { routingSchema } from "@/lib/features/tickets";
import { outboxRetryHoursSchema } from "@/lib/platform/outbox/retry-settings";
import { retentionSettingsInputSchema, type RetentionSettings } from "@/lib/domain/retention";
import {
  updateOutboxRetryHours,
  updateRetentionSettings,
  updateSecuritySettings,
  updateSeverityThresholds,
  updateTicketRouting,
} from "@/lib/features/settings";

/** Every save shows on a fresh settings page. */
function settingsSaved(org: { slug: string }) {
  revalidatePath(`/${org.slug}/settings`);
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
  const result = await updateSecuritySettings(ctx, ctx.input);
  if (result.ok) settingsSaved(ctx.org);
  return result;
});

export const updateSeverityThresholdsAction = orgAction(severitySettingsSchema, "settings:manage", async (ctx) => {
  await updateSeverityThresholds(ctx, ctx.input);
  settingsSaved(ctx.org);
  return { ok: true, data: ctx.input };
});

export const saveTicketRoutingAction = orgAction(
  z.object({ routing: routingSchema }),
  "settings:manage",
  async (ctx) => {
    await updateTicketRouting(ctx, ctx.input.routing);
    settingsSaved(ctx.org);
    return { ok: true, data: null };
  },
);

export const updateOutboxRetryHoursAction = orgAction(
  z.object({ outboxRetryHours: outboxRetryHoursSchema }),
  "settings:manage",
  async (ctx) => {
    await updateOutboxRetryHours(ctx, ctx.input.outboxRetryHours);
    settingsSaved(ctx.org);
    return { ok: true, data: { outboxRetryHours: ctx.input.outboxRetryHours } };
  },
);

export const updateRetentionSettingsAction = orgAction(retentionSettingsInputSchema, "settings:manage", async (ctx) => {
  const { input } = ctx;
  const after: RetentionSettings = {
    deliveryPayloadDays: input.deliveryPayloadDays,
    automationRunDays: input.automationRunDays,
    finishedWriteDays: input.finishedWriteDays,
  };
  await updateRetentionSettings(ctx, after);
  settingsSaved(ctx.org);
  return { ok: true, data: after };
});
