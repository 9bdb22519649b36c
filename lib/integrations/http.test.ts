import { describe, expect, it } from "vitest";
import {
  classifyTransportError,
  formatMegabytes,
  formatSeconds,
  isWebAddress,
  parseRetryAfter,
  reasonForStatus,
  summarizeUpstreamText,
} from "./http";

describe("reasonForStatus", () => {
  it.each([
    [400, "bad_request"],
    [422, "bad_request"],
    [401, "bad_credentials"],
    [403, "forbidden"],
    [404, "not_found"],
    [429, "rate_limited"],
    [500, "server_error"],
    [503, "server_error"],
    [409, "unexpected"],
    [302, "unexpected"],
  ] as const)("%i is %s", (status, reason) => {
    expect(reasonForStatus(status)).toBe(reason);
  });
});

describe("classifyTransportError", () => {
  it("reads the code axios puts on the error", () => {
    expect(classifyTransportError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toEqual({
      reason: "unreachable",
      code: "ECONNREFUSED",
    });
    expect(
      classifyTransportError(Object.assign(new Error("timeout of 10000ms exceeded"), { code: "ECONNABORTED" })),
    ).toEqual({ reason: "timeout", code: "ECONNABORTED" });
  });

  it("reads the code fetch hides in cause, also inside an AggregateError", () => {
    expect(
      classifyTransportError(
        new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo"), { code: "ENOTFOUND" }) }),
      ),
    ).toEqual({ reason: "unreachable", code: "ENOTFOUND" });
    const perAddress = new AggregateError([
      Object.assign(new Error("::1"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("127.0.0.1"), { code: "ECONNREFUSED" }),
    ]);
    expect(classifyTransportError(new TypeError("fetch failed", { cause: perAddress }))).toEqual({
      reason: "unreachable",
      code: "ECONNREFUSED",
    });
  });

  it("treats AbortSignal.timeout's rejection as a timeout", () => {
    expect(
      classifyTransportError(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
    ).toEqual({ reason: "timeout", code: "TimeoutError" });
  });

  it("leaves errors that are not about the network alone", () => {
    expect(classifyTransportError(new Error("boom"))).toBeNull();
    expect(classifyTransportError(Object.assign(new Error("bad"), { code: "ERR_BAD_REQUEST" }))).toBeNull();
    expect(classifyTransportError("ECONNREFUSED")).toBeNull();
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-20T12:00:00Z");

  it("reads seconds, rounding up", () => {
    expect(parseRetryAfter("30", now)).toBe(30);
    expect(parseRetryAfter("1.2", now)).toBe(2);
  });

  it("reads an HTTP date relative to now", () => {
    expect(parseRetryAfter("Fri, 20 Nov 2026 12:01:00 GMT", now)).toBe(60);
    expect(parseRetryAfter("Fri, 20 Nov 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("ignores missing or unreadable values", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});

describe("isWebAddress", () => {
  it("accepts http(s) URLs only", () => {
    expect(isWebAddress("https://acme.atlassian.net")).toBe(true);
    expect(isWebAddress("http://127.0.0.1:4102/acme")).toBe(true);
    expect(isWebAddress("acme.atlassian.net")).toBe(false);
    expect(isWebAddress("ftp://acme.test")).toBe(false);
    expect(isWebAddress("")).toBe(false);
  });
});

describe("formatSeconds", () => {
  it("shows whole and fractional seconds", () => {
    expect(formatSeconds(10_000)).toBe("10 s");
    expect(formatSeconds(300)).toBe("0.3 s");
  });
});

describe("summarizeUpstreamText", () => {
  it("finding 4 (SSRF): keeps a service's words as one bounded line of plain text", () => {
    expect(summarizeUpstreamText("  Issue does\n not exist.  ")).toBe("Issue does not exist.");
    expect(summarizeUpstreamText("a".repeat(300))).toBe(`${"a".repeat(199)}…`);
    expect(summarizeUpstreamText("abc def", 5)).toBe("abc…");
    expect(summarizeUpstreamText("value must be < 5 and > 1")).toBe("value must be < 5 and > 1");
  });

  it("finding 4 (SSRF): gives nothing for markup, whatever it wraps", () => {
    for (const text of [
      "<!DOCTYPE html><html>…",
      "<h1>502 Bad Gateway</h1>",
      "ok <!-- secret -->",
      "<pre>Traceback</pre>",
      "\u0000\u202e  ",
    ])
      expect(summarizeUpstreamText(text)).toBeNull();
  });
});

describe("formatMegabytes", () => {
  it("shows whole and fractional megabytes", () => {
    expect(formatMegabytes(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatMegabytes(1.5 * 1024 * 1024)).toBe("1.5 MB");
  });
});
