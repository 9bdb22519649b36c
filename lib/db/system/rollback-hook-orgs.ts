// The periodic release check starts from no org: it asks which orgs have a rollback hook to evaluate gates for.
import "server-only";
import { db } from "@/lib/db/client";

/** Orgs with a connected rollback hook. */
export async function listOrgIdsWithRollbackHook(): Promise<string[]> {
  const rows = await db.integrationConnection.findMany({
    where: { provider: "rollback_hook", status: "connected" },
    select: { orgId: true },
  });
  return rows.map((row) => row.orgId);
}
