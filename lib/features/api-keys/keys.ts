import { createHash, randomBytes } from "node:crypto";

/**
 * The key material of Bosun API keys. A key is "bsn_" plus 32 random bytes in
 * base64url (256 bits, so guessing is hopeless and a plain SHA-256 is enough to
 * store it: no salt or slow hash is needed for secrets with this much entropy).
 * The recognisable prefix lets secret scanners and people tell a Bosun key apart.
 */
export const API_KEY_MARKER = "bsn_";

/** How many leading characters are kept in clear, to tell keys apart in the UI ("bsn_" + 8). */
export const API_KEY_PREFIX_LENGTH = 12;

const RANDOM_BYTES = 32;
// 32 bytes are 43 base64url characters without padding.
const API_KEY_PATTERN = /^bsn_[A-Za-z0-9_-]{43}$/;

export type GeneratedApiKey = {
  /** The full key: shown to its creator once, never stored. */
  key: string;
  /** Its first characters, stored and shown in the UI. */
  prefix: string;
  /** SHA-256 hex of the full key, the only form that is stored. */
  hash: string;
};

export function generateApiKey(): GeneratedApiKey {
  const key = API_KEY_MARKER + randomBytes(RANDOM_BYTES).toString("base64url");
  return { key, prefix: key.slice(0, API_KEY_PREFIX_LENGTH), hash: hashApiKey(key) };
}

/** SHA-256 hex. Lookups go by this hash, so no comparison ever touches the secret itself. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Whether text has the shape of a Bosun key; lets malformed tokens be refused without a database read. */
export function looksLikeApiKey(text: string): boolean {
  return API_KEY_PATTERN.test(text);
}

/**
 * The token in an Authorization header value ("Bearer <token>", scheme in any
 * case), or the value itself when it carries no scheme; null when empty.
 */
export function bearerToken(header: string | null | undefined): string | null {
  const value = header?.trim();
  if (!value) return null;
  const match = /^bearer(?:\s+(.*))?$/i.exec(value);
  const token = (match ? (match[1] ?? "") : value).trim();
  return token ? token : null;
}
