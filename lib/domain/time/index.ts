export {
  UTC_ZONE,
  orgTimeZoneSetting,
  resolveDisplayZone,
  resolveOrgZone,
  supportedTimeZones,
  type DisplayZone,
} from "./zone";
export { calendarDaysBetween, dayKey, describeInstant, formatDateTime, formatDay, formatRelative } from "./format";
