import { z } from "zod";

/**
 * How long an org keeps what it no longer needs, stored in Organization.settings
 * under `retention`. Minimums keep the data people still act on: a failed write
 * can be retried for up to 7 days (lib/outbox/retry-policy.ts) and the outbox
 * page lists a week of failures, so finished writes and runs stay at least 14 days.
 */
export const RETENTION_BOUNDS = {
  deliveryPayloadDays: { min: 7, max: 365, default: 30 },
  automationRunDays: { min: 14, max: 730, default: 90 },
  finishedWriteDays: { min: 14, max: 730, default: 90 },
} as const;

const days = ({ min, max }: { min: number; max: number }) =>
  z
    .int("must be a whole number of days")
    .min(min, `must be at least ${min} days`)
    .max(max, `must be at most ${max} days`);

/** What an admin submits: every field required. */
export const retentionSettingsInputSchema = z.object({
  /** Webhook delivery bodies (up to 1 MB each) are cleared this long after they arrived. */
  deliveryPayloadDays: days(RETENTION_BOUNDS.deliveryPayloadDays),
  /** Finished automation runs are deleted this long after they finished. */
  automationRunDays: days(RETENTION_BOUNDS.automationRunDays),
  /** Outbound writes that succeeded, failed for good or were superseded are deleted this long after they completed. */
  finishedWriteDays: days(RETENTION_BOUNDS.finishedWriteDays),
});

/** What is stored: a missing field means its default. */
export const retentionSettingsSchema = z.object({
  deliveryPayloadDays: retentionSettingsInputSchema.shape.deliveryPayloadDays.default(
    RETENTION_BOUNDS.deliveryPayloadDays.default,
  ),
  automationRunDays: retentionSettingsInputSchema.shape.automationRunDays.default(
    RETENTION_BOUNDS.automationRunDays.default,
  ),
  finishedWriteDays: retentionSettingsInputSchema.shape.finishedWriteDays.default(
    RETENTION_BOUNDS.finishedWriteDays.default,
  ),
});

export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = retentionSettingsSchema.parse({});

/** The stored value, or the defaults for anything missing or invalid (a bad stored value never stops the job). */
export function readRetentionSettings(stored: unknown): RetentionSettings {
  const record =
    stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_RETENTION_SETTINGS };
  for (const key of Object.keys(RETENTION_BOUNDS) as (keyof RetentionSettings)[]) {
    const parsed = retentionSettingsSchema.shape[key].safeParse(record[key]);
    if (parsed.success) settings[key] = parsed.data;
  }
  return settings;
}
