// Encryption keys are per deployment, not per org, so the startup key check and resealing read credentials across every org.
import "server-only";
import { db } from "@/lib/db/client";

/**
 * Sealed integration credentials across every org, for the startup key check
 * and `npm run keys:reseal`: encryption keys are per deployment, not per org,
 * so these two read across orgs on purpose. Nothing here is reachable from a
 * request, and nothing here returns plaintext. Disconnected connections keep
 * no credentials (an empty sealed value) and are left out.
 */

const HOLDS_CREDENTIALS = { encryptedCredentials: { not: "" } };

/** Each key id in use, with how many connections it sealed and one of their sealed values to try opening. */
export async function listKeyIdsInUseAcrossOrgs(): Promise<{ keyId: string; connections: number; sample: string }[]> {
  const groups = await db.integrationConnection.groupBy({
    by: ["credentialsKeyId"],
    where: HOLDS_CREDENTIALS,
    _count: { _all: true },
    _min: { id: true },
    orderBy: { credentialsKeyId: "asc" },
  });
  const sampleIds = groups.map((group) => group._min.id).filter((id) => id !== null);
  const samples = await db.integrationConnection.findMany({
    where: { id: { in: sampleIds } },
    select: { id: true, encryptedCredentials: true },
  });
  const sealedById = new Map(samples.map((row) => [row.id, row.encryptedCredentials]));
  return groups.map((group) => ({
    keyId: group.credentialsKeyId,
    connections: group._count._all,
    sample: sealedById.get(group._min.id ?? "") ?? "",
  }));
}

/** The orgs holding credentials sealed with any key but `keyId`, in a stable order. */
export async function listOrgIdsWithCredentialsNotUnderKeyAcrossOrgs({ keyId }: { keyId: string }): Promise<string[]> {
  const groups = await db.integrationConnection.groupBy({
    by: ["orgId"],
    where: { ...HOLDS_CREDENTIALS, credentialsKeyId: { not: keyId } },
    orderBy: { orgId: "asc" },
  });
  return groups.map((group) => group.orgId);
}
