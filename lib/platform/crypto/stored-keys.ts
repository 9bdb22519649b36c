import "server-only";
import { listKeyIdsInUseAcrossOrgs } from "@/lib/db/system/credentials";
import type { Keyring } from "./credentials";
import { describeKeyProblem, summariseKeyIds } from "./key-check";
import { getKeyring } from "./keyring";

/** The configured keys cannot open the stored credentials; the message says which id and what to set. */
export class StoredCredentialsKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoredCredentialsKeyError";
  }
}

/**
 * Checks that the configured keys open the stored credentials: every key id in
 * use is configured, and opens one of its rows. Throws StoredCredentialsKeyError
 * when not, so a process can refuse to start instead of failing every
 * integration call later; otherwise returns the key ids in use.
 */
export async function assertStoredCredentialsOpen(keyring: Keyring = getKeyring()) {
  const inUse = await listKeyIdsInUseAcrossOrgs();
  const problem = describeKeyProblem(inUse, keyring);
  if (problem) throw new StoredCredentialsKeyError(problem);
  return { keyIds: summariseKeyIds(inUse, keyring) };
}
