import { describe, expect, it } from "vitest";
import { describeRunFailure } from "./failure-message";

describe("describeRunFailure", () => {
  it("puts the plain explanation before the recorded text", () => {
    expect(describeRunFailure("Create the bug: Jira answered 401")).toBe(
      "Create the bug: Jira rejected Bosun's credentials — an admin can enter a new API token under Settings → Integrations → Jira. (Create the bug: Jira answered 401)",
    );
  });

  it("leaves Bosun's own words and missing messages alone", () => {
    expect(describeRunFailure("The rule's settings are no longer valid: config bad")).toBe(
      "The rule's settings are no longer valid: config bad",
    );
    expect(describeRunFailure(null)).toBeNull();
  });
});
