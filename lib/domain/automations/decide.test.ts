import { describe, expect, it } from "vitest";
import { adfPlainText } from "@/lib/domain/adf";
import { type Decision, type SentryIssueContext, decide } from "./decide";
import type { AutomationEvent, SentryIssueFacts } from "./events";
import {
  AUTOMATION_KINDS,
  type AnyRule,
  type AutomationKind,
  DEFAULT_STATUS_ORDER,
  KIND_EVENTS,
  RULE_CONFIG_SCHEMAS,
  parseRule,
} from "./rules";

/** A rule as the processor sees it: stored config parsed, defaults filled in. */
function rule<K extends AutomationKind>(
  kind: K,
  config: Record<string, unknown> = {},
  name = "Production errors",
): Extract<AnyRule, { kind: K }> {
  const parsed = parseRule({ id: "rule-1", kind, name, enabled: true, config });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rule as Extract<AnyRule, { kind: K }>;
}

/** Narrows a decision to the expected kind, failing the test otherwise. */
function expectKind<K extends Decision["kind"]>(decision: Decision, kind: K): Extract<Decision, { kind: K }> {
  expect(decision.kind, JSON.stringify(decision)).toBe(kind);
  return decision as Extract<Decision, { kind: K }>;
}

const skipReason = (decision: Decision) => expectKind(decision, "skip").reason;

const ISSUE: SentryIssueFacts = {
  id: "4711",
  shortId: "WEB-1A",
  title: "TypeError: Cannot read properties of undefined (reading 'berth')",
  culprit: "app/berths/[id]/page",
  level: "error",
  substatus: "new",
  permalink: "https://sentry.example/organizations/acme/issues/4711/",
  project: { slug: "web" },
  eventCount: 5321,
  userCount: 1204,
  firstSeen: "2026-11-10T08:00:00Z",
  lastSeen: "2026-11-24T09:00:00Z",
  firstReleaseVersion: "2.14.0",
};

type SentryIssueEvent = Extract<AutomationEvent, { type: "sentry.issue" }>;
type MetricAlertEvent = Extract<AutomationEvent, { type: "sentry.metric_alert" }>;
type ReleaseHealthEvent = Extract<AutomationEvent, { type: "release.health" }>;
type BranchEvent = Extract<AutomationEvent, { type: "git.branch" }>;
type PullRequestEvent = Extract<AutomationEvent, { type: "git.pull_request" }>;

const issueEvent = (overrides: Partial<SentryIssueEvent> = {}): SentryIssueEvent => ({
  type: "sentry.issue",
  action: "created",
  issueId: ISSUE.id,
  issue: ISSUE,
  release: "2.15.0",
  ...overrides,
});
const context = (overrides: Partial<SentryIssueContext> = {}): SentryIssueContext => ({
  issue: ISSUE,
  windowCounts: null,
  existingTicketKey: null,
  severity: null,
  ...overrides,
});
const withIssue = (overrides: Partial<SentryIssueFacts>): SentryIssueContext =>
  context({ issue: { ...ISSUE, ...overrides } });

const metricAlert = (overrides: Partial<MetricAlertEvent> = {}): MetricAlertEvent => ({
  type: "sentry.metric_alert",
  action: "critical",
  incidentId: "inc-9",
  title: "Error rate above 5%",
  description: "5.4% of requests to web failed in the last 10 minutes",
  projects: ["web"],
  webUrl: "https://sentry.example/organizations/acme/alerts/rules/details/9/",
  ...overrides,
});

const releaseHealth = (overrides: Partial<ReleaseHealthEvent> = {}): ReleaseHealthEvent => ({
  type: "release.health",
  version: "2.15.0",
  crashFreeSessionRate: 97.5,
  totalSessions: 1200,
  crashedSessions: 30,
  ...overrides,
});

const branch = (name: string): BranchEvent => ({
  type: "git.branch",
  repo: "acme/web",
  branch: name,
  url: `https://github.com/acme/web/tree/${name}`,
});

const pullRequest = (overrides: Partial<PullRequestEvent> = {}): PullRequestEvent => ({
  type: "git.pull_request",
  action: "opened",
  repo: "acme/web",
  number: 42,
  title: "[ACME-7] Fix crash on the berth page",
  branch: "acme-9-berth-crash",
  url: "https://github.com/acme/web/pull/42",
  ...overrides,
});

