import { describe, expect, it } from "vitest";
import { deliveryEventSchema } from "./event-schema";

describe("the event a delivery's job carries", () => {
  const pr = {
    type: "git.pull_request",
    action: "merged",
    repo: "acme/platform",
    number: 7,
    title: "Fix",
    branch: "fix",
    url: "https://github.test/acme/platform/pull/7",
  };

  it("keeps a pull request's description, and reads one stored without it", () => {
    expect(deliveryEventSchema.parse({ ...pr, body: "Fixes WEB-G" })).toEqual({ ...pr, body: "Fixes WEB-G" });
    expect(deliveryEventSchema.parse(pr)).toEqual(pr);
  });

  it("reads a Sentry issue change and still refuses what intake never stores", () => {
    const change = {
      type: "sentry.issue_change",
      action: "resolved",
      issueId: "1",
      shortId: "WEB-1",
      substatus: null,
      ignoreUntil: null,
      inNextRelease: false,
      assignee: null,
      comment: null,
      actorName: null,
      at: null,
    };
    expect(deliveryEventSchema.parse(change)).toEqual(change);
    expect(deliveryEventSchema.safeParse({ ...change, action: "exploded" }).success).toBe(false);
    expect(deliveryEventSchema.safeParse({ type: "git.pull_request" }).success).toBe(false);
  });
});
