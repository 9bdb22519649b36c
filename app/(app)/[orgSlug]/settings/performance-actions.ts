"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/platform/actions/org-action";
import { auditAction } from "@/lib/platform/actions/audit-action";
import { performanceSettingsInputSchema, savePerformanceSettings } from "@/lib/features/performance";

/**
 * The org's performance regression thresholds and apdex T. The scorecards and the Performance page read them on
 * every load, so nothing cached needs clearing; an unchanged save writes no audit entry.
 */
export const updatePerformanceSettingsAction = orgAction(
  performanceSettingsInputSchema,
  "settings:manage",
  async (ctx) => {
    const { input, org } = ctx;
    const { before, after, changed } = await savePerformanceSettings({ orgId: org.id, settings: input });
    if (changed.length > 0) {
      await auditAction(ctx, {
        target: { type: "organization", id: org.id },
        action: "org.performance_settings_updated",
        summary: `Performance thresholds: ${changed.map((key) => `${key} ${before[key]} → ${after[key]}`).join(", ")}`,
        changes: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
      });
    }
    revalidatePath(`/${org.slug}/settings`);
    return { ok: true, data: after };
  },
);
