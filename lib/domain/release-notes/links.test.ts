import { describe, expect, it } from "vitest";
import { jiraIssueUrl, markdownLink, safeHttpUrl } from "./links";

describe("safeHttpUrl", () => {
  it("keeps http and https URLs", () => {
    expect(safeHttpUrl("https://acme.atlassian.net/browse/ACME-1")).toBe("https://acme.atlassian.net/browse/ACME-1");
    expect(safeHttpUrl("HTTP://example.test/x")).toBe("HTTP://example.test/x");
  });

  it.each([
    "javascript:alert(1)",
    "data:text/html,<script>",
    "//evil.test/x",
    "/browse/ACME-1",
    "ftp://example.test",
    "https://",
    "",
  ])("refuses %j", (url) => {
    expect(safeHttpUrl(url)).toBeNull();
  });

  it("percent-encodes what would end or bend a Markdown link destination", () => {
    expect(safeHttpUrl("https://wiki.test/Foo_(bar) baz<x>\\")).toBe("https://wiki.test/Foo_%28bar%29%20baz%3Cx%3E%5C");
  });
});

describe("markdownLink", () => {
  it("links http(s) URLs and falls back to the bare label otherwise", () => {
    expect(markdownLink("WEB-1", "https://sentry.io/issues/1/")).toBe("[WEB-1](https://sentry.io/issues/1/)");
    expect(markdownLink("WEB-1", "javascript:alert(1)")).toBe("WEB-1");
  });
});

describe("jiraIssueUrl", () => {
  it("appends the key, tolerating trailing slashes on the base", () => {
    expect(jiraIssueUrl("https://acme.atlassian.net/browse", "ACME-1")).toBe(
      "https://acme.atlassian.net/browse/ACME-1",
    );
    expect(jiraIssueUrl("https://acme.atlassian.net/browse//", "ACME-1")).toBe(
      "https://acme.atlassian.net/browse/ACME-1",
    );
  });

  it("encodes a key that is not URL-safe", () => {
    expect(jiraIssueUrl("https://acme.atlassian.net/browse", "A B/../x")).toBe(
      "https://acme.atlassian.net/browse/A%20B%2F..%2Fx",
    );
  });
});
