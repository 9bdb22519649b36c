import "server-only";
import { z } from "zod";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import { DEFAULT_RETRY_HOURS, MAX_RETRY_HOURS, MIN_RETRY_HOURS } from "./retry-policy";

/** Stored in Organization.settings under `outboxRetryHours`. */
export const outboxRetryHoursSchema = z
  .number({ error: "must be a whole number of hours" })
  .int("must be a whole number of hours")
  .min(MIN_RETRY_HOURS, `must be at least ${MIN_RETRY_HOURS} hour`)
  .max(MAX_RETRY_HOURS, `must be at most ${MAX_RETRY_HOURS} hours (7 days)`);

/** How many hours the org's outbound writes are retried; a missing or invalid value means the default. */
export async function getOutboxRetryHours({ orgId }: { orgId: string }): Promise<number> {
  const parsed = outboxRetryHoursSchema.safeParse((await getOrgSettings({ orgId })).outboxRetryHours);
  return parsed.success ? parsed.data : DEFAULT_RETRY_HOURS;
}