describe("decide: Sentry issue → Jira bug", () => {
  const issueRule = (config: Record<string, unknown> = {}) =>
    rule("sentry_issue_to_jira", { jiraProjectKey: "acme", ...config });

  it("files a High bug for a new error, deduplicated per Sentry issue", () => {
    const decision = expectKind(decide(issueRule(), issueEvent(), context()), "create_bug");
    expect(decision.summary).toBe("Create a High bug in ACME for WEB-1A");
    expect(decision.dedupeKey).toBe("sentry-ticket:4711");
    expect(decision.sentryIssue).toEqual(ISSUE);
    expect(decision.ticket).toMatchObject({
      projectKey: "ACME",
      summary: "[WEB-1A] TypeError: Cannot read properties of undefined (reading 'berth')",
      priority: "High",
      labels: ["sentry", "production-error"],
    });
    const text = adfPlainText(decision.ticket.description);
    expect(text).toContain('filed by the rule "Production errors"');
    expect(text).toContain("Users affected: 1,204");
    expect(JSON.stringify(decision.ticket.description)).toContain(ISSUE.permalink);
  });

  it.each<[SentryIssueFacts["level"], string[], string]>([
    ["fatal", ["fatal", "error"], "Highest"],
    ["error", ["fatal", "error"], "High"],
    ["warning", ["warning"], "Medium"],
    ["info", ["info"], "Low"],
  ])("gives a %s issue the Jira priority of its level", (level, levels, priority) => {
    const decision = expectKind(decide(issueRule({ levels }), issueEvent(), withIssue({ level })), "create_bug");
    expect(decision.ticket.priority).toBe(priority);
    expect(decision.summary).toBe(`Create a ${priority} bug in ACME for WEB-1A`);
  });

  it("carries the severity classification and its reasons into the description", () => {
    const decision = expectKind(
      decide(
        issueRule(),
        issueEvent(),
        context({ severity: { severity: "critical", reasons: ["1,204 users affected ≥ 500"] } }),
      ),
      "create_bug",
    );
    expect(adfPlainText(decision.ticket.description)).toContain(
      'classified critical (1,204 users affected ≥ 500; filed by the rule "Production errors")',
    );
  });

  it("classifies the issue high when no severity is known", () => {
    const decision = expectKind(decide(issueRule(), issueEvent(), context()), "create_bug");
    expect(adfPlainText(decision.ticket.description)).toContain("classified high");
  });

  it("hands each decision its own labels array", () => {
    const first = expectKind(decide(issueRule(), issueEvent(), context()), "create_bug");
    first.ticket.labels.push("component-web");
    const second = expectKind(decide(issueRule(), issueEvent(), context()), "create_bug");
    expect(second.ticket.labels).toEqual(["sentry", "production-error"]);
  });

  it.each<[SentryIssueFacts["level"]]>([["warning"], ["info"], ["debug"], ["sample"]])(
    "skips a %s issue with the default levels, naming the level",
    (level) => {
      expect(skipReason(decide(issueRule(), issueEvent(), withIssue({ level })))).toBe(
        `level ${level} is not one of fatal, error`,
      );
    },
  );

  it("uses the issue on the event when no context is given", () => {
    expect(expectKind(decide(issueRule(), issueEvent()), "create_bug").dedupeKey).toBe("sentry-ticket:4711");
    expect(skipReason(decide(issueRule(), issueEvent({ issue: { ...ISSUE, level: "warning" } })))).toBe(
      "level warning is not one of fatal, error",
    );
  });

  it("skips an issue that could not be read", () => {
    expect(skipReason(decide(issueRule(), issueEvent({ issue: null }), context({ issue: null })))).toBe(
      "Sentry issue 4711 could not be read",
    );
  });

  it("watches only the rule's Sentry projects when it names some", () => {
    expect(skipReason(decide(issueRule({ projects: ["api", "mobile"] }), issueEvent(), context()))).toBe(
      "project web is not one this rule watches (api, mobile)",
    );
    expect(decide(issueRule({ projects: ["api", "web"] }), issueEvent(), context()).kind).toBe("create_bug");
  });

  describe("with a ticket already filed", () => {
    const ticketed = (overrides: Partial<SentryIssueContext> = {}) =>
      context({ existingTicketKey: "ACME-42", ...overrides });

    it.each<[SentryIssueEvent["action"]]>([["created"], ["alert"]])(
      "skips a %s event as already ticketed",
      (action) => {
        expect(skipReason(decide(issueRule(), issueEvent({ action }), ticketed()))).toBe("already ticketed as ACME-42");
      },
    );

    it("comments on the ticket when the issue regresses, once per release", () => {
      const decision = expectKind(
        decide(issueRule(), issueEvent({ action: "unresolved", release: "2.16.0" }), ticketed()),
        "comment",
      );
      expect(decision.issueKey).toBe("ACME-42");
      expect(decision.dedupeKey).toBe("sentry-regression:4711:2.16.0");
      expect(decision.summary).toBe("Comment on ACME-42: WEB-1A regressed in release 2.16.0");
      const text = adfPlainText(decision.body);
      expect(text).toContain("Sentry issue WEB-1A regressed in release 2.16.0.");
      expect(text).toContain("Last seen: 2026-11-24T09:00:00Z");
      expect(text).toContain("Events: 5,321");
      expect(text).toContain("Users affected: 1,204");
      expect(JSON.stringify(decision.body)).toContain(ISSUE.permalink);

      const again = expectKind(
        decide(issueRule(), issueEvent({ action: "unresolved", release: "2.16.0" }), ticketed()),
        "comment",
      );
      const later = expectKind(
        decide(issueRule(), issueEvent({ action: "unresolved", release: "2.17.0" }), ticketed()),
        "comment",
      );
      expect(again.dedupeKey).toBe(decision.dedupeKey);
      expect(later.dedupeKey).not.toBe(decision.dedupeKey);
    });

    it("treats an alert on an issue in the regressed substatus as a regression", () => {
      const decision = expectKind(
        decide(
          issueRule(),
          issueEvent({ action: "alert" }),
          context({ existingTicketKey: "ACME-42", issue: { ...ISSUE, substatus: "regressed" } }),
        ),
        "comment",
      );
      expect(decision.dedupeKey).toBe("sentry-regression:4711:2.15.0");
    });

    it("falls back to the last-seen time when the regression has no release", () => {
      const decision = expectKind(
        decide(issueRule(), issueEvent({ action: "unresolved", release: null }), ticketed()),
        "comment",
      );
      expect(decision.dedupeKey).toBe("sentry-regression:4711:2026-11-24T09:00:00Z");
      expect(decision.summary).toBe("Comment on ACME-42: WEB-1A regressed in an unknown release");
      expect(adfPlainText(decision.body)).toContain("Sentry issue WEB-1A regressed in an unknown release.");
    });

    it("skips regressions when comments on regression are off", () => {
      expect(
        skipReason(decide(issueRule({ commentOnRegression: false }), issueEvent({ action: "unresolved" }), ticketed())),
      ).toBe("regressed, already ticketed as ACME-42; comments on regression are off");
    });

    it("comments on a regression whatever the thresholds", () => {
      const decision = decide(
        issueRule({ minUsers: 10_000 }),
        issueEvent({ action: "unresolved" }),
        ticketed({ windowCounts: { events: 1, users: 1 } }),
      );
      expect(decision.kind).toBe("comment");
    });

    it("still applies the level and project filters", () => {
      expect(
        skipReason(decide(issueRule({ projects: ["api"] }), issueEvent({ action: "unresolved" }), ticketed())),
      ).toBe("project web is not one this rule watches (api)");
      expect(
        skipReason(
          decide(
            issueRule(),
            issueEvent({ action: "unresolved" }),
            context({ existingTicketKey: "ACME-42", issue: { ...ISSUE, level: "info" } }),
          ),
        ),
      ).toBe("level info is not one of fatal, error");
    });
  });

  it("files a bug for a regression that has no ticket yet", () => {
    expect(
      expectKind(decide(issueRule(), issueEvent({ action: "unresolved" }), context()), "create_bug").dedupeKey,
    ).toBe("sentry-ticket:4711");
  });

  describe("thresholds", () => {
    const thresholds = issueRule({ minUsers: 10, minEvents: 100 });

    it("skips an issue below both thresholds, saying what it saw and what the rule needs", () => {
      expect(skipReason(decide(thresholds, issueEvent(), context({ windowCounts: { events: 5, users: 3 } })))).toBe(
        "3 users and 5 events in 24 h; the rule needs 10 users or 100 events",
      );
    });

    it.each<[string, { events: number; users: number }]>([
      ["the user threshold", { events: 5, users: 10 }],
      ["the event threshold", { events: 100, users: 3 }],
      ["both thresholds", { events: 250, users: 40 }],
    ])("files a bug for an issue meeting %s", (_, windowCounts) => {
      expect(decide(thresholds, issueEvent(), context({ windowCounts })).kind).toBe("create_bug");
    });

    it("names only the thresholds the rule sets, in its window, in the singular for one", () => {
      expect(
        skipReason(
          decide(
            issueRule({ minUsers: 1_000, windowHours: 6 }),
            issueEvent(),
            context({ windowCounts: { events: 1, users: 1 } }),
          ),
        ),
      ).toBe("1 user and 1 event in 6 h; the rule needs 1,000 users");
      expect(
        skipReason(
          decide(issueRule({ minEvents: 1 }), issueEvent(), context({ windowCounts: { events: 0, users: 0 } })),
        ),
      ).toBe("0 users and 0 events in 24 h; the rule needs 1 event");
    });

    it("ignores a user threshold when only the event threshold is met, and vice versa", () => {
      expect(
        decide(issueRule({ minEvents: 100 }), issueEvent(), context({ windowCounts: { events: 100, users: 0 } })).kind,
      ).toBe("create_bug");
      expect(
        decide(issueRule({ minUsers: 10 }), issueEvent(), context({ windowCounts: { events: 0, users: 10 } })).kind,
      ).toBe("create_bug");
    });

    it("falls back to the issue's lifetime counts when the window counts are unknown", () => {
      expect(decide(thresholds, issueEvent(), context()).kind).toBe("create_bug");
      expect(skipReason(decide(thresholds, issueEvent(), withIssue({ eventCount: 7, userCount: 2 })))).toBe(
        "2 users and 7 events in 24 h; the rule needs 10 users or 100 events",
      );
    });

    it("files a bug without looking at counts when the rule sets no threshold", () => {
      expect(decide(issueRule(), issueEvent(), context({ windowCounts: { events: 0, users: 0 } })).kind).toBe(
        "create_bug",
      );
    });
  });
});

