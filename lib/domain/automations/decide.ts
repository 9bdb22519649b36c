import { type AdfDoc, adfBulletList, adfDoc, adfField, adfLink, adfParagraph, adfText } from "@/lib/domain/adf";
import { type JiraPriority, type Severity, levelToJiraPriority } from "@/lib/domain/severity";
import { buildSentryTicket } from "@/lib/domain/tickets/sentry-ticket";
import type { AutomationEvent, SentryIssueFacts } from "./events";
import { extractIssueKeys } from "./jira-keys";
import { decidePerformanceRegression } from "./performance-regression";
import type { AnyRule, RuleConfig } from "./rules";

/**
 * What a rule decides to do with one event, given the facts the processor
 * gathered. Pure: every branch is unit-tested, and previews run the same code.
 * `dedupeKey`s make each write happen once per Sentry issue, incident,
 * release or pull request, however often the event is delivered.
 */
export type BugTicket = {
  projectKey: string;
  summary: string;
  description: AdfDoc;
  priority: JiraPriority;
  labels: string[];
};

export type Decision =
  | { kind: "create_bug"; summary: string; dedupeKey: string; ticket: BugTicket; sentryIssue?: SentryIssueFacts }
  | { kind: "comment"; summary: string; dedupeKey: string; issueKey: string; body: AdfDoc }
  | {
      kind: "transition";
      summary: string;
      issueKeys: string[];
      targetStatus: string;
      statusOrder: string[];
      comment?: { dedupeKey: string; body: AdfDoc };
    }
  | { kind: "skip"; reason: string };

export type SentryIssueContext = {
  issue: SentryIssueFacts | null;
  /** Events and users in the rule's window, when the rule has thresholds. */
  windowCounts: { events: number; users: number } | null;
  existingTicketKey: string | null;
  severity: { severity: Severity; reasons: string[] } | null;
  /** The issue's latest release, read when a regression arrives without one. */
  lastRelease?: string | null;
};

const BASE_LABELS = ["sentry", "production-error"];
type TransitionDecision = Extract<Decision, { kind: "transition" }>;
const skip = (reason: string): Decision => ({ kind: "skip", reason });
const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

function decideSentryIssue(
  rule: { name: string; config: RuleConfig<"sentry_issue_to_jira"> },
  event: Extract<AutomationEvent, { type: "sentry.issue" }>,
  context: SentryIssueContext,
): Decision {
  const { config } = rule;
  const issue = context.issue;
  if (!issue) return skip(`Sentry issue ${event.issueId} could not be read`);
  if (config.projects.length > 0 && !config.projects.includes(issue.project.slug))
    return skip(`project ${issue.project.slug} is not one this rule watches (${config.projects.join(", ")})`);
  if (!(config.levels as string[]).includes(issue.level))
    return skip(`level ${issue.level} is not one of ${config.levels.join(", ")}`);

  const regressed = event.action === "unresolved" || issue.substatus === "regressed";
  if (context.existingTicketKey) {
    if (!regressed) return skip(`already ticketed as ${context.existingTicketKey}`);
    if (!config.commentOnRegression)
      return skip(`regressed, already ticketed as ${context.existingTicketKey}; comments on regression are off`);
    const releaseVersion = event.release ?? context.lastRelease ?? null;
    const release = releaseVersion ? `release ${releaseVersion}` : "an unknown release";
    return {
      kind: "comment",
      summary: `Comment on ${context.existingTicketKey}: ${issue.shortId} regressed in ${release}`,
      // One comment per regression: the same release never comments twice.
      dedupeKey: `sentry-regression:${issue.id}:${releaseVersion ?? issue.lastSeen}`,
      issueKey: context.existingTicketKey,
      body: adfDoc(
        adfParagraph(adfText(`Sentry issue ${issue.shortId} regressed in ${release}.`)),
        adfBulletList([
          adfField("Last seen", issue.lastSeen),
          adfField("Events", issue.eventCount.toLocaleString("en")),
          adfField("Users affected", issue.userCount.toLocaleString("en")),
        ]),
        adfParagraph(adfLink("Open in Sentry", issue.permalink)),
      ),
    };
  }

  if (config.minUsers !== null || config.minEvents !== null) {
    const counts = context.windowCounts ?? { events: issue.eventCount, users: issue.userCount };
    const usersMet = config.minUsers !== null && counts.users >= config.minUsers;
    const eventsMet = config.minEvents !== null && counts.events >= config.minEvents;
    if (!usersMet && !eventsMet) {
      const needs = [
        config.minUsers !== null ? plural(config.minUsers, "user") : null,
        config.minEvents !== null ? plural(config.minEvents, "event") : null,
      ]
        .filter(Boolean)
        .join(" or ");
      return skip(
        `${plural(counts.users, "user")} and ${plural(counts.events, "event")} in ${config.windowHours} h; the rule needs ${needs}`,
      );
    }
  }

  const severity = context.severity ?? { severity: "high" as const, reasons: [] };
  const base = buildSentryTicket(
    { ...issue, projectSlug: issue.project.slug },
    { severity: severity.severity, reasons: [...severity.reasons, `filed by the rule "${rule.name}"`] },
  );
  return {
    kind: "create_bug",
    summary: `Create a ${levelToJiraPriority(issue.level)} bug in ${config.jiraProjectKey} for ${issue.shortId}`,
    dedupeKey: `sentry-ticket:${issue.id}`,
    ticket: {
      projectKey: config.jiraProjectKey,
      summary: base.summary,
      description: base.description,
      priority: levelToJiraPriority(issue.level),
      labels: [...BASE_LABELS],
    },
    sentryIssue: issue,
  };
}

