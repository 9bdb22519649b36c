import { z } from "zod";

/**
 * When a release counts as a regression. Defaults: a drop of more than 0.5
 * crash-free session points, with at least 1,000 sessions on both releases so
 * a handful of early crashes does not raise an alarm.
 */
export const releaseHealthSettingsSchema = z.object({
  regressionThresholdPoints: z
    .number("must be a number")
    .min(0, "must be 0 or more")
    .max(100, "must be at most 100")
    .default(0.5),
  minSessions: z.int("must be a whole number").min(1, "must be at least 1").default(1000),
});

export type ReleaseHealthSettings = z.infer<typeof releaseHealthSettingsSchema>;

export const DEFAULT_RELEASE_HEALTH_SETTINGS: ReleaseHealthSettings = releaseHealthSettingsSchema.parse({});
