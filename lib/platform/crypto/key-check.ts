import { CredentialsError, needsResealing, openCredentials, type Keyring } from "./credentials";

/** A key id found on stored credentials: how many connections it sealed, and one of their sealed values. */
export type KeyIdInUse = { keyId: string; connections: number; sample: string };

function quoted(ids: string[]): string {
  const names = ids.map((id) => `"${id}"`);
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
const connections = (count: number) => `${count} connection${count === 1 ? "" : "s"}`;

/**
 * Why the configured keys cannot open the stored credentials, as what an
 * operator reads before the process refuses to start, or null when they can.
 * Unknown ids come first: they are the usual mistake (a rotation that dropped
 * the old key). One row per id is opened, which catches a key replaced under
 * the same id, the mistake the default id "primary" invites.
 */
export function describeKeyProblem(inUse: KeyIdInUse[], keyring: Keyring): string | null {
  const configured = new Set([keyring.current.keyId, ...keyring.previous.map((key) => key.keyId)]);
  const unknown = inUse.filter((use) => !configured.has(use.keyId));
  if (unknown.length > 0) return describeUnknown(unknown);
  for (const use of inUse) {
    const failure = openFailure(use.sample, keyring);
    if (!failure) continue;
    if (failure.reason !== "wrong-key")
      return `Stored credentials under key id "${use.keyId}" cannot be opened: ${failure.message}.`;
    if (use.keyId === keyring.current.keyId) {
      return `Key id "${use.keyId}" no longer opens stored credentials: the key changed without a new BOSUN_ENCRYPTION_KEY_ID. Set BOSUN_ENCRYPTION_KEY back to the old key, or give the new key a new BOSUN_ENCRYPTION_KEY_ID and list the old one as ${use.keyId}:<old base64 key> in BOSUN_PREVIOUS_ENCRYPTION_KEYS.`;
    }
    return `Key id "${use.keyId}" no longer opens stored credentials: BOSUN_PREVIOUS_ENCRYPTION_KEYS holds a different key under that id; list the key that sealed them.`;
  }
  return null;
}

/** The key ids in use, and whether `npm run keys:reseal` would move their rows to the current key. */
export function summariseKeyIds(inUse: KeyIdInUse[], keyring: Keyring) {
  return inUse.map(({ keyId, connections: count }) => ({
    keyId,
    connections: count,
    needsResealing: needsResealing(keyId, keyring),
  }));
}

function describeUnknown(unknown: KeyIdInUse[]): string {
  const total = connections(unknown.reduce((sum, use) => sum + use.connections, 0));
  const ids = unknown.map((use) => use.keyId);
  if (ids.length === 1) {
    return `Stored integration credentials (${total}) are sealed with key id "${ids[0]}", which is not configured: set BOSUN_PREVIOUS_ENCRYPTION_KEYS to include it (${ids[0]}:<its base64 key>), or set BOSUN_ENCRYPTION_KEY_ID and BOSUN_ENCRYPTION_KEY back to it.`;
  }
  return `Stored integration credentials (${total}) are sealed with key ids ${quoted(ids)}, which are not configured: set BOSUN_PREVIOUS_ENCRYPTION_KEYS to include them (${ids.map((id) => `${id}:<its base64 key>`).join(",")}).`;
}

function openFailure(sealed: string, keyring: Keyring): CredentialsError | null {
  try {
    openCredentials(sealed, keyring);
    return null;
  } catch (error) {
    if (error instanceof CredentialsError) return error;
    throw error;
  }
}
