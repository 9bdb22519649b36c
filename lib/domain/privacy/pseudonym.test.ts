import { describe, expect, it } from "vitest";
import { erasedEmailFor, erasedWorkosUserIdFor, pseudonymFor } from "./pseudonym";

describe("pseudonymFor", () => {
  it("is stable for one user id and differs between user ids", () => {
    expect(pseudonymFor("clx1user")).toBe(pseudonymFor("clx1user"));
    expect(pseudonymFor("clx1user")).not.toBe(pseudonymFor("clx2user"));
  });

  it("reads as a former member with a short code, and does not contain the user id", () => {
    const pseudonym = pseudonymFor("clxabcdef0123456789");
    expect(pseudonym).toMatch(/^Former member [0-9a-f]{10}$/);
    expect(pseudonym).not.toContain("clxabcdef");
  });
});

describe("erased identity", () => {
  it("gives an erased user an e-mail address that can never deliver and is unique per user", () => {
    expect(erasedEmailFor("clx1")).toBe("erased+clx1@erased.invalid");
    expect(erasedEmailFor("clx1")).not.toBe(erasedEmailFor("clx2"));
  });

  it("gives an erased user a WorkOS id no WorkOS user has, so a returning person becomes a fresh record", () => {
    expect(erasedWorkosUserIdFor("clx1")).toBe("erased:clx1");
    expect(erasedWorkosUserIdFor("clx1")).not.toMatch(/^user_/);
  });
});
