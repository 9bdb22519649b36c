import "server-only";
import { z } from "zod";
import { setOrgSetting } from "@/lib/db/queries/organizations";
import { performanceSettingsSchema, type PerformanceSettings } from "@/lib/domain/performance";
import { getPerformanceSettings } from "./settings";

/** Stored in Organization.settings under this key (read back by `getPerformanceSettings`). */
const PERFORMANCE_SETTINGS_KEY = "performance";

const { shape } = performanceSettingsSchema;

/**
 * What an admin submits: the stored schema's bounds and messages, but every threshold required, so a field left
 * out is refused by name instead of silently falling back to its default.
 */
export const performanceSettingsInputSchema = z.object({
  vitalRegressionPercent: shape.vitalRegressionPercent.unwrap(),
  minPageLoads: shape.minPageLoads.unwrap(),
  apiLatencyRegressionPercent: shape.apiLatencyRegressionPercent.unwrap(),
  minTransactions: shape.minTransactions.unwrap(),
  apdexThresholdMs: shape.apdexThresholdMs.unwrap(),
});

export type PerformanceSettingsChange = {
  before: PerformanceSettings;
  after: PerformanceSettings;
  /** The thresholds whose value differs from before, in the schema's order. */
  changed: (keyof PerformanceSettings)[];
};

/** Stores the org's regression thresholds and apdex T, and says what they were before. */
export async function savePerformanceSettings({
  orgId,
  settings,
}: {
  orgId: string;
  settings: PerformanceSettings;
}): Promise<PerformanceSettingsChange> {
  const before = await getPerformanceSettings({ orgId });
  const after = performanceSettingsInputSchema.parse(settings);
  await setOrgSetting({ orgId, key: PERFORMANCE_SETTINGS_KEY, value: after });
  const changed = (Object.keys(after) as (keyof PerformanceSettings)[]).filter((key) => before[key] !== after[key]);
  return { before, after, changed };
}
