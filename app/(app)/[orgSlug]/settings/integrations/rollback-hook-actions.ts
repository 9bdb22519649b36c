"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  disconnectOrgRollbackHook,
  rollbackHookInputSchema,
  rollbackSettingsInputSchema,
  saveOrgRollbackHook,
  saveOrgRollbackSettings,
} from "@/lib/features/rollback";
import { orgAction } from "@/lib/platform/actions/org-action";

/** Saves the org's rollback hook; a generated secret comes back once, to be copied into the deployment system. */
export const saveRollbackHookAction = orgAction(rollbackHookInputSchema, "integrations:manage", async (ctx) => {
  const saved = await saveOrgRollbackHook(ctx, ctx.input);
  if (!saved.ok) return saved;
  revalidatePath(`/${ctx.org.slug}/settings/integrations`);
  return { ok: true, data: { generatedSecret: saved.generatedSecret } };
});

export const disconnectRollbackHookAction = orgAction(z.looseObject({}), "integrations:manage", async (ctx) => {
  if (!(await disconnectOrgRollbackHook(ctx))) return { ok: false, error: "No rollback hook is connected." };
  revalidatePath(`/${ctx.org.slug}/settings/integrations`);
  return { ok: true, data: { generatedSecret: null } };
});

/** The gate's window, Critical-issue threshold, environment and Jira project. */
export const saveRollbackSettingsAction = orgAction(rollbackSettingsInputSchema, "settings:manage", async (ctx) => {
  const after = await saveOrgRollbackSettings(ctx, ctx.input);
  revalidatePath(`/${ctx.org.slug}/settings/integrations`);
  return { ok: true, data: after };
});
