import "server-only";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import {
  DEFAULT_PERFORMANCE_SETTINGS,
  performanceSettingsSchema,
  type PerformanceSettings,
} from "@/lib/domain/performance";

/** The org's regression thresholds and apdex T (`settings.performance`); stored values that no longer validate fall back to the defaults. */
export async function getPerformanceSettings({ orgId }: { orgId: string }): Promise<PerformanceSettings> {
  const stored = (await getOrgSettings({ orgId })).performance;
  const parsed = performanceSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_PERFORMANCE_SETTINGS;
}
