"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditAction } from "@/lib/platform/actions/audit-action";
import { orgAction } from "@/lib/platform/actions/org-action";
import { channelsSchema, orgNotificationDefaultsSchema, personalPreferencesSchema } from "@/lib/domain/notifications";
import {
  changeWatch,
  markNotificationsRead,
  saveOrgNotificationDefaults,
  savePreferences,
} from "@/lib/features/notifications";

/** The inbox count sits in the layout's header: every change to it refreshes the layout. */
const refresh = (orgSlug: string) => revalidatePath(`/${orgSlug}`, "layout");

const markReadSchema = z.object({
  ids: z.union([z.literal("all"), z.array(z.string().min(1).max(64)).min(1).max(200)]),
});

/** Marks the caller's own notifications read (ids of anyone else's change nothing). */
export const markNotificationsReadAction = orgAction(
  markReadSchema,
  "dashboards:view",
  async ({ input, org, user }) => {
    const changed = await markNotificationsRead({ orgId: org.id, userId: user.id, ids: input.ids });
    refresh(org.slug);
    return { ok: true, data: { changed } };
  },
);

/** Marks all read from a plain form (the header's inbox works before hydration). */
export async function markAllReadFormAction(orgSlug: string): Promise<void> {
  await markNotificationsReadAction({ orgSlug, ids: "all" });
}

/** Marks one read from a plain form on the notifications page. */
export async function markOneReadFormAction(orgSlug: string, id: string): Promise<void> {
  await markNotificationsReadAction({ orgSlug, ids: [id] });
}

/** The caller's own preferences; nobody sets anyone else's. */
export const saveNotificationPreferencesAction = orgAction(
  personalPreferencesSchema,
  "dashboards:view",
  async ({ input, org, user }) => {
    await savePreferences({ orgId: org.id, userId: user.id, preferences: input });
    refresh(org.slug);
    return { ok: true, data: null };
  },
);

const orgDefaultsSchema = orgNotificationDefaultsSchema.extend({ channels: channelsSchema });

/** The org's defaults, for members who have not chosen; admins only, audited with before and after. */
export const saveOrgNotificationDefaultsAction = orgAction(orgDefaultsSchema, "settings:manage", async (ctx) => {
  const { before, after } = await saveOrgNotificationDefaults({ orgId: ctx.org.id, defaults: ctx.input });
  if (JSON.stringify(before) !== JSON.stringify(after))
    await auditAction(ctx, {
      action: "settings.notifications_updated",
      summary: "Changed the org's notification defaults",
      target: { type: "organization", id: ctx.org.id },
      changes: { before, after },
    });
  revalidatePath(`/${ctx.org.slug}/notifications/preferences`);
  return { ok: true, data: null };
});

const watchSchema = z.object({
  targetType: z.enum(["sentry_issue", "release", "sentry_project"], {
    error: 'must be "sentry_issue", "release" or "sentry_project"',
  }),
  targetId: z
    .string()
    .trim()
    .min(1, "is required")
    .max(200, "must be at most 200 characters")
    .regex(/^[\w.+@:-]+$/, "may hold letters, digits and . + @ : _ - only"),
  watching: z.boolean(),
});

/** Starts or stops the caller watching an issue, a release or a Sentry project. */
export const setWatchAction = orgAction(watchSchema, "dashboards:view", async ({ input, org, user }) => {
  const watching = await changeWatch({ orgId: org.id, userId: user.id, ...input });
  return { ok: true, data: { watching } };
});
