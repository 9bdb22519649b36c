import { z } from "zod";
import { PERFORMANCE_REGRESSION_METRICS } from "./performance-metrics";

/**
 * What each kind of automation rule can be told, with the defaults a new rule
 * starts from. The forms, the seed and the processor all parse through these
 * schemas, so a stored rule is always valid for its kind.
 */
export const AUTOMATION_KINDS = [
  "sentry_issue_to_jira",
  "sentry_metric_alert_to_jira",
  "release_health_to_jira",
  "git_branch_to_jira",
  "git_pull_request_to_jira",
  "performance_regression_to_jira",
] as const;
export type AutomationKind = (typeof AUTOMATION_KINDS)[number];

const jiraProjectKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,9}$/, "must be a Jira project key such as ACME");
const sentryProjects = z.array(z.string().trim().min(1)).default([]);
const statusName = z.string().trim().min(1, "must name a Jira status").max(60);
/** The workflow's statuses from first to last; transitions only ever move right along it. */
export const DEFAULT_STATUS_ORDER = ["To Do", "In Progress", "In Review", "Done"];
const statusOrder = z.array(statusName).min(2, "needs at least two statuses").default(DEFAULT_STATUS_ORDER);
const projectKeys = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z0-9_]{1,9}$/, "must be Jira project keys"),
  )
  .default([]);

/** A target status must be one of the workflow's, or no transition could ever reach it. */
function inWorkflow<F extends string>(fields: F[]) {
  return (config: Record<F, string> & { statusOrder: string[] }, context: z.RefinementCtx) => {
    const known = new Set(config.statusOrder.map((name) => name.toLowerCase()));
    for (const field of fields) {
      if (!known.has(config[field].toLowerCase()))
        context.addIssue({
          code: "custom",
          path: [field],
          message: `must be one of the workflow statuses (${config.statusOrder.join(", ")})`,
        });
    }
  };
}

export const RULE_CONFIG_SCHEMAS = {
  sentry_issue_to_jira: z.object({
    levels: z
      .array(z.enum(["fatal", "error", "warning", "info"]))
      .min(1, "pick at least one level")
      .default(["fatal", "error"]),
    /** Sentry project slugs; empty means every project. */
    projects: sentryProjects,
    minUsers: z.number().int().min(1, "must be at least 1").nullable().default(null),
    minEvents: z.number().int().min(1, "must be at least 1").nullable().default(null),
    windowHours: z.number().int().min(1, "must be at least 1 hour").max(336, "must be at most 14 days").default(24),
    jiraProjectKey,
    commentOnRegression: z.boolean().default(true),
  }),
  sentry_metric_alert_to_jira: z.object({
    triggers: z
      .array(z.enum(["critical", "warning"]))
      .min(1, "pick at least one trigger")
      .default(["critical"]),
    projects: sentryProjects,
    jiraProjectKey,
  }),
  release_health_to_jira: z.object({
    crashFreeSessionsBelow: z.number().min(50, "must be at least 50%").max(100, "must be at most 100%").default(99),
    minSessions: z.number().int().min(1, "must be at least 1").default(100),
    jiraProjectKey,
  }),
  git_branch_to_jira: z
    .object({
      targetStatus: statusName.default("In Progress"),
      statusOrder,
      /** Keys of these projects are also recognised in lower case (`acme-12-fix`). */
      projectKeys,
    })
    .superRefine(inWorkflow(["targetStatus"])),
  git_pull_request_to_jira: z
    .object({
      openedStatus: statusName.default("In Review"),
      mergedStatus: statusName.default("Done"),
      commentOnMerge: z.boolean().default(true),
      statusOrder,
      projectKeys,
    })
    .superRefine(inWorkflow(["openedStatus", "mergedStatus"])),
  /** The thresholds and minimum samples are the org's performance settings, so the scorecard and the rule agree. */
  performance_regression_to_jira: z.object({
    metrics: z
      .array(z.enum(PERFORMANCE_REGRESSION_METRICS))
      .min(1, "pick at least one metric")
      .default([...PERFORMANCE_REGRESSION_METRICS]),
    jiraProjectKey,
  }),
} satisfies Record<AutomationKind, z.ZodType>;

export type RuleConfig<K extends AutomationKind> = z.output<(typeof RULE_CONFIG_SCHEMAS)[K]>;
export type AnyRule = {
  [K in AutomationKind]: { id: string; kind: K; name: string; enabled: boolean; config: RuleConfig<K> };
}[AutomationKind];

/** A stored rule with its config parsed for its kind, or the reason it no longer parses. */
export function parseRule(rule: {
  id: string;
  kind: AutomationKind;
  name: string;
  enabled: boolean;
  config: unknown;
}): { ok: true; rule: AnyRule } | { ok: false; error: string } {
  const parsed = RULE_CONFIG_SCHEMAS[rule.kind].safeParse(rule.config);
  if (!parsed.success)
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join(".") || "config"} ${i.message}`).join("; "),
    };
  return { ok: true, rule: { ...rule, config: parsed.data } as AnyRule };
}

/** Which events each kind listens to. */
export const KIND_EVENTS: Record<AutomationKind, string> = {
  sentry_issue_to_jira: "sentry.issue",
  sentry_metric_alert_to_jira: "sentry.metric_alert",
  release_health_to_jira: "release.health",
  git_branch_to_jira: "git.branch",
  git_pull_request_to_jira: "git.pull_request",
  performance_regression_to_jira: "release.performance",
};

export const KIND_LABELS: Record<AutomationKind, { title: string; description: string }> = {
  sentry_issue_to_jira: {
    title: "Sentry issue → Jira bug",
    description: "A new Sentry issue at a chosen level files one Jira bug; a regression comments on it.",
  },
  sentry_metric_alert_to_jira: {
    title: "Sentry metric alert → Jira bug",
    description: "A metric alert that fires files one Jira bug per incident.",
  },
  release_health_to_jira: {
    title: "Release health → Jira bug",
    description: "A release whose crash-free sessions drop below a threshold files one Jira bug.",
  },
  git_branch_to_jira: {
    title: "Branch → In Progress",
    description: "A branch named after a Jira issue moves it forward to the target status.",
  },
  git_pull_request_to_jira: {
    title: "Pull request → In Review / Done",
    description: "Opening a pull request moves its issues to review; merging moves them to done with a link.",
  },
  performance_regression_to_jira: {
    title: "Performance regression → Jira bug",
    description:
      "A release whose p75 LCP, p75 INP or p95 API latency regressed against the previous release files one Jira bug per metric, with the evidence.",
  },
};
