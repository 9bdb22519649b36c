import "server-only";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import { readRollbackSettings, type RollbackSettings } from "@/lib/domain/rollback";

/** The org's rollback gate settings (`settings.rollback`); stored values that no longer validate fall back to the defaults. */
export async function getRollbackSettings({ orgId }: { orgId: string }): Promise<RollbackSettings> {
  return readRollbackSettings((await getOrgSettings({ orgId })).rollback);
}