describe("decide: Sentry metric alert → Jira bug", () => {
  const alertRule = (config: Record<string, unknown> = {}) =>
    rule("sentry_metric_alert_to_jira", { jiraProjectKey: "OPS", ...config }, "Error rate alerts");

  it("files a Highest bug for a critical alert, deduplicated per incident", () => {
    const decision = expectKind(decide(alertRule(), metricAlert()), "create_bug");
    expect(decision.summary).toBe('Create a Highest bug in OPS for the metric alert "Error rate above 5%"');
    expect(decision.dedupeKey).toBe("metric-alert:inc-9");
    expect(decision.ticket).toMatchObject({
      projectKey: "OPS",
      summary: "[Metric alert] Error rate above 5%",
      priority: "Highest",
      labels: ["sentry", "production-error", "metric-alert"],
    });
    expect(adfPlainText(decision.ticket.description)).toBe(
      [
        "Sentry metric alert critical: 5.4% of requests to web failed in the last 10 minutes",
        "Projects: web",
        "Incident: inc-9",
        'Filed by: the rule "Error rate alerts"',
        "Open the alert in Sentry",
      ].join("\n"),
    );
    expect(JSON.stringify(decision.ticket.description)).toContain(
      "https://sentry.example/organizations/acme/alerts/rules/details/9/",
    );
  });

  it("leaves the link out when the alert has no URL and says 'all' for no projects", () => {
    const decision = expectKind(decide(alertRule(), metricAlert({ webUrl: null, projects: [] })), "create_bug");
    const text = adfPlainText(decision.ticket.description);
    expect(text).not.toContain("Open the alert in Sentry");
    expect(text).toContain("Projects: all");
  });

  it("skips a warning when the rule only listens to critical alerts", () => {
    expect(skipReason(decide(alertRule(), metricAlert({ action: "warning" })))).toBe(
      "warning alerts are not one of critical",
    );
  });

  it("files a High bug for a warning when the rule listens to warnings", () => {
    const decision = expectKind(
      decide(alertRule({ triggers: ["critical", "warning"] }), metricAlert({ action: "warning" })),
      "create_bug",
    );
    expect(decision.ticket.priority).toBe("High");
  });

  it("skips a resolved alert, whatever the triggers", () => {
    expect(
      skipReason(decide(alertRule({ triggers: ["critical", "warning"] }), metricAlert({ action: "resolved" }))),
    ).toBe("the alert resolved; only firing alerts file bugs");
  });

  it("watches only the rule's Sentry projects when it names some", () => {
    const rule = alertRule({ projects: ["api"] });
    expect(skipReason(decide(rule, metricAlert({ projects: ["web", "mobile"] })))).toBe(
      "projects web, mobile are not ones this rule watches (api)",
    );
    expect(skipReason(decide(rule, metricAlert({ projects: [] })))).toBe(
      "the alert names no project; this rule watches only api",
    );
    expect(decide(rule, metricAlert({ projects: ["web", "api"] })).kind).toBe("create_bug");
    expect(decide(alertRule(), metricAlert({ projects: ["anything"] })).kind).toBe("create_bug");
  });

  it("keeps the ticket summary within Jira's 255 characters", () => {
    const decision = expectKind(decide(alertRule(), metricAlert({ title: "x".repeat(400) })), "create_bug");
    expect(decision.ticket.summary).toHaveLength(255);
    expect(decision.ticket.summary.startsWith("[Metric alert] x")).toBe(true);
  });
});

