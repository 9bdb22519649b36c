import { describe, expect, it } from "vitest";
import { digestSections, renderDigestMail, type WeeklyDigest } from "./digest";

const digest = (overrides: Partial<WeeklyDigest> = {}): WeeklyDigest => ({
  orgName: "Acme",
  recipientName: "Linus",
  weekOf: "2030-01-07",
  sprint: {
    status: "ok",
    name: "Sprint 42",
    committedPoints: 48,
    capacityPoints: 40,
    completedPoints: 12,
    overCommittedBy: 8,
    yours: { committedPoints: 13, capacityPoints: 10, isOverCommitted: true },
    link: "/acme/sprints",
  },
  errors: {
    scope: "yours",
    items: [
      {
        shortId: "WEB-1",
        title: "<script>x</script>",
        severity: "critical",
        users: 5,
        events: 9,
        link: "/acme/errors/1/investigation",
      },
    ],
    message: null,
  },
  releases: {
    items: [
      {
        version: "2.14.0",
        crashFreeSessions: 91.5,
        crashFreeUsers: null,
        regression: "fell 7 points",
        link: "/acme/releases/2.14.0",
      },
    ],
    message: null,
  },
  pending: {
    collected: [{ title: "Held back", link: "/acme/notifications/n1" }],
    unread: 3,
    unreadItems: [{ title: "Unread one", link: "/acme/notifications/n2" }],
    pendingWrites: 1,
    failedWrites: 0,
    link: "/acme/automations",
  },
  ...overrides,
});

describe("digestSections", () => {
  it("has the sprint, errors in the person's areas, release scorecards and what waits, in that order", () => {
    const sections = digestSections(digest());
    expect(sections.map((s) => s.heading)).toEqual([
      "Your sprint",
      "Top new errors in your areas",
      "Release scorecards",
      "Waiting for you",
    ]);
    const text = sections.flatMap((s) => s.lines.map((l) => l.text)).join("\n");
    expect(text).toContain("Sprint 42: 48 pts committed of 40 pts capacity, 12 pts done — over capacity by 8 pts");
    expect(text).toContain("Yours: 13 pts of 10 pts (over your capacity)");
    expect(text).toContain("2.14.0: crash-free sessions 91.50%, users unknown — regressed: fell 7 points");
    expect(text).toContain("Collected for this digest: Held back");
    expect(text).toContain("3 unread notifications");
  });

  it("says why a section is empty instead of leaving it blank", () => {
    const sections = digestSections(
      digest({
        sprint: { status: "none", message: "No sprint is active." },
        errors: { scope: "org", items: [], message: "No new errors this week." },
      }),
    );
    expect(sections[0]?.lines).toEqual([{ text: "No sprint is active." }]);
    expect(sections[1]?.heading).toBe("Top new errors");
    expect(sections[1]?.lines).toEqual([{ text: "No new errors this week." }]);
  });
});

describe("renderDigestMail", () => {
  it("links absolutely, escapes the HTML and ends with the unsubscribe link", () => {
    const mail = renderDigestMail({
      digest: digest(),
      baseUrl: "https://bosun.example.com",
      unsubscribeUrl: "https://bosun.example.com/unsubscribe/tok",
      preferencesPath: "/acme/notifications/preferences",
    });
    expect(mail.subject).toBe("[Acme] Your week in Bosun — 2030-01-07");
    expect(mail.text).toContain("https://bosun.example.com/acme/errors/1/investigation");
    expect(mail.text.trimEnd().endsWith("Unsubscribe from all e-mail: https://bosun.example.com/unsubscribe/tok")).toBe(
      true,
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).toContain('href="https://bosun.example.com/unsubscribe/tok"');
  });
});
