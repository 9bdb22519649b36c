import { describe, expect, it } from "vitest";
import { toIssueSummary, toReleaseSessions } from "./issue-transform";

describe("toIssueSummary", () => {
  it("maps Sentry's issue, reading the string event count as a number", () => {
    expect(
      toIssueSummary({
        id: "61",
        shortId: "WEB-1A",
        title: "TypeError: x is undefined",
        culprit: "app/berths",
        level: "error",
        status: "unresolved",
        substatus: "regressed",
        permalink: "https://sentry.example/issues/61/",
        project: { id: "45", slug: "web", name: "Web" },
        count: "1204",
        userCount: 311,
        firstSeen: "2026-11-01T00:00:00Z",
        lastSeen: "2026-11-24T00:00:00Z",
        firstRelease: { version: "2.14.0" },
        assignedTo: { type: "user", id: "7", name: "Grace Hopper", email: "grace@acme.test" },
        isUnhandled: true,
      }),
    ).toEqual({
      id: "61",
      shortId: "WEB-1A",
      title: "TypeError: x is undefined",
      culprit: "app/berths",
      level: "error",
      status: "unresolved",
      substatus: "regressed",
      permalink: "https://sentry.example/issues/61/",
      project: { id: "45", slug: "web" },
      eventCount: 1204,
      userCount: 311,
      firstSeen: "2026-11-01T00:00:00Z",
      lastSeen: "2026-11-24T00:00:00Z",
      firstReleaseVersion: "2.14.0",
      assignee: { type: "user", id: "7", name: "Grace Hopper", email: "grace@acme.test" },
      isUnhandled: true,
    });
  });

  it("drops what is not an issue and treats unknown levels as errors", () => {
    expect(toIssueSummary({ id: 1 })).toBeNull();
    expect(
      toIssueSummary({
        id: "1",
        shortId: "A-1",
        title: "t",
        level: "critical",
        status: "unresolved",
        project: { id: "1", slug: "a" },
        count: 3,
        firstSeen: "x",
        lastSeen: "y",
      })?.level,
    ).toBe("error");
  });
});

describe("toReleaseSessions", () => {
  it("turns the sessions API's release groups into percents", () => {
    expect(
      toReleaseSessions({
        groups: [
          {
            by: { release: "2.14.0" },
            totals: {
              "sum(session)": 10000,
              "count_unique(user)": 900,
              "crash_free_rate(session)": 0.975,
              "crash_free_rate(user)": 0.99,
            },
          },
        ],
      }),
    ).toEqual([
      {
        version: "2.14.0",
        totalSessions: 10000,
        crashedSessions: 250,
        totalUsers: 900,
        crashFreeSessionRate: 97.5,
        crashFreeUserRate: 99,
      },
    ]);
    expect(toReleaseSessions({ nope: 1 })).toEqual([]);
  });
});
