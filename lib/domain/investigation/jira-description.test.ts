import { describe, expect, it } from "vitest";
import { adfDoc, adfParagraph, adfPlainText, adfText } from "@/lib/domain/adf";
import { investigationAdf, withInvestigation } from "./jira-description";
import { reportWithPersonalData } from "./report-fixture";

const URL = "https://bosun.example/acme/errors/6100000001/investigation";
const EMAIL = /[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9.-]+\.[a-z]{2,}/i;
const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\b/;

describe("investigationAdf", () => {
  const report = reportWithPersonalData();
  const text = JSON.stringify(investigationAdf(report, URL));

  it("carries the exception, the in-app frames innermost first, and the suspect commit with its author", () => {
    const plain = adfPlainText(adfDoc(...investigationAdf(report, URL)));
    expect(plain).toContain("TypeError: Cannot read properties of undefined (reading 'items')");
    expect(plain.indexOf("src/checkout/cart.ts:42:9 in addItem")).toBeLessThan(
      plain.indexOf("src/api/orders/handler.ts:88:12 in handleOrder"),
    );
    expect(plain).not.toContain("react-dom");
    expect(plain).toContain("a1b2c3d4e5f6 Cart: merge line items by SKU — Grace Hopper (score 5)");
    expect(plain).toContain("changed src/checkout/cart.ts, in-app frame 1 (addItem)");
    expect(plain).toContain("Grace Hopper — path:src/checkout/* matched src/checkout/cart.ts");
    expect(plain).toContain("Chrome 131 (70%)");
    expect(plain).toContain("WEB-1B");
    expect(text).toContain(URL);
  });

  it("leaves no e-mail address, IP address, token or cookie from the event", () => {
    expect(text).not.toMatch(EMAIL);
    expect(text).not.toMatch(IPV4);
    expect(text).not.toContain("2001:db8::1");
    for (const secret of ["abc123secret", "eyJhbGciOiJIUzI1NiJ9", "k-999", "xyz"]) expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
  });

  it("says why there are no suspects when none were found", () => {
    const plain = adfPlainText(
      adfDoc(...investigationAdf({ ...report, suspectCommits: [], suspectNote: "No release data." }, URL)),
    );
    expect(plain).toContain("No release data.");
  });

  it("stays within the size bound by dropping whole sections, keeping the link", () => {
    const huge = reportWithPersonalData();
    huge.similarIssues = Array.from({ length: 50 }, (_, i) => ({ ...report.similarIssues[0]!, shortId: `WEB-${i}` }));
    const event = huge.latestEvent!;
    event.breadcrumbs = Array.from({ length: 200 }, () => ({ ...event.breadcrumbs[1]!, message: "y".repeat(2000) }));
    const bounded = investigationAdf(huge, URL, 2_500);
    expect(JSON.stringify(bounded).length).toBeLessThanOrEqual(2_500);
    expect(JSON.stringify(bounded)).toContain(URL);
    expect(adfPlainText(adfDoc(...bounded))).toContain("Investigation");
  });

  it("works without a latest event", () => {
    const plain = adfPlainText(adfDoc(...investigationAdf({ ...report, latestEvent: null }, URL)));
    expect(plain).toContain("Latest event unavailable");
  });
});

describe("withInvestigation", () => {
  it("appends to the ticket's own description", () => {
    const base = adfDoc(adfParagraph(adfText("Sentry issue WEB-1A")));
    const doc = withInvestigation(base, reportWithPersonalData(), URL);
    expect(doc.content[0]).toEqual(base.content[0]);
    expect(doc.content.length).toBeGreaterThan(5);
  });
});
