import { describe, expect, it } from "vitest";
import { REDACTED, scrubEvent, scrubValue } from "./scrub";

describe("scrubEvent", () => {
  it("removes e-mail addresses, credentials, cookies and authorization headers", () => {
    const event = scrubEvent({
      message: "Failed for ada@acme.test with Bearer eyJhbGciOi.abc.def",
      user: { id: "u_1", email: "ada@acme.test", ip_address: "10.0.0.1" },
      request: {
        url: "https://bosun.example.com/acme",
        cookies: { "wos-session": "Fe26.2*secret" },
        headers: { Authorization: "Basic YWRhOnRva2Vu", Cookie: "wos-session=Fe26.2*abc", "User-Agent": "Chrome" },
      },
      extra: {
        apiToken: "ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz",
        nested: { password: "hunter2", note: "key sk_test_bosun_demo leaked" },
      },
      breadcrumbs: [{ message: "GET /rest/api/3/myself as grace@acme.test" }],
    });

    const text = JSON.stringify(event);
    expect(text).not.toMatch(/acme\.test|eyJhbGciOi|YWRhOnRva2Vu|Fe26\.2|hunter2|ATATT|sk_test_bosun_demo|10\.0\.0\.1/);
    expect(event.user).toEqual({ id: "u_1" });
    expect(event.request).not.toHaveProperty("cookies");
    expect(event.request?.headers).toEqual({ Authorization: REDACTED, Cookie: REDACTED, "User-Agent": "Chrome" });
    expect(event.message).toBe(`Failed for ${REDACTED} with Bearer ${REDACTED}`);
  });

  it("keeps ordinary data intact", () => {
    const event = scrubEvent({
      message: "Sprint 42 over capacity by 3 points",
      tags: { org: "acme", role: "manager" },
    });
    expect(event).toEqual({ message: "Sprint 42 over capacity by 3 points", tags: { org: "acme", role: "manager" } });
  });

  it("drops a user without an id entirely", () => {
    expect(scrubEvent({ user: { email: "x@y.test" } }).user).toBeUndefined();
  });
});

describe("scrubValue", () => {
  it("redacts sensitive [name, value] header pairs", () => {
    expect(
      scrubValue([
        ["authorization", "Bearer x"],
        ["accept", "json"],
      ]),
    ).toEqual([
      ["authorization", REDACTED],
      ["accept", "json"],
    ]);
  });
});
