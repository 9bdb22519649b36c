import "server-only";
import { z } from "zod";
import { getOrgSettings } from "@/lib/db/queries/organizations";
import { orgTimeZoneSetting, resolveOrgZone, supportedTimeZones } from "@/lib/domain/time";

/** Where Organization.settings keeps the calendar zone (read by the sprint dashboard through `orgTimeZoneSetting`). */
export const CALENDAR_ZONE_KEY = "timeZone";

/** The zones an admin can pick: UTC first, then every IANA zone this runtime knows (its list leaves UTC out). */
let zones: string[] | undefined;
export function calendarZones(): readonly string[] {
  return (zones ??= ["UTC", ...supportedTimeZones().filter((zone) => zone !== "UTC")]);
}

export const calendarSettingsSchema = z.object({
  timeZone: z
    .string()
    .max(64, "is not a time zone")
    .refine((zone) => calendarZones().includes(zone), "is not a time zone this server knows"),
});
export type CalendarSettingsInput = z.infer<typeof calendarSettingsSchema>;

/** The org's calendar zone as the sprint dashboard resolves it: the saved zone, or UTC when none (or no valid one) is saved. */
export async function getCalendarTimeZone({ orgId }: { orgId: string }): Promise<string> {
  return resolveOrgZone(orgTimeZoneSetting(await getOrgSettings({ orgId })), calendarZones()).id;
}
