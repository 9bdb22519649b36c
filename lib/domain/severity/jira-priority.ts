import type { SentryLevel, Severity } from "./types";

/** Jira's default priority scheme, without "Lowest": nothing we file from Sentry is that unimportant. */
export type JiraPriority = "Highest" | "High" | "Medium" | "Low";

const BY_SEVERITY: Record<Severity, JiraPriority> = { critical: "Highest", high: "High", medium: "Medium", low: "Low" };

const BY_LEVEL: Record<SentryLevel, JiraPriority> = {
  fatal: "Highest",
  error: "High",
  warning: "Medium",
  info: "Low",
  debug: "Low",
  sample: "Low",
};

export function severityToJiraPriority(severity: Severity): JiraPriority {
  return BY_SEVERITY[severity];
}

/** For when only the level is known, e.g. a webhook payload without user counts. */
export function levelToJiraPriority(level: SentryLevel): JiraPriority {
  return BY_LEVEL[level];
}
