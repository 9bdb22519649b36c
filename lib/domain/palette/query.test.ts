import { describe, expect, it } from "vitest";
import { asJiraKey, asSentryShortId, parsePaletteQuery } from "./query";

const parse = (query: string) => parsePaletteQuery(new URLSearchParams(query));

describe("parsePaletteQuery", () => {
  it("reads and trims q; a missing q is the empty search", () => {
    expect(parse("q=%20sprints%20")).toMatchObject({ success: true, data: { q: "sprints" } });
    expect(parse("")).toMatchObject({ success: true, data: { q: "" } });
  });

  it("refuses a q that is too long, holds a control character, or comes twice, naming q", () => {
    for (const bad of [`q=${"a".repeat(101)}`, "q=a%00b", "q=a%0Ab", "q=a&q=b"]) {
      const result = parse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["q"]);
    }
    expect(parse(`q=${"a".repeat(100)}`).success).toBe(true);
  });
});

describe("query shapes", () => {
  it("recognises Jira keys in any case", () => {
    expect(asJiraKey("ACME-12")).toBe("ACME-12");
    expect(asJiraKey(" acme-12 ")).toBe("ACME-12");
    expect(asJiraKey("ACME")).toBeNull();
    expect(asJiraKey("ACME-WEB-1A")).toBeNull();
    expect(asJiraKey("1ACME-2")).toBeNull();
  });

  it("recognises Sentry short ids, which a Jira key also looks like", () => {
    expect(asSentryShortId("acme-web-1a")).toBe("ACME-WEB-1A");
    expect(asSentryShortId("WEB-G")).toBe("WEB-G");
    expect(asSentryShortId("ACME-12")).toBe("ACME-12");
    expect(asSentryShortId("ACME")).toBeNull();
    expect(asSentryShortId("ACME--1")).toBeNull();
    expect(asSentryShortId("sprints plan")).toBeNull();
  });
});
