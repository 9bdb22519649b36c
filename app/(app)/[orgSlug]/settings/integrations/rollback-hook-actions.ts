"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { disconnectRollbackHook } from "@/lib/db/queries/rollback-hook";
import { rollbackSettingsInputSchema, saveRollbackSettings } from "@/lib/features/rollback";
import { rollbackHookInputSchema, saveRollbackHook } from "@/lib/integrations/deploy";
import { orgAction } from "@/lib/platform/actions/org-action";
import { env } from "@/lib/platform/env";

/** Saves the org's rollback hook; a generated secret comes back once, to be copied into the deployment system. */
export const saveRollbackHookAction = orgAction(
  rollbackHookInputSchema,
  "integrations:manage",
  async ({ input, org, requestId, actor }) => {
    const saved = await saveRollbackHook({ orgId: org.id, input, mode: env.mode });
    if (!saved.ok) return saved;
    await appendAuditEntry({
      orgId: org.id,
      actor,
      action: "integration.rollback_hook.saved",
      target: { type: "integration", id: "rollback_hook" },
      // Names of changed fields only: the secret never reaches the audit log.
      summary: saved.changedFields.length
        ? `Updated the rollback hook (${saved.changedFields.join(", ")})`
        : "Saved the rollback hook without changes",
      changes: { fields: saved.changedFields, url: input.url },
      requestId,
    });
    revalidatePath(`/${org.slug}/settings/integrations`);
    return { ok: true, data: { generatedSecret: saved.generatedSecret } };
  },
);

export const disconnectRollbackHookAction = orgAction(
  z.looseObject({}),
  "integrations:manage",
  async ({ org, requestId, actor }) => {
    const removed = await disconnectRollbackHook({ orgId: org.id });
    if (!removed) return { ok: false, error: "No rollback hook is connected." };
    await appendAuditEntry({
      orgId: org.id,
      actor,
      action: "integration.rollback_hook.disconnected",
      target: { type: "integration", id: "rollback_hook" },
      summary: "Disconnected the rollback hook and deleted its secret",
      requestId,
    });
    revalidatePath(`/${org.slug}/settings/integrations`);
    return { ok: true, data: { generatedSecret: null } };
  },
);

/** The gate's window, Critical-issue threshold, environment and Jira project, audited with before and after. */
export const saveRollbackSettingsAction = orgAction(
  rollbackSettingsInputSchema,
  "settings:manage",
  async ({ input, org, requestId, actor }) => {
    const change = await saveRollbackSettings({ orgId: org.id, settings: input });
    await appendAuditEntry({
      orgId: org.id,
      actor,
      action: "settings.rollback.saved",
      target: { type: "organization", id: org.id },
      summary: change.changed.length
        ? `Changed the rollback gate settings (${change.changed.join(", ")})`
        : "Saved the rollback gate settings without changes",
      changes: Object.fromEntries(
        change.changed.map((key) => [key, { from: change.before[key], to: change.after[key] }]),
      ),
      requestId,
    });
    revalidatePath(`/${org.slug}/settings/integrations`);
    return { ok: true, data: change.after };
  },
);
