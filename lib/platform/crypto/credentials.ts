import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Integration credentials are sealed with AES-256-GCM before they touch the
 * database. The sealed form records the key id, so keys can be rotated: new
 * writes use the current key, and older keys stay able to open old rows until
 * they are re-sealed.
 *
 * Format: v1.<keyId>.<iv base64url>.<tag base64url>.<ciphertext base64url>
 */
export type EncryptionKey = { keyId: string; key: string };
export type Keyring = { current: EncryptionKey; previous: EncryptionKey[] };

const VERSION = "v1";

function keyBytes(key: EncryptionKey): Buffer {
  const bytes = Buffer.from(key.key, "base64");
  if (bytes.length !== 32) throw new Error(`Encryption key ${key.keyId} must be 32 bytes`);
  return bytes;
}

export function sealCredentials(plain: Record<string, string>, keyring: Keyring): { sealed: string; keyId: string } {
  const { current } = keyring;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(current), iv);
  // The key id is authenticated too, so a sealed value cannot be relabelled.
  cipher.setAAD(Buffer.from(current.keyId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plain), "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    sealed: [
      VERSION,
      current.keyId,
      iv.toString("base64url"),
      tag.toString("base64url"),
      ciphertext.toString("base64url"),
    ].join("."),
    keyId: current.keyId,
  };
}

/** Why sealed credentials did not open: a malformed value, a key id not configured, or a key that is not the one that sealed it (or tampering). */
export type CredentialsErrorReason = "malformed" | "unknown-key" | "wrong-key";

export class CredentialsError extends Error {
  constructor(
    message: string,
    readonly reason: CredentialsErrorReason,
  ) {
    super(message);
    this.name = "CredentialsError";
  }
}

export function openCredentials(sealed: string, keyring: Keyring): Record<string, string> {
  const [version, keyId, iv, tag, ciphertext, ...extra] = sealed.split(".");
  if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined || extra.length > 0)
    throw new CredentialsError("Sealed credentials are malformed", "malformed");
  const key = [keyring.current, ...keyring.previous].find((k) => k.keyId === keyId);
  if (!key) throw new CredentialsError(`No encryption key with id "${keyId}" is configured`, "unknown-key");
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyBytes(key), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
    return JSON.parse(plain) as Record<string, string>;
  } catch {
    throw new CredentialsError("Sealed credentials could not be opened: wrong key or tampered data", "wrong-key");
  }
}

/** True when a row was sealed with an older key and should be re-sealed. */
export function needsResealing(keyId: string, keyring: Keyring): boolean {
  return keyId !== keyring.current.keyId;
}
