import { describe, expect, it } from "vitest";
import { buildSentryTicket } from "./sentry-ticket";

const issue = {
  shortId: "WEB-1A",
  title: "TypeError: Cannot read properties of undefined (reading 'berth')",
  culprit: "app/berths/[id]/page",
  level: "error",
  userCount: 1204,
  eventCount: 5321,
  firstSeen: "2026-11-10T08:00:00Z",
  lastSeen: "2026-11-24T09:00:00Z",
  firstReleaseVersion: "2.14.0",
  permalink: "https://sentry.example/organizations/acme/issues/61/",
  projectSlug: "web",
};

describe("buildSentryTicket", () => {
  it("carries the Sentry context into summary, ADF description, priority and labels", () => {
    const ticket = buildSentryTicket(issue, { severity: "critical", reasons: ["1,204 users affected ≥ 500"] });
    expect(ticket.summary).toBe("[WEB-1A] TypeError: Cannot read properties of undefined (reading 'berth')");
    expect(ticket.priority).toBe("Highest");
    expect(ticket.labels).toEqual(["sentry", "production-error", "severity-critical"]);
    const body = JSON.stringify(ticket.description);
    for (const fact of [
      "app/berths/[id]/page",
      "1,204",
      "5,321",
      "2.14.0",
      "2026-11-10T08:00:00Z",
      "classified critical (1,204 users affected ≥ 500)",
      issue.permalink,
    ])
      expect(body).toContain(fact);
    expect(ticket.description).toMatchObject({ type: "doc", version: 1 });
  });

  it("keeps the summary within Jira's 255 characters", () => {
    expect(
      buildSentryTicket({ ...issue, title: "x".repeat(400) }, { severity: "low", reasons: [] }).summary,
    ).toHaveLength(255);
  });
});
