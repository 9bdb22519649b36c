import "server-only";
import { disconnectRollbackHook } from "@/lib/db/queries/rollback-hook";
import { saveRollbackHook, type RollbackHookInput, type SaveHookResult } from "@/lib/integrations/deploy";
import { auditAction, type ActionWho } from "@/lib/platform/actions/audit-action";
import { env } from "@/lib/platform/env";
import type { RollbackSettings } from "@/lib/domain/rollback";
import { saveRollbackSettings } from "./save-settings";

/** Saves the org's rollback hook and audits the names of the fields that changed (never the secret). */
export async function saveOrgRollbackHook(editor: ActionWho, input: RollbackHookInput): Promise<SaveHookResult> {
  const saved = await saveRollbackHook({ orgId: editor.org.id, input, mode: env.mode });
  if (!saved.ok) return saved;
  await auditAction(editor, {
    action: "integration.rollback_hook.saved",
    target: { type: "integration", id: "rollback_hook" },
    summary: saved.changedFields.length
      ? `Updated the rollback hook (${saved.changedFields.join(", ")})`
      : "Saved the rollback hook without changes",
    changes: { fields: saved.changedFields, url: input.url },
  });
  return saved;
}

/** Removes the hook and its secret; `false` when none was connected. */
export async function disconnectOrgRollbackHook(editor: ActionWho): Promise<boolean> {
  const removed = await disconnectRollbackHook({ orgId: editor.org.id });
  if (removed)
    await auditAction(editor, {
      action: "integration.rollback_hook.disconnected",
      target: { type: "integration", id: "rollback_hook" },
      summary: "Disconnected the rollback hook and deleted its secret",
    });
  return removed;
}

/** The gate's window, Critical-issue threshold, environment and Jira project, audited with before and after. */
export async function saveOrgRollbackSettings(
  editor: ActionWho,
  settings: RollbackSettings,
): Promise<RollbackSettings> {
  const change = await saveRollbackSettings({ orgId: editor.org.id, settings });
  await auditAction(editor, {
    action: "settings.rollback.saved",
    target: { type: "organization", id: editor.org.id },
    summary: change.changed.length
      ? `Changed the rollback gate settings (${change.changed.join(", ")})`
      : "Saved the rollback gate settings without changes",
    changes: Object.fromEntries(
      change.changed.map((key) => [key, { from: change.before[key], to: change.after[key] }]),
    ),
  });
  return change.after;
}
