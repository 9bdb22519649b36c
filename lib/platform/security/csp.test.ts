import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce, originOf } from "./csp";

function directives(policy: string) {
  return Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
}

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only with the request's nonce in production", () => {
    const d = directives(buildContentSecurityPolicy({ nonce: "abc123", isDevelopment: false }));
    expect(d["script-src"]).toContain("'nonce-abc123'");
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["script-src"]).not.toContain("'unsafe-eval'");
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
  });

  it("adds eval and websockets only in development", () => {
    const d = directives(buildContentSecurityPolicy({ nonce: "n", isDevelopment: true }));
    expect(d["script-src"]).toContain("'unsafe-eval'");
    expect(d["connect-src"]).toContain("ws:");
  });

  it("lets the browser report to Sentry and submit to the sign-out origin", () => {
    const d = directives(
      buildContentSecurityPolicy({
        nonce: "n",
        isDevelopment: false,
        connectOrigins: ["https://o1.ingest.sentry.io"],
        formActionOrigins: ["https://api.workos.com"],
      }),
    );
    expect(d["connect-src"]).toEqual(["'self'", "https://o1.ingest.sentry.io"]);
    expect(d["form-action"]).toEqual(["'self'", "https://api.workos.com"]);
  });

  it("upgrades insecure requests when asked", () => {
    expect(buildContentSecurityPolicy({ nonce: "n", isDevelopment: false, upgradeInsecureRequests: true })).toMatch(
      /; upgrade-insecure-requests$/,
    );
  });
});

describe("createNonce", () => {
  it("makes a different 128-bit base64 value each time", () => {
    const a = createNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});

describe("originOf", () => {
  it("takes the origin of a DSN and ignores junk", () => {
    expect(originOf("http://key@127.0.0.1:4103/42")).toBe("http://127.0.0.1:4103");
    expect(originOf(undefined)).toBeNull();
    expect(originOf("nope")).toBeNull();
  });
});
