"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/platform/actions/org-action";
import { setOrgSetting } from "@/lib/db/queries/organizations";
import { auditAction } from "@/app/(app)/[orgSlug]/audit-action";
import { CALENDAR_ZONE_KEY, calendarSettingsSchema, getCalendarTimeZone } from "./calendar-zone";

/**
 * The zone the org's calendar is kept in: sprint days, days left and report days are counted in it, the same for
 * every viewer. The sprint pages read it on every load, so nothing cached needs clearing; an unchanged save writes no
 * audit entry.
 */
export const updateCalendarSettingsAction = orgAction(calendarSettingsSchema, "settings:manage", async (ctx) => {
  const { input, org } = ctx;
  const before = await getCalendarTimeZone({ orgId: org.id });
  await setOrgSetting({ orgId: org.id, key: CALENDAR_ZONE_KEY, value: input.timeZone });
  if (before !== input.timeZone) {
    await auditAction(ctx, {
      target: { type: "organization", id: org.id },
      action: "org.calendar_settings_updated",
      summary: `Calendar time zone: ${before} → ${input.timeZone}`,
      changes: { timeZone: { from: before, to: input.timeZone } },
    });
  }
  revalidatePath(`/${org.slug}/settings`);
  return { ok: true, data: { timeZone: input.timeZone } };
});
