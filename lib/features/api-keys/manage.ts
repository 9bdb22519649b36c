import "server-only";
import { createApiKey, revokeApiKey } from "@/lib/db/queries/api-keys";
import { SCOPE_LABEL } from "@/lib/domain/api-keys/labels";
import type { Role } from "@/lib/domain/permissions";
import { auditAction, type ActionWho } from "@/lib/platform/actions/audit-action";
import { generateApiKey } from "./keys";

/**
 * Mints a key and hands back the full key, the only time it exists outside its hash. The audit entry names the key
 * by its prefix; the key itself goes nowhere but the caller's response.
 */
export async function mintApiKey(
  editor: ActionWho,
  { name, scope, role }: { name: string; scope: keyof typeof SCOPE_LABEL; role: Role },
): Promise<{ key: string; prefix: string; name: string }> {
  const { key, prefix, hash } = generateApiKey();
  const created = await createApiKey({
    orgId: editor.org.id,
    name,
    prefix,
    hashedKey: hash,
    scope,
    role,
    createdById: editor.actor.id,
  });
  await auditAction(editor, {
    action: "api_key.created",
    target: { type: "api_key", id: created.id },
    summary: `Created API key "${created.name}" (${prefix}…, ${SCOPE_LABEL[created.scope]}, acts as ${created.role})`,
    changes: { name: created.name, prefix, scope: created.scope, role: created.role },
  });
  return { key, prefix, name: created.name };
}

/** Revokes one of the org's keys at once; revoking twice is fine and audited once. */
export async function revokeOrgApiKey(editor: ActionWho, keyId: string) {
  const outcome = await revokeApiKey({ orgId: editor.org.id, keyId });
  if (outcome.status === "revoked")
    await auditAction(editor, {
      action: "api_key.revoked",
      target: { type: "api_key", id: outcome.key.id },
      summary: `Revoked API key "${outcome.key.name}" (${outcome.key.prefix}…)`,
    });
  return outcome;
}
