import "server-only";
import { findRollbackHookConnection } from "@/lib/db/queries/rollback-hook";
import { openCredentials } from "@/lib/platform/crypto/credentials";
import { getKeyring } from "@/lib/platform/crypto/keyring";
import type { RollbackHookConfig } from "./types";

export const DEFAULT_HOOK_TIMEOUT_SECONDS = 10;

/** The org's rollback hook with its secret opened, or null when none is connected. Server-side only, never shown. */
export async function getRollbackHookConfig({ orgId }: { orgId: string }): Promise<RollbackHookConfig | null> {
  const connection = await findRollbackHookConnection({ orgId });
  if (!connection || connection.status === "disconnected" || !connection.encryptedCredentials) return null;
  const config = connection.config as { url?: unknown; timeoutSeconds?: unknown };
  const secret = openCredentials(connection.encryptedCredentials, getKeyring()).secret;
  if (typeof config.url !== "string" || !secret) return null;
  const timeoutSeconds =
    typeof config.timeoutSeconds === "number" ? config.timeoutSeconds : DEFAULT_HOOK_TIMEOUT_SECONDS;
  return { url: config.url, secret, timeoutSeconds };
}

/** What the settings panel may show of the hook: everything but the secret. */
export async function describeRollbackHook({ orgId }: { orgId: string }) {
  const connection = await findRollbackHookConnection({ orgId });
  if (!connection || connection.status === "disconnected") return null;
  const config = connection.config as { url?: unknown; timeoutSeconds?: unknown };
  return {
    url: typeof config.url === "string" ? config.url : "",
    timeoutSeconds: typeof config.timeoutSeconds === "number" ? config.timeoutSeconds : DEFAULT_HOOK_TIMEOUT_SECONDS,
    secretSet: connection.encryptedCredentials !== "",
    updatedAt: connection.updatedAt,
  };
}
