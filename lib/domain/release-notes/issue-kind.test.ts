import { describe, expect, it } from "vitest";
import { issueKind } from "./issue-kind";

describe("issueKind", () => {
  it.each([
    ["Story", "feature"],
    ["New Feature", "feature"],
    ["Feature", "feature"],
    ["Bug", "fix"],
    ["Task", "improvement"],
    ["Improvement", "improvement"],
    ["Spike", "improvement"],
    ["Chore", "improvement"],
  ] as const)("puts %s under %s", (type, kind) => {
    expect(issueKind(type)).toBe(kind);
  });

  it.each(["Epic", "Subtask", "Sub-task"])("never lists %s", (type) => {
    expect(issueKind(type)).toBeNull();
  });

  it("ignores case and surrounding spaces, as sites rename types", () => {
    expect(issueKind(" story ")).toBe("feature");
    expect(issueKind("BUG")).toBe("fix");
    expect(issueKind("new feature")).toBe("feature");
    expect(issueKind("SUB-TASK")).toBeNull();
  });
});
