"use server";

import { revalidatePath } from "next/cache";
import { syncSettingsInputSchema } from "@/lib/domain/sync";
import { saveSyncSettings } from "@/lib/features/sync";
import { orgAction } from "@/lib/platform/actions/org-action";

/** Saves the org's Jira–Sentry sync settings (admins); each changed field is audited. */
export const saveSyncSettingsAction = orgAction(
  syncSettingsInputSchema,
  "automations:edit",
  async ({ input, org, actor, requestId }) => {
    await saveSyncSettings({ orgId: org.id, settings: input, actor, requestId });
    revalidatePath(`/${org.slug}/automations`);
    return { ok: true, data: input };
  },
);