describe("decide: release health → Jira bug", () => {
  const healthRule = (config: Record<string, unknown> = {}) =>
    rule("release_health_to_jira", { jiraProjectKey: "ACME", ...config }, "Crash-free releases");

  it("files a High bug for a release below the threshold with enough sessions, deduplicated per version", () => {
    const decision = expectKind(decide(healthRule(), releaseHealth()), "create_bug");
    expect(decision.summary).toBe("Create a High bug in ACME: 2.15.0 is 97.50% crash-free");
    expect(decision.dedupeKey).toBe("release-health:2.15.0");
    expect(decision.ticket).toMatchObject({
      projectKey: "ACME",
      summary: "[Release health] 2.15.0 crash-free sessions at 97.50% (below 99%)",
      priority: "High",
      labels: ["sentry", "production-error", "release-health"],
    });
    expect(adfPlainText(decision.ticket.description)).toBe(
      [
        "Release 2.15.0 dropped below 99% crash-free sessions.",
        "Crash-free sessions: 97.50%",
        "Sessions: 1,200",
        "Crashed sessions: 30",
        'Filed by: the rule "Crash-free releases"',
      ].join("\n"),
    );
  });

  it.each<[string, Partial<ReleaseHealthEvent>, string]>([
    ["at the threshold", { crashFreeSessionRate: 99 }, "release 2.15.0 is 99.00% crash-free, not below 99%"],
    ["above the threshold", { crashFreeSessionRate: 99.87 }, "release 2.15.0 is 99.87% crash-free, not below 99%"],
    [
      "with too few sessions",
      { totalSessions: 99, crashFreeSessionRate: 50 },
      "release 2.15.0 has 99 sessions; the rule waits for 100",
    ],
    [
      "with one session",
      { totalSessions: 1, crashFreeSessionRate: 0 },
      "release 2.15.0 has 1 session; the rule waits for 100",
    ],
    ["without session data", { crashFreeSessionRate: null, totalSessions: 0 }, "release 2.15.0 has no session data"],
  ])("skips a release %s", (_, overrides, reason) => {
    expect(skipReason(decide(healthRule(), releaseHealth(overrides)))).toBe(reason);
  });

  it("follows the rule's own threshold and minimum sessions", () => {
    const strict = healthRule({ crashFreeSessionsBelow: 95, minSessions: 2_000 });
    expect(skipReason(decide(strict, releaseHealth()))).toBe(
      "release 2.15.0 has 1,200 sessions; the rule waits for 2,000",
    );
    expect(skipReason(decide(strict, releaseHealth({ totalSessions: 2_000 })))).toBe(
      "release 2.15.0 is 97.50% crash-free, not below 95%",
    );
    expect(decide(strict, releaseHealth({ totalSessions: 2_000, crashFreeSessionRate: 94.2 })).kind).toBe("create_bug");
  });
});

