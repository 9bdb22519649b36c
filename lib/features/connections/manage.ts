import "server-only";
import { disconnect, listConnectionSettings } from "@/lib/db/queries/integrations";
import {
  checkIntegration,
  saveIntegration,
  type ConnectionCheck,
  type IntegrationInput,
  type SaveResult,
} from "@/lib/integrations/settings";
import { auditAction, type ActionWho } from "@/lib/platform/actions/audit-action";
import { forgetWebhookSecrets } from "@/lib/platform/webhooks/secrets";

export type Provider = IntegrationInput["provider"];

/** Each connection's status and non-secret settings (text values only), for Settings → Integrations. */
export async function listConnections({ orgId }: { orgId: string }) {
  const connections = await listConnectionSettings({ orgId });
  return connections.map((connection) => ({ ...connection, config: textSettings(connection.config) }));
}

function textSettings(config: unknown): Record<string, string> {
  if (!config || typeof config !== "object" || Array.isArray(config)) return {};
  return Object.fromEntries(
    Object.entries(config).filter((pair): pair is [string, string] => typeof pair[1] === "string"),
  );
}

/**
 * Stores a connection's settings and secrets, audits the names of the fields that changed (secret values never reach
 * the audit log), then calls the service with them.
 */
export async function saveConnection(
  editor: ActionWho,
  input: IntegrationInput,
): Promise<Exclude<SaveResult, { ok: true }> | { ok: true; data: ConnectionCheck }> {
  const saved = await saveIntegration(editor.org.id, input);
  if (!saved.ok) return saved;
  await auditAction(editor, {
    action: `integration.${input.provider}.saved`,
    target: { type: "integration", id: input.provider },
    summary: saved.changedFields.length
      ? `Updated the ${input.provider} connection (${saved.changedFields.join(", ")})`
      : `Saved the ${input.provider} connection without changes`,
    changes: { fields: saved.changedFields },
  });
  return { ok: true, data: await checkIntegration(editor.org.id, input.provider, editor.requestId) };
}

/** Calls the service with the stored settings and records the outcome on the connection. */
export async function testConnection(editor: ActionWho, provider: Provider): Promise<ConnectionCheck> {
  return checkIntegration(editor.org.id, provider, editor.requestId);
}

export async function disconnectConnection(editor: ActionWho, provider: Provider): Promise<void> {
  await disconnect({ orgId: editor.org.id, provider });
  // The intake's cached secret would otherwise accept deliveries for up to 30 s after this.
  forgetWebhookSecrets();
  await auditAction(editor, {
    action: `integration.${provider}.disconnected`,
    target: { type: "integration", id: provider },
    summary: `Disconnected ${provider} and deleted its stored credentials`,
  });
}
