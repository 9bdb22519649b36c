/*
 * The org settings page: one loader over the settings each feature keeps (sign-in, severity, routing, outbound
 * writes, retention, performance regressions). Each setting's rules and writes stay with its own feature.
 */
export { loadSettingsPage } from "./settings-page";
export {
  CALENDAR_ZONE_KEY,
  calendarSettingsSchema,
  calendarZones,
  getCalendarTimeZone,
  type CalendarSettingsInput,
} from "./calendar-zone";
export {
  updateCalendarTimeZone,
  updateOutboxRetryHours,
  updateRetentionSettings,
  updateSecuritySettings,
  updateSeverityThresholds,
  updateTicketRouting,
} from "./org-settings";
