import { describe, expect, it } from "vitest";
import { sameArgs } from "./same-args";

describe("sameArgs", () => {
  it("ignores key order and undefined fields, as a JSONB round trip does", () => {
    const sent = {
      projectKey: "ACME",
      labels: ["sentry"],
      assigneeAccountId: undefined,
      description: { type: "doc", version: 1 },
    };
    const stored = { description: { version: 1, type: "doc" }, labels: ["sentry"], projectKey: "ACME" };
    expect(sameArgs(sent, stored)).toBe(true);
  });

  it("a failed intent blocks its key forever: a corrected project key is a different request", () => {
    expect(sameArgs({ projectKey: "NOPE", summary: "Crash" }, { projectKey: "ACME", summary: "Crash" })).toBe(false);
  });

  it("tells apart changed array order, nested values and null from absent", () => {
    expect(sameArgs({ labels: ["a", "b"] }, { labels: ["b", "a"] })).toBe(false);
    expect(sameArgs({ body: { content: [{ text: "x" }] } }, { body: { content: [{ text: "y" }] } })).toBe(false);
    expect(sameArgs({ assigneeAccountId: null }, {})).toBe(false);
  });
});
