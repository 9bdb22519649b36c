import { describe, expect, it } from "vitest";
import { toTrackedIssue } from "./tracked-issues";

describe("toTrackedIssue", () => {
  it("adds the created time and the fixVersions, with whether each is released", () => {
    const issue = toTrackedIssue(
      {
        key: "ACME-7",
        fields: {
          summary: "Fix login",
          issuetype: { name: "Bug" },
          status: { name: "Done", statusCategory: { key: "done" } },
          created: "2026-10-01T09:00:00.000+0000",
          resolutiondate: "2026-10-03T09:00:00.000+0000",
          fixVersions: [{ name: "2.14.0", released: true }, { name: "2.15.0" }],
          customfield_10016: 3,
        },
      },
      "customfield_10016",
    );
    expect(issue).toMatchObject({
      key: "ACME-7",
      issueType: "Bug",
      statusCategory: "done",
      points: 3,
      created: "2026-10-01T09:00:00.000+0000",
      resolvedAt: "2026-10-03T09:00:00.000+0000",
      fixVersions: [
        { name: "2.14.0", released: true },
        { name: "2.15.0", released: false },
      ],
    });
  });

  it("drops a malformed issue instead of guessing", () => {
    expect(toTrackedIssue({ key: "ACME-8", fields: { fixVersions: "2.15.0" } }, null)).toBeNull();
  });
});