function decideMetricAlert(
  rule: { name: string; config: RuleConfig<"sentry_metric_alert_to_jira"> },
  event: Extract<AutomationEvent, { type: "sentry.metric_alert" }>,
): Decision {
  const { config } = rule;
  if (event.action === "resolved") return skip("the alert resolved; only firing alerts file bugs");
  if (!(config.triggers as string[]).includes(event.action))
    return skip(`${event.action} alerts are not one of ${config.triggers.join(", ")}`);
  if (config.projects.length > 0 && !event.projects.some((p) => config.projects.includes(p))) {
    const watched = config.projects.join(", ");
    return skip(
      event.projects.length > 0
        ? `projects ${event.projects.join(", ")} are not ones this rule watches (${watched})`
        : `the alert names no project; this rule watches only ${watched}`,
    );
  }
  const priority: JiraPriority = event.action === "critical" ? "Highest" : "High";
  return {
    kind: "create_bug",
    summary: `Create a ${priority} bug in ${config.jiraProjectKey} for the metric alert "${event.title}"`,
    dedupeKey: `metric-alert:${event.incidentId}`,
    ticket: {
      projectKey: config.jiraProjectKey,
      summary: `[Metric alert] ${event.title}`.slice(0, 255),
      priority,
      labels: [...BASE_LABELS, "metric-alert"],
      description: adfDoc(
        adfParagraph(adfText(`Sentry metric alert ${event.action}: ${event.description}`)),
        adfBulletList([
          adfField("Projects", event.projects.join(", ") || "all"),
          adfField("Incident", event.incidentId),
          adfField("Filed by", `the rule "${rule.name}"`),
        ]),
        ...(event.webUrl ? [adfParagraph(adfLink("Open the alert in Sentry", event.webUrl))] : []),
      ),
    },
  };
}

function decideReleaseHealth(
  rule: { name: string; config: RuleConfig<"release_health_to_jira"> },
  event: Extract<AutomationEvent, { type: "release.health" }>,
): Decision {
  const { config } = rule;
  if (event.crashFreeSessionRate === null) return skip(`release ${event.version} has no session data`);
  if (event.totalSessions < config.minSessions)
    return skip(
      `release ${event.version} has ${plural(event.totalSessions, "session")}; the rule waits for ${config.minSessions.toLocaleString("en")}`,
    );
  if (event.crashFreeSessionRate >= config.crashFreeSessionsBelow)
    return skip(
      `release ${event.version} is ${event.crashFreeSessionRate.toFixed(2)}% crash-free, not below ${config.crashFreeSessionsBelow}%`,
    );
  const rate = event.crashFreeSessionRate.toFixed(2);
  return {
    kind: "create_bug",
    summary: `Create a High bug in ${config.jiraProjectKey}: ${event.version} is ${rate}% crash-free`,
    dedupeKey: `release-health:${event.version}`,
    ticket: {
      projectKey: config.jiraProjectKey,
      summary:
        `[Release health] ${event.version} crash-free sessions at ${rate}% (below ${config.crashFreeSessionsBelow}%)`.slice(
          0,
          255,
        ),
      priority: "High",
      labels: [...BASE_LABELS, "release-health"],
      description: adfDoc(
        adfParagraph(
          adfText(`Release ${event.version} dropped below ${config.crashFreeSessionsBelow}% crash-free sessions.`),
        ),
        adfBulletList([
          adfField("Crash-free sessions", `${rate}%`),
          adfField("Sessions", event.totalSessions.toLocaleString("en")),
          adfField("Crashed sessions", event.crashedSessions.toLocaleString("en")),
          adfField("Filed by", `the rule "${rule.name}"`),
        ]),
      ),
    },
  };
}

