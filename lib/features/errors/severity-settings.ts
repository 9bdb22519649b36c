import "server-only";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import { DEFAULT_SEVERITY_SETTINGS, severitySettingsSchema, type SeveritySettings } from "@/lib/domain/severity";

/** The org's severity thresholds; stored values that no longer validate fall back to the defaults. */
export async function getSeveritySettings({ orgId }: { orgId: string }): Promise<SeveritySettings> {
  const stored = (await getOrgSettings({ orgId })).severity;
  const parsed = severitySettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_SEVERITY_SETTINGS;
}
