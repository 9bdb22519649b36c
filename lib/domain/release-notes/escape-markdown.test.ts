import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "./escape-markdown";

describe("escapeMarkdown", () => {
  it.each<[string, string]>([
    ["[link](https://evil.test)", "\\[link\\](https://evil.test)"],
    ["**bold** and *italic*", "\\*\\*bold\\*\\* and \\*italic\\*"],
    ["snake_case_name", "snake\\_case\\_name"],
    ["run `rm -rf`", "run \\`rm -rf\\`"],
    ["<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"],
    ["a > b < c", "a \\> b \\< c"],
  ])("escapes %j", (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it("escapes a backslash first, so one in the text cannot cancel the escape that follows it", () => {
    expect(escapeMarkdown("C:\\[x]")).toBe("C:\\\\\\[x\\]");
    expect(escapeMarkdown("\\*")).toBe("\\\\\\*");
  });

  it("leaves ordinary text and other punctuation alone", () => {
    expect(escapeMarkdown("Fix crash (again) on iOS 17: 100% of users & #1 bug!")).toBe(
      "Fix crash (again) on iOS 17: 100% of users & #1 bug!",
    );
    expect(escapeMarkdown("")).toBe("");
  });

  it("puts a multi-line value on one line so it cannot end a list item", () => {
    expect(escapeMarkdown("first line\n- injected item\r\n\n# heading")).toBe("first line - injected item # heading");
    expect(escapeMarkdown("  padded \n")).toBe("padded");
  });
});
