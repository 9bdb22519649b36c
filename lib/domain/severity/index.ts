export { classifySeverity } from "./classify-severity";
export { SEVERITY_ORDER, compareSeverity } from "./order";
export { levelToJiraPriority, severityToJiraPriority, type JiraPriority } from "./jira-priority";
export { DEFAULT_SEVERITY_SETTINGS, severitySettingsSchema, type SeveritySettings } from "./settings";
export type { SentryLevel, Severity, SeverityClassification, SeverityIssue } from "./types";
export { severityInputFromIssue } from "./from-issue";