describe("decide: branch → Jira transition", () => {
  const branchRule = (config: Record<string, unknown> = {}) => rule("git_branch_to_jira", config);

  it("moves the issue a branch is named after forward to the target status", () => {
    expect(decide(branchRule(), branch("feature/ACME-12-fix-login"))).toEqual({
      kind: "transition",
      summary: "Move ACME-12 forward to In Progress",
      issueKeys: ["ACME-12"],
      targetStatus: "In Progress",
      statusOrder: DEFAULT_STATUS_ORDER,
    });
  });

  it("recognises lower-case keys of the rule's projects and uses its target and order", () => {
    const decision = expectKind(
      decide(
        branchRule({ projectKeys: ["acme"], targetStatus: "Doing", statusOrder: ["Open", "Doing", "Closed"] }),
        branch("acme-12-and-ACME-13"),
      ),
      "transition",
    );
    expect(decision.issueKeys).toEqual(["ACME-12", "ACME-13"]);
    expect(decision.targetStatus).toBe("Doing");
    expect(decision.statusOrder).toEqual(["Open", "Doing", "Closed"]);
  });

  it.each(["main", "acme-12-fix", "release/2.15.0"])("skips the branch %j that names no Jira issue", (name) => {
    expect(skipReason(decide(branchRule(), branch(name)))).toBe(`branch ${name} names no Jira issue`);
  });
});

