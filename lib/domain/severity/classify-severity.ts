import type { SeveritySettings } from "./settings";
import type { SeverityClassification, SeverityIssue } from "./types";

const count = new Intl.NumberFormat("en-US");

/**
 * Severity of a Sentry issue: the most severe row that matches wins, and the
 * reasons are every condition at that severity the issue meets.
 *
 * | Level                  | Condition                                                           | Severity |
 * | ---------------------- | ------------------------------------------------------------------- | -------- |
 * | fatal                  | always                                                              | critical |
 * | any                    | security issue                                                      | critical |
 * | error                  | users ≥ criticalUserThreshold                                       | critical |
 * | error                  | users ≥ highUserThreshold, events in 24 h ≥ highEventThreshold,     | high     |
 * |                        | regressed or escalating                                             |          |
 * | error                  | otherwise                                                           | medium   |
 * | warning                | regressed                                                           | medium   |
 * | warning, info, debug,  | otherwise                                                           | low      |
 * | sample                 |                                                                     |          |
 *
 * Thresholds are inclusive. Without `eventsInWindow` the event threshold does
 * not apply: the lifetime `eventCount` of an old issue says nothing about today.
 */
export function classifySeverity(issue: SeverityIssue, settings: SeveritySettings): SeverityClassification {
  const critical = criticalReasons(issue, settings);
  if (critical.length > 0) return { severity: "critical", reasons: critical };

  if (issue.level === "error") {
    const high = highReasons(issue, settings);
    if (high.length > 0) return { severity: "high", reasons: high };
    return { severity: "medium", reasons: ["error level"] };
  }

  if (issue.level === "warning" && issue.isRegression)
    return { severity: "medium", reasons: ["warning level", "regressed"] };
  return { severity: "low", reasons: [`${issue.level} level`] };
}

function criticalReasons(issue: SeverityIssue, settings: SeveritySettings): string[] {
  const reasons: string[] = [];
  if (issue.level === "fatal") reasons.push("fatal level");
  if (issue.isSecurity) reasons.push("security issue");
  if (issue.level === "error" && issue.userCount >= settings.criticalUserThreshold)
    reasons.push(usersAffected(issue.userCount, settings.criticalUserThreshold));
  return reasons;
}

function highReasons(issue: SeverityIssue, settings: SeveritySettings): string[] {
  const reasons: string[] = [];
  if (issue.userCount >= settings.highUserThreshold)
    reasons.push(usersAffected(issue.userCount, settings.highUserThreshold));
  if (issue.eventsInWindow !== undefined && issue.eventsInWindow >= settings.highEventThreshold) {
    reasons.push(
      `${count.format(issue.eventsInWindow)} ${plural(issue.eventsInWindow, "event")} in 24 h ≥ ${count.format(settings.highEventThreshold)}`,
    );
  }
  if (issue.isRegression) reasons.push("regressed");
  if (issue.isEscalating) reasons.push("escalating");
  return reasons;
}

function usersAffected(users: number, threshold: number): string {
  return `${count.format(users)} ${plural(users, "user")} affected ≥ ${count.format(threshold)}`;
}

function plural(n: number, noun: string): string {
  return n === 1 ? noun : `${noun}s`;
}
