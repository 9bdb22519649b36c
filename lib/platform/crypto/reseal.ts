import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { listCredentialsNotUnderKey, replaceSealedCredentials } from "@/lib/db/queries/sealed-credentials";
import { listOrgIdsWithCredentialsNotUnderKeyAcrossOrgs } from "@/lib/db/system/credentials";
import { CredentialsError, openCredentials, sealCredentials, type Keyring } from "./credentials";
import { getKeyring } from "./keyring";

const ACTOR = { type: "system" as const, id: null, label: "npm run keys:reseal" };

/** A row the configured keys cannot open: nothing is re-sealed while one exists. */
export class ResealRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ResealRefusedError";
  }
}

export type ResealedRow = { orgSlug: string; provider: string; fromKeyId: string };
export type ResealSummary = { keyId: string; resealed: number; orgs: number; changedMeanwhile: number };

/**
 * Re-seals every stored credential that is not under the current key, so the
 * older keys can be dropped. Every row is opened first, and if one cannot be,
 * nothing is written. Then one org at a time, one row at a time: each row is
 * a single compare-and-set on the sealed value that was read, so it moves
 * whole or not at all, and a value saved meanwhile is left alone. Stopping
 * midway leaves each row under its old key or the new one, both configured;
 * running again finishes, and a run with nothing left to move writes nothing.
 * Each org whose rows moved gets one audit entry per run, written even when
 * the run stops partway through that org.
 */
export async function resealStoredCredentials({
  keyring = getKeyring(),
  onResealed,
}: { keyring?: Keyring; onResealed?: (row: ResealedRow) => void | Promise<void> } = {}): Promise<ResealSummary> {
  const keyId = keyring.current.keyId;
  const orgIds = await listOrgIdsWithCredentialsNotUnderKeyAcrossOrgs({ keyId });
  for (const orgId of orgIds)
    for (const row of await listCredentialsNotUnderKey({ orgId, keyId })) assertOpens(row, keyring);

  const summary: ResealSummary = { keyId, resealed: 0, orgs: 0, changedMeanwhile: 0 };
  for (const orgId of orgIds) {
    const moved: ResealedRow[] = [];
    let failure: unknown = null;
    try {
      for (const row of await listCredentialsNotUnderKey({ orgId, keyId })) {
        const sealed = sealCredentials(assertOpens(row, keyring), keyring);
        if (
          !(await replaceSealedCredentials({
            orgId,
            id: row.id,
            expected: row.encryptedCredentials,
            sealed: sealed.sealed,
            keyId: sealed.keyId,
          }))
        ) {
          summary.changedMeanwhile += 1;
          continue;
        }
        const resealed = { orgSlug: row.org.slug, provider: row.provider, fromKeyId: row.credentialsKeyId };
        moved.push(resealed);
        summary.resealed += 1;
        await onResealed?.(resealed);
      }
    } catch (error) {
      failure = error;
    }
    if (moved.length > 0) {
      summary.orgs += 1;
      // After a failure the audit entry is still attempted, but the failure is what the caller hears about.
      await auditResealed(orgId, moved, keyId).catch((auditError: unknown) => {
        if (failure === null) throw auditError;
      });
    }
    if (failure !== null) throw failure;
  }
  return summary;
}

function assertOpens(
  row: { provider: string; credentialsKeyId: string; encryptedCredentials: string; org: { slug: string } },
  keyring: Keyring,
): Record<string, string> {
  try {
    return openCredentials(row.encryptedCredentials, keyring);
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    throw new ResealRefusedError(
      `Nothing was re-sealed: the ${row.provider} credentials of ${row.org.slug} (key id "${row.credentialsKeyId}") cannot be opened with the configured keys (${error.message}). Configure that key, or enter those credentials again, then run this again.`,
    );
  }
}

async function auditResealed(orgId: string, moved: ResealedRow[], keyId: string) {
  const providers = moved.map((row) => row.provider).sort();
  const from = [...new Set(moved.map((row) => row.fromKeyId))].sort();
  const names = providers.length === 1 ? providers[0] : `${providers.slice(0, -1).join(", ")} and ${providers.at(-1)}`;
  await appendAuditEntry({
    orgId,
    actor: ACTOR,
    action: "credentials.resealed",
    summary: `Re-sealed the ${names} credentials under encryption key "${keyId}"`,
    changes: { providers, keyId: { from, to: keyId } },
  });
}