/** Moves the issues forward to `targetStatus`; `statusOrder` says what forward is, so none is moved back. */
function moveForward(keys: string[], targetStatus: string, statusOrder: string[], alsoDoes = ""): TransitionDecision {
  const summary = `Move ${keys.join(", ")} forward to ${targetStatus}${alsoDoes}`;
  return { kind: "transition", summary, issueKeys: keys, targetStatus, statusOrder };
}

function decideBranch(
  config: RuleConfig<"git_branch_to_jira">,
  event: Extract<AutomationEvent, { type: "git.branch" }>,
): Decision {
  const keys = extractIssueKeys(event.branch, config.projectKeys);
  if (keys.length === 0) return skip(`branch ${event.branch} names no Jira issue`);
  return moveForward(keys, config.targetStatus, config.statusOrder);
}

function decidePullRequest(
  config: RuleConfig<"git_pull_request_to_jira">,
  event: Extract<AutomationEvent, { type: "git.pull_request" }>,
): Decision {
  if (event.action === "updated")
    return skip(`pull request #${event.number} was updated; only opening and merging move issues`);
  if (event.action === "closed") return skip(`pull request #${event.number} was closed without merging`);
  const keys = extractIssueKeys(`${event.title} ${event.branch}`, config.projectKeys);
  if (keys.length === 0) return skip(`pull request #${event.number} names no Jira issue in its title or branch`);
  if (event.action === "opened") return moveForward(keys, config.openedStatus, config.statusOrder);
  return {
    ...moveForward(
      keys,
      config.mergedStatus,
      config.statusOrder,
      config.commentOnMerge ? " and link the pull request" : "",
    ),
    ...(config.commentOnMerge
      ? {
          comment: {
            dedupeKey: `github-merged:${event.repo}#${event.number}`,
            body: adfDoc(
              adfParagraph(
                adfText("Merged "),
                adfLink(`${event.repo}#${event.number}: ${event.title}`, event.url),
                adfText(` from ${event.branch}.`),
              ),
            ),
          },
        }
      : {}),
  };
}

/** The decision of one rule for one event; an event of another type is skipped. */
export function decide(rule: AnyRule, event: AutomationEvent, sentryContext?: SentryIssueContext): Decision {
  switch (rule.kind) {
    case "sentry_issue_to_jira":
      return event.type === "sentry.issue"
        ? decideSentryIssue(
            rule,
            event,
            sentryContext ?? { issue: event.issue, windowCounts: null, existingTicketKey: null, severity: null },
          )
        : skip("not a Sentry issue event");
    case "sentry_metric_alert_to_jira":
      return event.type === "sentry.metric_alert" ? decideMetricAlert(rule, event) : skip("not a metric alert");
    case "release_health_to_jira":
      return event.type === "release.health" ? decideReleaseHealth(rule, event) : skip("not a release health check");
    case "git_branch_to_jira":
      return event.type === "git.branch" ? decideBranch(rule.config, event) : skip("not a branch event");
    case "git_pull_request_to_jira":
      return event.type === "git.pull_request"
        ? decidePullRequest(rule.config, event)
        : skip("not a pull request event");
    case "performance_regression_to_jira":
      return event.type === "release.performance"
        ? decidePerformanceRegression(rule, event)
        : skip("not a performance regression");
  }
}
