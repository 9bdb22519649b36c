import { describe, expect, it } from "vitest";
import { type AutomationEvent, type SentryIssueFacts, describeEvent } from "./events";

const issue: SentryIssueFacts = {
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

describe("describeEvent", () => {
  it.each<[string, AutomationEvent, string]>([
    [
      "a new Sentry issue in a release",
      { type: "sentry.issue", action: "created", issueId: "4711", issue, release: "2.15.0" },
      "Sentry issue WEB-1A created in 2.15.0",
    ],
    [
      "a regressed Sentry issue without a release",
      { type: "sentry.issue", action: "unresolved", issueId: "4711", issue, release: null },
      "Sentry issue WEB-1A unresolved",
    ],
    [
      "an issue alert on an issue that could not be read",
      { type: "sentry.issue", action: "alert", issueId: "4711", issue: null, release: null },
      "Sentry issue 4711 alert fired",
    ],
    [
      "a firing metric alert",
      {
        type: "sentry.metric_alert",
        action: "critical",
        incidentId: "inc-9",
        title: "Error rate above 5%",
        description: "5.4% of requests failed",
        projects: ["web"],
        webUrl: null,
      },
      "Metric alert critical: Error rate above 5%",
    ],
    [
      "a resolved metric alert",
      {
        type: "sentry.metric_alert",
        action: "resolved",
        incidentId: "inc-9",
        title: "Error rate above 5%",
        description: "",
        projects: [],
        webUrl: null,
      },
      "Metric alert resolved: Error rate above 5%",
    ],
    [
      "a release health check",
      {
        type: "release.health",
        version: "2.15.0",
        crashFreeSessionRate: 97.5,
        totalSessions: 12_345,
        crashedSessions: 309,
      },
      "Release 2.15.0: 97.50% crash-free sessions (12,345 sessions)",
    ],
    [
      "a release without sessions",
      { type: "release.health", version: "2.15.1", crashFreeSessionRate: null, totalSessions: 0, crashedSessions: 0 },
      "Release 2.15.1: no sessions (0 sessions)",
    ],
    [
      "a new branch",
      {
        type: "git.branch",
        repo: "acme/web",
        branch: "feature/ACME-12-fix-login",
        url: "https://github.com/acme/web/tree/feature/ACME-12-fix-login",
      },
      "Branch feature/ACME-12-fix-login created in acme/web",
    ],
    [
      "a merged pull request",
      {
        type: "git.pull_request",
        action: "merged",
        repo: "acme/web",
        number: 42,
        title: "[ACME-7] Fix crash",
        branch: "acme-7-crash",
        url: "https://github.com/acme/web/pull/42",
      },
      "Pull request #42 merged in acme/web: [ACME-7] Fix crash",
    ],
    [
      "an opened pull request",
      {
        type: "git.pull_request",
        action: "opened",
        repo: "acme/api",
        number: 7,
        title: "Bump deps",
        branch: "deps",
        url: "https://github.com/acme/api/pull/7",
      },
      "Pull request #7 opened in acme/api: Bump deps",
    ],
  ])("describes %s", (_, event, line) => {
    expect(describeEvent(event)).toBe(line);
  });
});
