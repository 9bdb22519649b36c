import { describe, expect, it } from "vitest";
import { scrubDeep, scrubPersonalData } from "./scrub";

describe("scrubPersonalData", () => {
  it.each([
    ["grace@acme.test", "[email]"],
    ["Contact: Grace.Hopper+ops@mail.example.co.uk.", "Contact: [email]."],
    ["user <ada_l@sub.example.org> said", "user <[email]> said"],
    ["/api/users?email=ada%40example.com&page=2", "/api/users?email=[email]&page=2"],
  ])("removes e-mail addresses: %s", (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    ["client 203.0.113.42 connected", "client [ip] connected"],
    ["from 10.0.0.1:8080", "from [ip]:8080"],
    ["255.255.255.255", "[ip]"],
    ["x-forwarded-for: 198.51.100.7, 192.0.2.1", "x-forwarded-for: [ip], [ip]"],
  ])("removes IPv4 addresses: %s", (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it("keeps version numbers and times that only look like addresses", () => {
    expect(scrubPersonalData("release 2.15.0 at 12:30:45, node v20.20.2")).toBe(
      "release 2.15.0 at 12:30:45, node v20.20.2",
    );
    expect(scrubPersonalData("not an address: 1.2.3.4.5 or 256.1.1.1")).toBe("not an address: 1.2.3.4.5 or 256.1.1.1");
  });

  it.each([
    ["ip 2001:db8:85a3::8a2e:370:7334 seen", "ip [ip] seen"],
    ["2001:0db8:0000:0000:0000:ff00:0042:8329", "[ip]"],
    ["loopback ::1 and fe80::1%eth0", "loopback [ip] and [ip]"],
    ["mapped ::ffff:192.0.2.128", "mapped [ip]"],
  ])("removes IPv6 addresses: %s", (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    ["Authorization: Bearer abc.def-ghi_123456", "Authorization: [redacted]"],
    ["authorization=Basic dXNlcjpwYXNz", "authorization=[redacted]"],
    ["the header was bearer sk9f8a7s6d5f4", "the header was bearer [redacted]"],
    ['{"Authorization": "Token 0123456789abcdef"}', '{"Authorization": "[redacted]"}'],
  ])("removes Authorization headers and bearer tokens: %s", (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    ["GET /callback?token=abc123&state=ok", "GET /callback?token=[redacted]&state=ok"],
    ["https://x.test/?api_key=k-123&q=1", "https://x.test/?api_key=[redacted]&q=1"],
    ["apiKey: 9f8e7d6c", "apiKey: [redacted]"],
    ["access_token=ya29.a0Af; refresh_token=1//0g", "access_token=[redacted]; refresh_token=[redacted]"],
    ['{"password":"hunter2","user":"x"}', '{"password":"[redacted]","user":"x"}'],
    ["sessionid=s%3Aabc; csrftoken=zz", "sessionid=[redacted]; csrftoken=[redacted]"],
    ["X-Api-Key: live_abcdef", "X-Api-Key: [redacted]"],
  ])("removes tokens, keys and passwords in pairs: %s", (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    ["Cookie: session=abc; theme=dark", "Cookie: [redacted]"],
    ["Set-Cookie: sid=123; HttpOnly; Path=/", "Set-Cookie: [redacted]"],
    ["cookie=foo=bar", "cookie=[redacted]"],
  ])("removes cookies: %s", (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it("removes well-known token shapes without a key", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    expect(scrubPersonalData(`jwt ${jwt} end`)).toBe("jwt [redacted] end");
    expect(scrubPersonalData("ghp_abcdefghijklmnopqrstuvwxyz0123")).toBe("[redacted]");
    expect(scrubPersonalData("AKIAIOSFODNN7EXAMPLE")).toBe("[redacted]");
  });

  it("removes credentials in URLs", () => {
    expect(scrubPersonalData("postgres://bosun:s3cret@db.internal:5432/app")).toBe(
      "postgres://[redacted]@db.internal:5432/app",
    );
  });

  it("keeps ordinary text, paths and words that merely contain a keyword", () => {
    const text =
      "TypeError: Cannot read properties of undefined (reading 'token') at src/checkout/cart.ts:42 in addItem; author: Grace Hopper; design: ok";
    expect(scrubPersonalData(text)).toBe(text);
    expect(scrubPersonalData("")).toBe("");
  });

  it("is idempotent", () => {
    const once = scrubPersonalData("a@b.co token=x 1.2.3.4 Cookie: a=b");
    expect(scrubPersonalData(once)).toBe(once);
    expect(once).toBe("[email] token=[redacted] [ip] Cookie: [redacted]");
  });
});

describe("scrubDeep", () => {
  it("scrubs every string of a nested value and keeps keys, numbers and nulls", () => {
    expect(scrubDeep({ user: { email: "a@b.co", ip: "192.0.2.1" }, list: ["ok", "x@y.io"], n: 3, none: null })).toEqual(
      { user: { email: "[email]", ip: "[ip]" }, list: ["ok", "[email]"], n: 3, none: null },
    );
  });
});
