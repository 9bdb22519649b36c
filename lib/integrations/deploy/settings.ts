import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { findRollbackHookConnection, saveRollbackHookConnection } from "@/lib/db/queries/rollback-hook";
import { openCredentials, sealCredentials } from "@/lib/platform/crypto/credentials";
import { getKeyring } from "@/lib/platform/crypto/keyring";
import { checkRollbackHookUrl } from "./endpoint";

/**
 * Connecting the org's deployment hook. The secret is sealed at rest and never read back: an admin types one or
 * has Bosun generate one, which is shown once. A blank secret keeps the stored one only while the URL stays the
 * same, so a secret is never sent to an address it was not entered for.
 */
export const rollbackHookInputSchema = z.object({
  url: z.string().trim().min(1, "enter the endpoint URL").max(2000, "must be at most 2000 characters"),
  timeoutSeconds: z.coerce
    .number("must be a number")
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1 second")
    .max(30, "must be at most 30 seconds"),
  secret: z
    .string()
    .trim()
    .max(500, "must be at most 500 characters")
    .refine((value) => value === "" || value.length >= 16, "must be at least 16 characters")
    .optional(),
  generateSecret: z.boolean().optional(),
});

export type RollbackHookInput = z.infer<typeof rollbackHookInputSchema>;

export type SaveHookResult =
  | { ok: true; changedFields: string[]; generatedSecret: string | null }
  | { ok: false; error: string; fieldErrors: Record<string, string> };

const refuse = (field: string, message: string): SaveHookResult => ({
  ok: false,
  error: `${field}: ${message}`,
  fieldErrors: { [field]: message },
});

export async function saveRollbackHook({
  orgId,
  input,
  mode,
}: {
  orgId: string;
  input: RollbackHookInput;
  mode: "demo" | "live";
}): Promise<SaveHookResult> {
  const urlProblem = checkRollbackHookUrl(input.url, mode);
  if (urlProblem) return refuse("url", urlProblem);
  const keyring = getKeyring();
  const existing = await findRollbackHookConnection({ orgId });
  const isConnected = existing?.status !== "disconnected" && Boolean(existing?.encryptedCredentials);
  const stored = isConnected && existing ? openCredentials(existing.encryptedCredentials, keyring).secret : undefined;
  const before = (isConnected ? existing?.config : {}) as { url?: string; timeoutSeconds?: number };
  const urlChanged = before.url !== input.url;
  const generatedSecret = input.generateSecret ? randomBytes(32).toString("base64url") : null;
  const secret = generatedSecret ?? (input.secret || (urlChanged ? undefined : stored));
  if (!secret)
    return refuse(
      "secret",
      stored ? "enter or generate the secret again: the URL changed" : "enter a secret or generate one",
    );
  const { sealed, keyId } = sealCredentials({ secret }, keyring);
  await saveRollbackHookConnection({
    orgId,
    config: { url: input.url, timeoutSeconds: input.timeoutSeconds },
    encryptedCredentials: sealed,
    credentialsKeyId: keyId,
  });
  const changedFields = [
    ...(urlChanged ? ["url"] : []),
    ...(before.timeoutSeconds !== input.timeoutSeconds ? ["timeoutSeconds"] : []),
    ...(secret !== stored ? ["secret"] : []),
  ];
  return { ok: true, changedFields, generatedSecret };
}
