import { describe, expect, it } from "vitest";
import { API_KEY_PREFIX_LENGTH, bearerToken, generateApiKey, hashApiKey, looksLikeApiKey } from "./keys";
import { effectiveKeyRole, grantableRoles, usageIsStale } from "../../domain/api-keys/policy";

describe("generateApiKey", () => {
  it("makes a bsn_ key of 32 random bytes, its 12-character prefix and its SHA-256", () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^bsn_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.slice(4), "base64url")).toHaveLength(32);
    expect(prefix).toBe(key.slice(0, API_KEY_PREFIX_LENGTH));
    expect(prefix).toHaveLength(12);
    expect(hash).toBe(hashApiKey(key));
    expect(hash).not.toContain(key.slice(4));
  });

  it("never repeats itself", () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });
});

describe("hashApiKey", () => {
  it("is SHA-256 in hex", () => {
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashApiKey(generateApiKey().key)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("looksLikeApiKey", () => {
  it("accepts generated keys only", () => {
    expect(looksLikeApiKey(generateApiKey().key)).toBe(true);
    const valid = generateApiKey().key;
    for (const text of [
      "",
      "bsn_",
      valid.slice(0, -1),
      `${valid}x`,
      valid.replace("bsn_", "bsk_"),
      ` ${valid}`,
      `${valid.slice(0, -1)}=`,
      `${valid.slice(0, -1)}+`,
      "Bearer " + valid,
    ]) {
      expect(looksLikeApiKey(text), text).toBe(false);
    }
  });
});

describe("bearerToken", () => {
  it("takes the token out of a header value, in any case, or the bare token", () => {
    expect(bearerToken("Bearer bsn_abc")).toBe("bsn_abc");
    expect(bearerToken("bearer   bsn_abc  ")).toBe("bsn_abc");
    expect(bearerToken("bsn_abc")).toBe("bsn_abc");
  });

  it("is null when there is nothing", () => {
    for (const value of [null, undefined, "", "   ", "Bearer", "Bearer   "])
      expect(bearerToken(value), String(value)).toBeNull();
  });
});

describe("key roles", () => {
  it("grants only the creator's role and below", () => {
    expect(grantableRoles("admin")).toEqual(["admin", "manager", "member"]);
    expect(grantableRoles("manager")).toEqual(["manager", "member"]);
    expect(grantableRoles("member")).toEqual(["member"]);
  });

  it("acts with the lower of the key's and the creator's role, and not at all without a creator", () => {
    expect(effectiveKeyRole("manager", "admin")).toBe("manager");
    expect(effectiveKeyRole("admin", "admin")).toBe("admin");
    expect(effectiveKeyRole("admin", "manager")).toBe("manager");
    expect(effectiveKeyRole("manager", "member")).toBe("member");
    expect(effectiveKeyRole("member", null)).toBeNull();
  });
});

describe("usageIsStale", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it("is stale when never used or used a minute or more ago", () => {
    expect(usageIsStale(null, now)).toBe(true);
    expect(usageIsStale(new Date("2026-03-01T11:59:00Z"), now)).toBe(true);
    expect(usageIsStale(new Date("2026-03-01T11:59:00.001Z"), now)).toBe(false);
    expect(usageIsStale(now, now)).toBe(false);
  });
});
