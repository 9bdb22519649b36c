import "server-only";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import { readRetentionSettings, type RetentionSettings } from "@/lib/domain/retention";

/** Stored in Organization.settings under this key. */
export const RETENTION_SETTINGS_KEY = "retention";

/** The org's retention windows; anything missing or invalid means the default. */
export async function getRetentionSettings({ orgId }: { orgId: string }): Promise<RetentionSettings> {
  return readRetentionSettings((await getOrgSettings({ orgId }))[RETENTION_SETTINGS_KEY]);
}
