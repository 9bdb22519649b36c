import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReasonHint } from "./reason-hint";

// HTML attribute names are case-insensitive: React writes `popoverTarget`, the browser reads `popovertarget`.
const attribute = (html: string, element: string, name: string) =>
  new RegExp(`<${element}[^>]* ${name}="([^"]*)"`, "i").exec(html)?.[1];

describe("ReasonHint", () => {
  const html = renderToStaticMarkup(
    <ReasonHint label="Why is PAY-12 critical?">
      <span className="block">12 users affected ≥ 10</span>
      <span className="block">fatal level</span>
    </ReasonHint>,
  );

  it("is a named button that toggles a popover holding the explanation", () => {
    const target = attribute(html, "button", "popovertarget");
    expect(target).toBeTruthy();
    expect(html).toMatch(/<button type="button" popoverTarget="[^"]+" aria-label="Why is PAY-12 critical\?"/);
    expect(html).toContain(`<span id="${target}" popover="auto"`);
    expect(html).toMatch(/>Why\?<\/button>/);
  });

  it("is described by the explanation, so a screen reader says it on focus without opening anything", () => {
    const describedBy = attribute(html, "button", "aria-describedby");
    expect(html).toContain(
      `<span id="${describedBy}"><span class="block">12 users affected ≥ 10</span><span class="block">fatal level</span></span>`,
    );
  });

  it("keeps the closed panel hidden: no display utility overrides the popover's own", () => {
    const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
    const panel = /\.reason-hint-panel \{\s*@apply ([^;]*);/.exec(css)![1]!.split(" ");
    expect(panel).toContain("fixed");
    expect(panel.filter((c) => ["block", "flex", "grid", "inline", "inline-block"].includes(c))).toEqual([]);
  });

  it("anchors the panel to its button with CSS, so it opens next to it without a script", () => {
    const anchor = /<button[^>]* style="anchor-name:(--hint-[\w-]+)"/.exec(html)?.[1];
    expect(anchor).toBeTruthy();
    expect(html).toContain(`style="position-anchor:${anchor}"`);
    expect(attribute(html, "span", "class")).toBe("reason-hint-panel");
    const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
    expect(css).toMatch(
      /@supports \(anchor-name: --a\) \{\s*\.reason-hint-panel \{\s*inset: auto;[^}]*top: anchor\(bottom\);\s*left: anchor\(left\);\s*position-try-fallbacks: flip-block, flip-inline;/,
    );
  });

  it("can show another word than Why?", () => {
    const other = renderToStaticMarkup(
      <ReasonHint label="Details of the failed write" buttonText="Details">
        Jira answered 400.
      </ReasonHint>,
    );
    expect(other).toMatch(/aria-label="Details of the failed write"[^>]*>Details<\/button>/);
  });
});
