import { describe, expect, it } from "vitest";
import { renderBatchMail } from "./batch-mail";
import { escapeHtml } from "./escape";
import { absoluteLink, isOrgLink } from "./links";

describe("isOrgLink", () => {
  it.each(["/acme/errors/123", "/acme/releases/1.2.3?env=prod", "/acme/automations#runs"])("accepts %s", (link) =>
    expect(isOrgLink(link, "acme")).toBe(true),
  );

  it.each([
    "/globex/errors/1",
    "https://evil.test/acme/",
    "//evil.test/acme/",
    "/acme/../globex/errors",
    "/acme/%2e%2e/globex",
    "/acme/a%2fb",
    "/acme/\\evil.test",
    "/acme",
    "/acmex/errors",
    "/acme/%E0%A4%A",
  ])("refuses %s", (link) => expect(isOrgLink(link, "acme")).toBe(false));
});

describe("absoluteLink", () => {
  it("joins the base URL and the path with one slash", () => {
    expect(absoluteLink("https://bosun.example.com/", "/acme/errors/1")).toBe(
      "https://bosun.example.com/acme/errors/1",
    );
  });
});

describe("renderBatchMail", () => {
  const base = {
    orgName: "Acme <Corp>",
    recipientName: "Grace",
    baseUrl: "https://bosun.example.com",
    unsubscribeUrl: "https://bosun.example.com/unsubscribe/tok",
    preferencesPath: "/acme/notifications/preferences",
  };
  const item = (title: string) => ({
    event: "critical_issue" as const,
    title,
    body: "TypeError <script>alert(1)</script> in checkout",
    link: "/acme/errors/42",
    createdAt: new Date("2026-06-01T12:00:00Z"),
  });

  it("lists every notification with its absolute link and an unsubscribe link", () => {
    const mail = renderBatchMail({ ...base, items: [item("First"), item("Second"), item("Third")] });
    expect(mail.subject).toBe("[Acme <Corp>] First (+2 more)");
    expect(mail.text).toContain("3 notifications from Acme <Corp>");
    expect(mail.text).toContain("https://bosun.example.com/acme/errors/42");
    expect(mail.text).toContain("Unsubscribe from all e-mail: https://bosun.example.com/unsubscribe/tok");
    expect(mail.html).toContain('href="https://bosun.example.com/unsubscribe/tok"');
    expect(mail.html.match(/<li /g)).toHaveLength(3);
  });

  it("escapes everything that came from outside in the HTML", () => {
    const mail = renderBatchMail({ ...base, items: [item('"><img src=x onerror=alert(1)>')] });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("Acme &lt;Corp&gt;");
  });

  it("keeps the subject on one line", () => {
    expect(renderBatchMail({ ...base, items: [item("a\r\nBcc: x@evil.test")] }).subject).not.toMatch(/[\r\n]/);
  });

  it("refuses an empty batch", () => {
    expect(() => renderBatchMail({ ...base, items: [] })).toThrow();
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
