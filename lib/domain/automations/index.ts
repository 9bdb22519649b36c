export { decide, type BugTicket, type Decision, type SentryIssueContext } from "./decide";
export { decisionRecord, type DecisionRecord } from "./decision-record";
export { describeEvent, type AutomationEvent, type AutomationEventType, type SentryIssueFacts } from "./events";
export { extractIssueKeys } from "./jira-keys";
export {
  AUTOMATION_KINDS,
  DEFAULT_STATUS_ORDER,
  KIND_EVENTS,
  KIND_LABELS,
  RULE_CONFIG_SCHEMAS,
  parseRule,
  type AnyRule,
  type AutomationKind,
  type RuleConfig,
} from "./rules";
export {
  chooseBackTransition,
  chooseForwardTransition,
  statusRank,
  type AvailableTransition,
  type StatusRef,
  type TransitionChoice,
} from "./transitions";
export { describeRuleConfig } from "./describe";
export { PERFORMANCE_METRIC_NAMES, PERFORMANCE_REGRESSION_METRICS } from "./performance-metrics";
