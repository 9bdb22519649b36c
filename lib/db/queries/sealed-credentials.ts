import "server-only";
import { db } from "@/lib/db/client";

/**
 * One org's sealed integration credentials, for `npm run keys:reseal`: never
 * reachable from a request, and nothing here returns plaintext. Disconnected
 * connections keep no credentials (an empty sealed value) and are left out.
 * The cross-org reads that decide which orgs to reseal are in
 * lib/db/system/credentials.ts.
 */

const HOLDS_CREDENTIALS = { encryptedCredentials: { not: "" } };

/** One org's connections whose credentials are sealed with any key but `keyId`, sealed values included. */
export async function listCredentialsNotUnderKey({ orgId, keyId }: { orgId: string; keyId: string }) {
  return db.integrationConnection.findMany({
    where: { orgId, ...HOLDS_CREDENTIALS, credentialsKeyId: { not: keyId } },
    select: {
      id: true,
      orgId: true,
      provider: true,
      credentialsKeyId: true,
      encryptedCredentials: true,
      org: { select: { slug: true } },
    },
    orderBy: { provider: "asc" },
  });
}

/**
 * Replaces a connection's sealed credentials only if they are still `expected`
 * (compare-and-set), so a value saved meanwhile is never overwritten with an
 * older one. One statement: the row moves whole or not at all. True when it moved.
 */
export async function replaceSealedCredentials({
  orgId,
  id,
  expected,
  sealed,
  keyId,
}: {
  orgId: string;
  id: string;
  expected: string;
  sealed: string;
  keyId: string;
}): Promise<boolean> {
  const { count } = await db.integrationConnection.updateMany({
    where: { id, orgId, encryptedCredentials: expected },
    data: { encryptedCredentials: sealed, credentialsKeyId: keyId },
  });
  return count === 1;
}
