"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/platform/actions/org-action";
import { calendarSettingsSchema, updateCalendarTimeZone } from "@/lib/features/settings";

/** The org's calendar zone; an unchanged save writes no audit entry. */
export const updateCalendarSettingsAction = orgAction(calendarSettingsSchema, "settings:manage", async (ctx) => {
  await updateCalendarTimeZone(ctx, ctx.input.timeZone);
  revalidatePath(`/${ctx.org.slug}/settings`);
  return { ok: true, data: { timeZone: ctx.input.timeZone } };
});
