// Scheduled jobs start from no org: they ask which orgs to queue work for, one job per org.
import "server-only";
import { db } from "@/lib/db/client";
import type { AutomationKind } from "@/lib/db/types";

/** Orgs to run retention for. */
export async function listOrgIdsForRetention(): Promise<string[]> {
  return (await db.organization.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((org) => org.id);
}

/** Orgs with at least one enabled rule of this kind. */
export async function listOrgIdsWithEnabledRule({ kind }: { kind: AutomationKind }): Promise<string[]> {
  const rules = await db.automationRule.findMany({
    where: { kind, enabled: true },
    select: { orgId: true },
    distinct: ["orgId"],
  });
  return rules.map((rule) => rule.orgId);
}
