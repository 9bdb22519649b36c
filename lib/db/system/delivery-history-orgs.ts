// The hourly delivery-history catch-up starts from no org: it asks which orgs' history was started, and queues one
// job per org. An org whose Insights were never opened costs Sentry nothing.
import "server-only";
import { db } from "@/lib/db/client";

/** Orgs with a progress row for this history source. */
export async function listOrgIdsWithHistory({ source }: { source: string }): Promise<string[]> {
  const rows = await db.historyBackfill.findMany({
    where: { source },
    select: { orgId: true },
    orderBy: { orgId: "asc" },
  });
  return rows.map((row) => row.orgId);
}
