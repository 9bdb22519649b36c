import type { SentryLevel, SeverityIssue } from "./types";

/** The severity inputs of a Sentry issue as Bosun reads it (list, detail or webhook). Pure. */
export function severityInputFromIssue(issue: {
  id: string;
  level: SentryLevel;
  userCount: number;
  eventCount: number;
  substatus: string | null;
  title: string;
  isUnhandled?: boolean;
}): SeverityIssue {
  return {
    id: issue.id,
    level: issue.level,
    userCount: issue.userCount,
    eventCount: issue.eventCount,
    isRegression: issue.substatus === "regressed",
    isEscalating: issue.substatus === "escalating",
    isSecurity: /security|xss|csrf|injection/i.test(issue.title),
    isUnhandled: issue.isUnhandled ?? false,
  };
}