describe("decide: pull request → Jira transition", () => {
  const prRule = (config: Record<string, unknown> = {}) =>
    rule("git_pull_request_to_jira", { projectKeys: ["ACME"], ...config });

  it("moves the issues in the title and branch to the opened status without a comment", () => {
    expect(decide(prRule(), pullRequest())).toEqual({
      kind: "transition",
      summary: "Move ACME-7, ACME-9 forward to In Review",
      issueKeys: ["ACME-7", "ACME-9"],
      targetStatus: "In Review",
      statusOrder: DEFAULT_STATUS_ORDER,
    });
  });

  it("finds keys in titles like '[ACME-7] Fix crash (ACME-9)' and mentions each key once", () => {
    const decision = expectKind(
      decide(
        prRule({ projectKeys: [] }),
        pullRequest({ title: "[ACME-7] Fix crash (ACME-9)", branch: "ACME-7-crash" }),
      ),
      "transition",
    );
    expect(decision.issueKeys).toEqual(["ACME-7", "ACME-9"]);
  });

  it("moves the issues to the merged status and links the pull request once", () => {
    const decision = expectKind(decide(prRule(), pullRequest({ action: "merged" })), "transition");
    expect(decision.summary).toBe("Move ACME-7, ACME-9 forward to Done and link the pull request");
    expect(decision.issueKeys).toEqual(["ACME-7", "ACME-9"]);
    expect(decision.targetStatus).toBe("Done");
    expect(decision.comment?.dedupeKey).toBe("github-merged:acme/web#42");
    expect(adfPlainText(decision.comment!.body)).toBe(
      "Merged acme/web#42: [ACME-7] Fix crash on the berth page from acme-9-berth-crash.",
    );
    expect(decision.comment?.body.content[0]?.content?.[1]).toEqual({
      type: "text",
      text: "acme/web#42: [ACME-7] Fix crash on the berth page",
      marks: [{ type: "link", attrs: { href: "https://github.com/acme/web/pull/42" } }],
    });
  });

  it("uses the rule's own statuses", () => {
    const custom = prRule({
      openedStatus: "Review",
      mergedStatus: "Shipped",
      statusOrder: ["Open", "Review", "Shipped"],
    });
    expect(expectKind(decide(custom, pullRequest()), "transition").targetStatus).toBe("Review");
    expect(expectKind(decide(custom, pullRequest({ action: "merged" })), "transition")).toMatchObject({
      targetStatus: "Shipped",
      statusOrder: ["Open", "Review", "Shipped"],
    });
  });

  it("does not comment on merge when the rule says not to", () => {
    const decision = expectKind(
      decide(prRule({ commentOnMerge: false }), pullRequest({ action: "merged" })),
      "transition",
    );
    expect(decision).not.toHaveProperty("comment");
    expect(decision.summary).toBe("Move ACME-7, ACME-9 forward to Done");
  });

  it("skips a pull request closed without merging", () => {
    expect(skipReason(decide(prRule(), pullRequest({ action: "closed" })))).toBe(
      "pull request #42 was closed without merging",
    );
  });

  it("skips an updated pull request", () => {
    expect(skipReason(decide(prRule(), pullRequest({ action: "updated" })))).toBe(
      "pull request #42 was updated; only opening and merging move issues",
    );
  });

  it.each<[PullRequestEvent["action"]]>([["opened"], ["merged"]])(
    "skips a %s pull request that names no Jira issue",
    (action) => {
      expect(
        skipReason(decide(prRule(), pullRequest({ action, title: "Bump dependencies", branch: "renovate/all" }))),
      ).toBe("pull request #42 names no Jira issue in its title or branch");
    },
  );
});

