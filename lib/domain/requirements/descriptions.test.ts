import { describe, expect, it } from "vitest";
import { adfPlainText } from "@/lib/domain/adf";
import { criteriaLines, epicDescription, epicSearchUrl, storyDescription } from "./descriptions";

describe("criteriaLines", () => {
  it("gives one criterion per line without its bullet or number", () => {
    expect(
      criteriaLines("- Shows 7 days\r\n* Sorts\n\n2. Filters\n3) Exports\n• Prints\nPlain line\n-not a bullet"),
    ).toEqual(["Shows 7 days", "Sorts", "Filters", "Exports", "Prints", "Plain line", "-not a bullet"]);
  });
});

describe("storyDescription", () => {
  it("says when there are no acceptance criteria and leaves out an empty business value", () => {
    const doc = storyDescription({
      acceptanceCriteria: " \n",
      businessValue: "",
      epicSummary: "Berths",
      epicSearchUrl: null,
    });
    expect(adfPlainText(doc)).toBe('Acceptance criteria\nNone given yet.\nPart of the epic "Berths".');
    expect(doc.content.some((node) => node.type === "bulletList")).toBe(false);
  });

  it("makes the headings bold", () => {
    const doc = storyDescription({
      acceptanceCriteria: "Works",
      businessValue: "Saves calls",
      epicSummary: "Berths",
      epicSearchUrl: null,
    });
    expect(doc.content[0]).toEqual({
      type: "paragraph",
      content: [{ type: "text", text: "Acceptance criteria", marks: [{ type: "strong" }] }],
    });
    expect(doc.content[2]).toEqual({
      type: "paragraph",
      content: [{ type: "text", text: "Why it matters", marks: [{ type: "strong" }] }],
    });
  });
});

describe("epicDescription", () => {
  it("leaves out an empty story list, which ADF would reject", () => {
    expect(epicDescription("", [])).toEqual({ type: "doc", version: 1, content: [] });
  });
});

describe("epicSearchUrl", () => {
  it.each([
    "https://acme.atlassian.net",
    "https://acme.atlassian.net/",
    "https://acme.atlassian.net/browse",
    " https://acme.atlassian.net/browse/ ",
  ])("reads the site from %j", (url) => {
    expect(epicSearchUrl(url, "ACME", "Berths")).toBe(
      `https://acme.atlassian.net/issues/?jql=${encodeURIComponent('project = "ACME" AND issuetype = Epic AND summary ~ "Berths"')}`,
    );
  });

  it("escapes backslashes and quotes in the epic's name", () => {
    const url = epicSearchUrl("https://acme.atlassian.net", "ACME", 'A\\B "C"');
    expect(decodeURIComponent(url?.split("jql=")[1] ?? "")).toBe(
      'project = "ACME" AND issuetype = Epic AND summary ~ "A\\\\B \\"C\\""',
    );
  });

  it("is null without a site", () => {
    expect(epicSearchUrl(undefined, "ACME", "Berths")).toBeNull();
    expect(epicSearchUrl("  ", "ACME", "Berths")).toBeNull();
  });
});
