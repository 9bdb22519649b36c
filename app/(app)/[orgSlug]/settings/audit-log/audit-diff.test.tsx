import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditDiff } from "./audit-diff";

describe("AuditDiff", () => {
  it("defect 8 (audit diff): an entry with a diff shows an expandable table of field, before and after", () => {
    const html = renderToStaticMarkup(
      <AuditDiff
        changes={{
          attempts: 1,
          diff: [
            { field: "role", before: "member", after: "manager" },
            { field: "workosUserId", after: "user_1" },
            { field: "assignedTo", after: null },
          ],
        }}
      />,
    );
    expect(html).toMatch(/^<details[^>]*><summary[^>]*>Changes \(3 fields\)<\/summary>/);
    expect(html).toContain('<caption class="sr-only">Fields changed</caption>');
    expect(html.match(/<th scope="col"[^>]*>(Field|Before|After)<\/th>/g)).toHaveLength(3);
    expect(html).toMatch(/<th scope="row"[^>]*>role<\/th><td[^>]*>member<\/td><td[^>]*>manager<\/td>/);
    // No value before is shown as unknown, not as an empty cell that reads like an empty value.
    expect(html).toMatch(
      /<th scope="row"[^>]*>workosUserId<\/th><td[^>]*><span[^>]*>unknown<\/span><\/td><td[^>]*>user_1<\/td>/,
    );
    expect(html).toMatch(/<th scope="row"[^>]*>assignedTo<\/th><td[^>]*>.*?<\/td><td[^>]*>null<\/td>/);
  });

  it("shows a dash, not 'unknown', before a plain value that had nothing before it", () => {
    const html = renderToStaticMarkup(<AuditDiff changes={{ attempts: 1, name: "Platform", members: 3 }} />);
    expect(html).toContain("Changes (2 fields)");
    expect(html).toMatch(
      /<th scope="row"[^>]*>name<\/th><td[^>]*><span class="text-slate-600 dark:text-slate-400">—<\/span><\/td><td[^>]*>Platform<\/td>/,
    );
    expect(html).toMatch(/<th scope="row"[^>]*>members<\/th><td[^>]*><span[^>]*>—<\/span><\/td><td[^>]*>3<\/td>/);
    expect(html).not.toContain("unknown");
    expect(html).not.toContain("attempts");
  });

  it("shows the values before and after of a { from, to } change", () => {
    const html = renderToStaticMarkup(<AuditDiff changes={{ role: { from: "member", to: "admin" } }} />);
    expect(html).toMatch(/<th scope="row"[^>]*>role<\/th><td[^>]*>member<\/td><td[^>]*>admin<\/td>/);
  });

  it("defect 8 (audit diff): shows nothing for an entry without a diff, and escapes what a field holds", () => {
    expect(renderToStaticMarkup(<AuditDiff changes={{ attempts: 2 }} />)).toBe("");
    expect(renderToStaticMarkup(<AuditDiff changes={null} />)).toBe("");
    const html = renderToStaticMarkup(
      <AuditDiff changes={{ diff: [{ field: "summary", after: "<script>alert(1)</script>" }] }} />,
    );
    expect(html).toContain("Changes (1 field)");
    expect(html).not.toContain("<script>");
  });
});
