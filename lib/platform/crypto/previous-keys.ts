import type { EncryptionKey } from "./credentials";

/**
 * What is wrong with the keys kept for opening older credentials, or null.
 * Each id must name one key: a sealed value records only its key's id, so an
 * id shared by two keys (the current one among them) opens with whichever is
 * found first, and the other key's rows stop opening.
 */
export function findPreviousKeyProblem(previousKeys: EncryptionKey[], currentKeyId: string): string | null {
  const seen = new Set<string>();
  for (const { keyId, key } of previousKeys) {
    if (keyId === currentKeyId)
      return `reuses key id "${keyId}", the current BOSUN_ENCRYPTION_KEY_ID: a new key needs a new id`;
    if (seen.has(keyId)) return `lists key id "${keyId}" twice`;
    seen.add(keyId);
    if (Buffer.from(key, "base64").length !== 32)
      return `key "${keyId}" must be 32 random bytes, base64-encoded (openssl rand -base64 32)`;
  }
  return null;
}
