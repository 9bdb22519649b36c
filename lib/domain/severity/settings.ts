import { z } from "zod";

const threshold = (fallback: number) => z.int("must be a whole number").min(1, "must be at least 1").default(fallback);

/**
 * Org-configurable thresholds for `classifySeverity`. Missing keys take the
 * defaults: 50 users for high, 1,000 events in 24 h for high, 500 users for
 * critical.
 */
export const severitySettingsSchema = z
  .object({
    highUserThreshold: threshold(50),
    highEventThreshold: threshold(1000),
    criticalUserThreshold: threshold(500),
  })
  .refine((s) => s.criticalUserThreshold >= s.highUserThreshold, {
    path: ["criticalUserThreshold"],
    message: "must be at least the high user threshold",
  });

export type SeveritySettings = z.infer<typeof severitySettingsSchema>;

export const DEFAULT_SEVERITY_SETTINGS: SeveritySettings = severitySettingsSchema.parse({});
