import { describe, expect, it } from "vitest";
import { parseLinkHeader, sentryErrorDetail } from "./transform";

const BASE = "https://sentry.io/api/0/organizations/acme/issues/?query=is%3Aunresolved";

describe("parseLinkHeader", () => {
  it("keeps only links Sentry marks as having results", () => {
    const header = `<${BASE}&cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", <${BASE}&cursor=0:100:0>; rel="next"; results="true"; cursor="0:100:0"`;
    expect(parseLinkHeader(header)).toEqual({ next: "0:100:0", previous: null });
  });

  it("reads both directions in the middle of a list", () => {
    const header = `<${BASE}&cursor=0:0:1>; rel="previous"; results="true"; cursor="0:0:1", <${BASE}&cursor=0:200:0>; rel="next"; results="true"; cursor="0:200:0"`;
    expect(parseLinkHeader(header)).toEqual({ next: "0:200:0", previous: "0:0:1" });
  });

  it("has no next cursor on the last page", () => {
    const header = `<${BASE}&cursor=0:0:1>; rel="previous"; results="true"; cursor="0:0:1", <${BASE}&cursor=0:200:0>; rel="next"; results="false"; cursor="0:200:0"`;
    expect(parseLinkHeader(header).next).toBeNull();
  });

  it("takes the cursor from the URL when the attribute is missing", () => {
    expect(parseLinkHeader(`<${BASE}&cursor=1700000000000:0:0>; rel="next"; results="true"`)).toEqual({
      next: "1700000000000:0:0",
      previous: null,
    });
  });

  it("is empty without a header", () => {
    expect(parseLinkHeader(null)).toEqual({ next: null, previous: null });
    expect(parseLinkHeader("")).toEqual({ next: null, previous: null });
  });
});

describe("sentryErrorDetail", () => {
  it("reads {detail}", () => {
    expect(sentryErrorDetail({ detail: "Invalid token" })).toBe("Invalid token");
  });

  it("reads field errors as Django REST framework writes them", () => {
    expect(sentryErrorDetail({ status: ['"done" is not a valid choice.'], assignedTo: ["Unknown actor."] })).toBe(
      'status: "done" is not a valid choice. assignedTo: Unknown actor.',
    );
  });

  it("finding 4 (SSRF): keeps Sentry's words to 200 characters of plain text, and drops markup", () => {
    expect(
      sentryErrorDetail({
        detail: "<html><body><h1>Server Error</h1><pre>Traceback (most recent call last)…</pre></body></html>",
      }),
    ).toBeNull();
    expect(sentryErrorDetail({ detail: "y".repeat(1000) })).toBe(`${"y".repeat(199)}…`);
    expect(sentryErrorDetail({ status: ["<b>bad</b>"], assignedTo: ["Unknown\tactor."] })).toBe(
      "assignedTo: Unknown actor.",
    );
  });

  it("is null for anything else", () => {
    expect(sentryErrorDetail("Rate limit exceeded")).toBeNull();
    expect(sentryErrorDetail([{ detail: "x" }])).toBeNull();
    expect(sentryErrorDetail({})).toBeNull();
    expect(sentryErrorDetail(undefined)).toBeNull();
  });
});
