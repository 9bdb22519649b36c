import { describe, expect, it } from "vitest";
import { JIRA_SUMMARY_LIMIT, jiraSummary } from "./summary";

describe("jiraSummary", () => {
  it("keeps a summary of up to 255 characters as it is", () => {
    expect(jiraSummary("x".repeat(255))).toEqual({ summary: "x".repeat(255), isCut: false });
  });

  it("cuts a longer one to 255 characters ending in an ellipsis", () => {
    const { summary, isCut } = jiraSummary("x".repeat(256));
    expect(isCut).toBe(true);
    expect(summary).toHaveLength(JIRA_SUMMARY_LIMIT);
    expect(summary.endsWith("x…")).toBe(true);
  });

  it("puts the title on one line", () => {
    expect(jiraSummary("  See\r\nfree   berths\t")).toEqual({ summary: "See free berths", isCut: false });
  });

  it("never leaves half an emoji before the ellipsis", () => {
    const { summary } = jiraSummary(`${"x".repeat(253)}🚢🚢`);
    expect(summary).toBe(`${"x".repeat(253)}…`);
  });

  it("drops a space left before the ellipsis", () => {
    expect(jiraSummary(`${"x".repeat(253)} yyyy`).summary).toBe(`${"x".repeat(253)}…`);
  });
});
