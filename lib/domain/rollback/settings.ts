import { z } from "zod";

/**
 * When a release's regression is bad enough, and recent enough, to recommend rolling it back
 * (`Organization.settings.rollback`). The crash-free drop reuses the release-health rule (more than
 * `regressionThresholdPoints` below the previous release with enough sessions on both), so the gate and the
 * releases page's "Regression" flag agree. Defaults: a 24-hour window after the deploy, 3 new Critical issues,
 * the "production" environment; the Jira project of the blocker falls back to the release-health rules' project.
 */
export const rollbackSettingsSchema = z.object({
  windowHours: z
    .int("must be a whole number of hours")
    .min(1, "must be at least 1 hour")
    .max(720, "must be at most 720 hours (30 days)")
    .default(24),
  criticalIssueThreshold: z
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000")
    .default(3),
  environment: z
    .string()
    .trim()
    .min(1, "must name the environment")
    .max(64, "must be at most 64 characters")
    .regex(/^[\w.-]+$/, "may only hold letters, digits, dots, dashes and underscores")
    .default("production"),
  jiraProjectKey: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]+$/, "must be a Jira project key such as OPS")
    .nullable()
    .default(null),
});

export type RollbackSettings = z.infer<typeof rollbackSettingsSchema>;

export const DEFAULT_ROLLBACK_SETTINGS: RollbackSettings = rollbackSettingsSchema.parse({});

/** Stored settings that no longer validate fall back to the defaults rather than switching the gate off. */
export function readRollbackSettings(stored: unknown): RollbackSettings {
  const parsed = rollbackSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_ROLLBACK_SETTINGS;
}
