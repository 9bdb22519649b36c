/** Sentry's event levels, as issues carry them. */
export type SentryLevel = "fatal" | "error" | "warning" | "info" | "debug" | "sample";

export type Severity = "critical" | "high" | "medium" | "low";

export type SeverityIssue = {
  id: string;
  level: SentryLevel;
  userCount: number;
  /** Lifetime count; severity looks only at `eventsInWindow`. */
  eventCount: number;
  /** Events in the last 24 h, when known. */
  eventsInWindow?: number;
  /** Sentry substatus "regressed". */
  isRegression: boolean;
  /** Sentry substatus "escalating". */
  isEscalating: boolean;
  /** Tagged or titled as a security problem. */
  isSecurity: boolean;
  isUnhandled: boolean;
};

export type SeverityClassification = {
  severity: Severity;
  /** Short sentences naming what put the issue at this severity, for tooltips and ticket bodies. */
  reasons: string[];
};
