export {
  UTC_ZONE,
  orgTimeZoneSetting,
  resolveDisplayZone,
  resolveOrgZone,
  supportedTimeZones,
  type DisplayZone,
} from "./zone";
export { formatAge } from "./age";
export { calendarDaysBetween, dayKey, describeInstant, formatDateTime, formatDay } from "./format";
export { formatRelative } from "./relative";
