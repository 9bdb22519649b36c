import { describe, expect, it } from "vitest";
import { CredentialsError, needsResealing, openCredentials, sealCredentials, type Keyring } from "./credentials";

const key = (id: string, fill: number) => ({ keyId: id, key: Buffer.alloc(32, fill).toString("base64") });
const ring: Keyring = { current: key("k2", 2), previous: [key("k1", 1)] };

describe("credential sealing", () => {
  it("round-trips and never stores the plaintext", () => {
    const { sealed, keyId } = sealCredentials({ apiToken: "jira-secret-token" }, ring);
    expect(keyId).toBe("k2");
    expect(sealed).not.toContain("jira-secret-token");
    expect(sealed.startsWith("v1.k2.")).toBe(true);
    expect(openCredentials(sealed, ring)).toEqual({ apiToken: "jira-secret-token" });
  });

  it("uses a fresh IV each time", () => {
    expect(sealCredentials({ a: "b" }, ring).sealed).not.toBe(sealCredentials({ a: "b" }, ring).sealed);
  });

  it("opens values sealed with a previous key and says they need resealing", () => {
    const old = sealCredentials({ token: "t" }, { current: key("k1", 1), previous: [] });
    expect(openCredentials(old.sealed, ring)).toEqual({ token: "t" });
    expect(needsResealing(old.keyId, ring)).toBe(true);
    expect(needsResealing("k2", ring)).toBe(false);
  });

  it("rejects tampering, relabelled key ids and unknown keys", () => {
    const { sealed } = sealCredentials({ token: "t" }, ring);
    const parts = sealed.split(".");
    const flipped = [
      ...parts.slice(0, 4),
      Buffer.from(
        "x" +
          Buffer.from(parts[4] as string, "base64url")
            .toString("latin1")
            .slice(1),
        "latin1",
      ).toString("base64url"),
    ].join(".");
    expect(() => openCredentials(flipped, ring)).toThrow(CredentialsError);
    expect(() => openCredentials(sealed.replace(".k2.", ".k1."), ring)).toThrow(/wrong key or tampered/);
    expect(() => openCredentials(sealed.replace(".k2.", ".k9."), ring)).toThrow(/No encryption key with id "k9"/);
    expect(() => openCredentials("garbage", ring)).toThrow(/malformed/);
  });
});
