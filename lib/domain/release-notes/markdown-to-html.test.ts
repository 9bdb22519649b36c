import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "./escape-markdown";
import { markdownToHtml } from "./markdown-to-html";

const A = (href: string, label: string) => `<a href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>`;

describe("markdownToHtml: blocks", () => {
  it("renders headings one to three", () => {
    expect(markdownToHtml("# One\n## Two\n### Three")).toBe("<h1>One</h1>\n<h2>Two</h2>\n<h3>Three</h3>");
  });

  it("drops a closing sequence of hashes and keeps a hash inside the text", () => {
    expect(markdownToHtml("## Notes ##")).toBe("<h2>Notes</h2>");
    expect(markdownToHtml("### C#")).toBe("<h3>C#</h3>");
  });

  it("treats deeper headings and hashes without a space as text", () => {
    expect(markdownToHtml("#### Four")).toBe("<p>#### Four</p>");
    expect(markdownToHtml("#hashtag")).toBe("<p>#hashtag</p>");
  });

  it("joins lines into paragraphs split by blank lines", () => {
    expect(markdownToHtml("one\ntwo\n\n  \nthree")).toBe("<p>one\ntwo</p>\n<p>three</p>");
  });

  it("turns consecutive `- ` lines into one list", () => {
    expect(markdownToHtml("- a\n- b\n\n- c")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ul>\n<li>c</li>\n</ul>");
  });

  it("ends a list at a heading or a plain line", () => {
    expect(markdownToHtml("- a\ntext\n- b\n## H")).toBe(
      "<ul>\n<li>a</li>\n</ul>\n<p>text</p>\n<ul>\n<li>b</li>\n</ul>\n<h2>H</h2>",
    );
  });

  it("accepts Windows line endings and an empty item", () => {
    expect(markdownToHtml("# T\r\n\r\n- a\r\n-\r\n")).toBe("<h1>T</h1>\n<ul>\n<li>a</li>\n<li></li>\n</ul>");
  });

  it("renders nothing for empty input", () => {
    expect(markdownToHtml("")).toBe("");
    expect(markdownToHtml("\n\n")).toBe("");
  });

  it("shows other Markdown (ordered lists, quotes, * bullets) as text", () => {
    expect(markdownToHtml("1. one\n> quote\n+ plus")).toBe("<p>1. one\n&gt; quote\n+ plus</p>");
  });
});

describe("markdownToHtml: inline", () => {
  it.each<[string, string]>([
    ["**bold**", "<strong>bold</strong>"],
    ["*italic*", "<em>italic</em>"],
    ["_italic_", "<em>italic</em>"],
    ["`a < b`", "<code>a &lt; b</code>"],
    ["**bold with *italic* inside**", "<strong>bold with <em>italic</em> inside</strong>"],
    ["*italic with **bold** inside*", "<em>italic with <strong>bold</strong> inside</em>"],
    ["`**not bold**`", "<code>**not bold**</code>"],
    ["snake_case_name", "snake_case_name"],
    ["2 * 3 * 4", "2 * 3 * 4"],
    ["**unclosed", "**unclosed"],
    ["** not bold**", "** not bold**"],
    ["* not italic*", "* not italic*"],
    ["*unclosed", "*unclosed"],
    ["`unclosed", "`unclosed"],
    ["\\*not italic\\*", "*not italic*"],
    ["\\[not a link\\](https://x.test)", "[not a link](https://x.test)"],
    ["a \\ b", "a \\ b"],
    ['Tom & Jerry\'s "show"', "Tom &amp; Jerry&#39;s &quot;show&quot;"],
  ])("renders %j", (markdown, html) => {
    expect(markdownToHtml(markdown)).toBe(`<p>${html}</p>`);
  });

  it("renders http and https links", () => {
    expect(markdownToHtml("[ACME-1](https://acme.atlassian.net/browse/ACME-1)")).toBe(
      `<p>${A("https://acme.atlassian.net/browse/ACME-1", "ACME-1")}</p>`,
    );
    expect(markdownToHtml("see [docs](http://docs.test/a?b=1&c=2#d).")).toBe(
      `<p>see ${A("http://docs.test/a?b=1&amp;c=2#d", "docs")}.</p>`,
    );
  });

  it("renders formatting inside link text", () => {
    expect(markdownToHtml("[**bold** `code`](https://x.test/)")).toBe(
      `<p>${A("https://x.test/", "<strong>bold</strong> <code>code</code>")}</p>`,
    );
  });

  it("keeps balanced parentheses in a URL", () => {
    expect(markdownToHtml("[wiki](https://en.wikipedia.test/wiki/Foo_(bar))")).toBe(
      `<p>${A("https://en.wikipedia.test/wiki/Foo_(bar)", "wiki")}</p>`,
    );
  });

  it("renders a link wrapped in parentheses, as the generator writes keys", () => {
    expect(markdownToHtml("- Fix ([ACME-1](https://a.test/ACME-1)) — *not done: In Review*")).toBe(
      `<ul>\n<li>Fix (${A("https://a.test/ACME-1", "ACME-1")}) — <em>not done: In Review</em></li>\n</ul>`,
    );
  });

  it("leaves broken link syntax as text", () => {
    expect(markdownToHtml("[text](https://x.test/a b)")).toBe("<p>[text](https://x.test/a b)</p>");
    expect(markdownToHtml("[text] (https://x.test)")).toBe("<p>[text] (https://x.test)</p>");
    expect(markdownToHtml("[text](https://x.test")).toBe("<p>[text](https://x.test</p>");
  });

  it("shows escaped text exactly as it was before escapeMarkdown", () => {
    const hostile = "a_b *c* [d](https://e.test) `f` <g> \\h\\ **i**";
    expect(markdownToHtml(`- ${escapeMarkdown(hostile)}`)).toBe(
      "<ul>\n<li>a_b *c* [d](https://e.test) `f` &lt;g&gt; \\h\\ **i**</li>\n</ul>",
    );
  });
});

describe("markdownToHtml: large input", () => {
  // No clock here: a machine's speed must not decide a test. The walls are long enough (200,000 and 100,000
  // characters) that a quadratic parser would need tens of billions of steps and overrun the test timeout on
  // any machine, while the linear one renders them in well under a second; the render time is a bench matter.
  it("renders a pasted wall of unclosed delimiters and half links as text, in linear time", () => {
    const delimiters = "*a _b **c ".repeat(20_000);
    const halfLinks = "[a](b".repeat(20_000);
    expect(markdownToHtml(delimiters)).toBe(`<p>${delimiters.trim()}</p>`);
    expect(markdownToHtml(halfLinks)).toBe(`<p>${halfLinks}</p>`);
  });

  it("treats an overlong URL as text", () => {
    const url = `https://x.test/${"a".repeat(3000)}`;
    expect(markdownToHtml(`[x](${url})`)).toBe(`<p>[x](${url})</p>`);
  });
});

describe("markdownToHtml: XSS", () => {
  it.each([
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "# <script>alert(1)</script>",
    "- <iframe src=//evil.test></iframe>",
    "**<b onclick=alert(1)>x</b>**",
    "`<script>alert(1)</script>`",
  ])("never passes raw HTML through: %j", (markdown) => {
    const html = markdownToHtml(markdown);
    expect(html).not.toMatch(/<(script|img|svg|iframe|b |a )/i);
    expect(html).toContain("&lt;");
  });

  it.each([
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](//evil.test/x)",
    "[x](/relative/path)",
    "[x](mailto:a@b.test)",
    "[x](https:alert(1))",
  ])("renders a non-http(s) link as text: %j", (markdown) => {
    const html = markdownToHtml(markdown);
    expect(html).not.toContain("<a ");
    expect(html).toBe(`<p>${markdown.replace(/&/g, "&amp;")}</p>`);
  });

  it("cannot break out of the href attribute", () => {
    const html = markdownToHtml('[x](https://evil.test/"onmouseover="alert(1))');
    expect(html).toBe(`<p>${A("https://evil.test/%22onmouseover=%22alert(1)", "x")}</p>`);
    expect(markdownToHtml("[x](https://evil.test/'onmouseover='alert(1))")).toBe(
      `<p>${A("https://evil.test/&#39;onmouseover=&#39;alert(1)", "x")}</p>`,
    );
  });

  it("escapes HTML in link text", () => {
    expect(markdownToHtml('[<img src=x onerror="alert(1)">](https://x.test/)')).toBe(
      `<p>${A("https://x.test/", "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;")}</p>`,
    );
  });

  it("does not nest a link in a link's text", () => {
    expect(markdownToHtml("[[in](javascript:alert(1))](https://x.test/)")).not.toContain('javascript:alert(1)"');
    expect(markdownToHtml("[a [b](https://b.test/)](https://x.test/)")).toBe(
      `<p>[a ${A("https://b.test/", "b")}](https://x.test/)</p>`,
    );
  });

  it("ignores control characters smuggled into the scheme", () => {
    expect(markdownToHtml("[x](java\tscript:alert(1))")).not.toContain("<a ");
    expect(markdownToHtml("[x](\u0000javascript:alert(1))")).not.toContain("<a ");
  });
});