describe("decide: events of another type", () => {
  const rules: Record<AutomationKind, AnyRule> = {
    sentry_issue_to_jira: rule("sentry_issue_to_jira", { jiraProjectKey: "ACME" }),
    sentry_metric_alert_to_jira: rule("sentry_metric_alert_to_jira", { jiraProjectKey: "ACME" }),
    release_health_to_jira: rule("release_health_to_jira", { jiraProjectKey: "ACME" }),
    git_branch_to_jira: rule("git_branch_to_jira"),
    git_pull_request_to_jira: rule("git_pull_request_to_jira"),
    performance_regression_to_jira: rule("performance_regression_to_jira", { jiraProjectKey: "ACME" }),
  };
  const events: AutomationEvent[] = [
    issueEvent(),
    metricAlert(),
    releaseHealth(),
    branch("feature/ACME-12"),
    pullRequest({ title: "ACME-7 fix" }),
    {
      type: "release.performance",
      regression: {
        metric: "lcpP75",
        version: "2.14.0",
        comparedTo: "2.13.0",
        value: 2900,
        previous: 2300,
        changePercent: 26.1,
        samples: 41_000,
        previousSamples: 39_000,
        reason: "p75 LCP 2.9 s vs 2.3 s in 2.13.0, +26%, 41k page loads",
      },
    },
  ];
  const reasons: Record<AutomationKind, string> = {
    sentry_issue_to_jira: "not a Sentry issue event",
    sentry_metric_alert_to_jira: "not a metric alert",
    release_health_to_jira: "not a release health check",
    git_branch_to_jira: "not a branch event",
    git_pull_request_to_jira: "not a pull request event",
    performance_regression_to_jira: "not a performance regression",
  };

  it.each(AUTOMATION_KINDS)("%s acts on its own event type and skips every other", (kind) => {
    for (const event of events) {
      const decision = decide(rules[kind], event, event.type === "sentry.issue" ? context() : undefined);
      if (event.type === KIND_EVENTS[kind]) expect(decision.kind, `${kind} on ${event.type}`).not.toBe("skip");
      else expect(decision, `${kind} on ${event.type}`).toEqual({ kind: "skip", reason: reasons[kind] });
    }
  });
});

describe("regression comments without a release on the event", () => {
  it("names the issue's last release when the processor read it", () => {
    const rule = {
      id: "r",
      kind: "sentry_issue_to_jira" as const,
      name: "Errors",
      enabled: true,
      config: RULE_CONFIG_SCHEMAS.sentry_issue_to_jira.parse({ jiraProjectKey: "ACME" }),
    };
    const issue = {
      id: "9",
      shortId: "WEB-9",
      title: "Boom",
      culprit: "x",
      level: "error" as const,
      substatus: "regressed",
      permalink: "https://sentry.example/9/",
      project: { slug: "web" },
      eventCount: 3,
      userCount: 1,
      firstSeen: "2026-11-01T00:00:00Z",
      lastSeen: "2026-11-24T00:00:00Z",
      firstReleaseVersion: null,
    };
    const decision = decide(
      rule,
      { type: "sentry.issue", action: "unresolved", issueId: "9", issue, release: null },
      { issue, windowCounts: null, existingTicketKey: "ACME-7", severity: null, lastRelease: "3.1.0" },
    );
    expect(decision).toMatchObject({
      kind: "comment",
      dedupeKey: "sentry-regression:9:3.1.0",
      summary: "Comment on ACME-7: WEB-9 regressed in release 3.1.0",
    });
  });
});
