/**
 * The things Bosun notifies about, mirrored from the NotificationEvent enum so
 * pure code and client components can list them without the database's types.
 */
export const NOTIFICATION_EVENTS = [
  "critical_issue",
  "issue_regression",
  "release_regression",
  "rollback_recommended",
  "rule_failed",
  "write_stuck",
  "sprint_over_capacity",
] as const;

export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];

/** "email" means in-app and e-mail; "in_app" in the inbox only; "off" neither. */
export const NOTIFICATION_CHANNELS = ["email", "in_app", "off"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const EVENT_LABELS: Record<NotificationEventName, string> = {
  critical_issue: "A new Critical issue",
  issue_regression: "An issue regressed",
  release_regression: "A release regressed (crash-free or performance)",
  rollback_recommended: "A rollback is recommended",
  rule_failed: "An automation rule failed or was dead-lettered",
  write_stuck: "A write has been pending for over an hour",
  sprint_over_capacity: "A sprint is over capacity at planning",
};

export const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  email: "In-app and e-mail",
  in_app: "In-app only",
  off: "Off",
};

/**
 * What an org without its own defaults gets: what needs someone now (an outage,
 * a bad release) reaches their mailbox; the rest waits in the inbox.
 */
export const FALLBACK_CHANNELS: Record<NotificationEventName, NotificationChannel> = {
  critical_issue: "email",
  issue_regression: "email",
  release_regression: "email",
  rollback_recommended: "email",
  rule_failed: "in_app",
  write_stuck: "in_app",
  sprint_over_capacity: "in_app",
};
