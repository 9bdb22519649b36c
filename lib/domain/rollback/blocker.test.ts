import { describe, expect, it } from "vitest";
import { adfPlainText } from "@/lib/domain/adf";
import { buildRollbackBlocker, buildRollbackBlockerUpdate } from "./blocker";
import type { RollbackEvidence } from "./types";

const evidence: RollbackEvidence = {
  release: "2.14.0",
  environment: "production",
  previousRelease: "2.13.0",
  deployedAt: "2026-12-03T09:00:00.000Z",
  evaluatedAt: "2026-12-03T12:00:00.000Z",
  signals: [
    { kind: "crash_free_drop", text: "Crash-free sessions fell", current: 97, previous: 99.8, dropPoints: 2.8 },
    { kind: "performance", text: "Slower: p75 LCP", metric: "lcpP75", changePercent: 26 },
  ],
  summary: "Crash-free sessions fell; Slower: p75 LCP.",
};

describe("buildRollbackBlocker", () => {
  it("is a Highest bug naming the release and environment, with every signal and the page to decide on", () => {
    const blocker = buildRollbackBlocker({
      evidence,
      projectKey: "OPS",
      releaseUrl: "https://bosun.test/acme/releases/2.14.0",
    });
    expect(blocker).toMatchObject({
      projectKey: "OPS",
      issueType: "Bug",
      priority: "Highest",
      summary: "[Rollback recommended] 2.14.0 in production",
      labels: ["bosun", "rollback-recommended"],
    });
    const text = adfPlainText(blocker.description);
    expect(text).toContain("deployed to production at 2026-12-03T09:00:00.000Z; the release before it is 2.13.0");
    expect(text).toContain("Crash-free sessions fell");
    expect(text).toContain("Slower: p75 LCP");
    expect(JSON.stringify(blocker.description)).toContain("https://bosun.test/acme/releases/2.14.0");
  });

  it("keeps the summary within Jira's 255 characters", () => {
    const long = { ...evidence, release: "x".repeat(300) };
    expect(
      buildRollbackBlocker({ evidence: long, projectKey: "OPS", releaseUrl: "https://b.test/" }).summary,
    ).toHaveLength(255);
  });
});

describe("buildRollbackBlockerUpdate", () => {
  it("says when it was re-evaluated and lists the signals", () => {
    const text = adfPlainText(buildRollbackBlockerUpdate(evidence));
    expect(text).toContain("Bosun re-evaluated 2.14.0 at 2026-12-03T12:00:00.000Z");
    expect(text).toContain("Slower: p75 LCP");
  });
});
