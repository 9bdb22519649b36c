import { X509Certificate, createHash, generateKeyPairSync } from "node:crypto";
import { createLocalJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { DEMO_TOTP_SECRET } from "../seed/world";
import { createSigningKey, signJwt } from "./keys";
import { decodeBase32, totp, verifyTotp } from "./totp";

// RFC 6238 appendix B uses the ASCII seed "12345678901234567890" (base32 below) with 8 digits;
// a 6-digit code is the last six of those.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("totp", () => {
  it("matches the RFC 6238 SHA-1 test vectors", () => {
    expect(decodeBase32(RFC_SECRET).toString("ascii")).toBe("12345678901234567890");
    expect(totp(RFC_SECRET, 59_000)).toBe("287082");
    expect(totp(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totp(RFC_SECRET, 1_234_567_890_000)).toBe("005924");
    expect(totp(RFC_SECRET, new Date(2_000_000_000_000))).toBe("279037");
  });

  it("accepts one 30-second step of drift either way and nothing further", () => {
    const at = 1_800_000_015_000;
    expect(verifyTotp(DEMO_TOTP_SECRET, totp(DEMO_TOTP_SECRET, at), at)).toBe(true);
    expect(verifyTotp(DEMO_TOTP_SECRET, totp(DEMO_TOTP_SECRET, at - 30_000), at)).toBe(true);
    expect(verifyTotp(DEMO_TOTP_SECRET, totp(DEMO_TOTP_SECRET, at + 30_000), at)).toBe(true);
    expect(verifyTotp(DEMO_TOTP_SECRET, totp(DEMO_TOTP_SECRET, at + 90_000), at)).toBe(false);
    expect(verifyTotp(DEMO_TOTP_SECRET, "12345", at)).toBe(false);
  });
});

describe("signing key", () => {
  it("publishes a JWK whose x5c certificate holds the same key", () => {
    const key = createSigningKey();
    const der = Buffer.from(key.jwk.x5c[0]!, "base64");
    const certificate = new X509Certificate(der);
    expect(certificate.verify(key.publicKey)).toBe(true);
    expect(certificate.publicKey.export({ format: "jwk" })).toMatchObject({ n: key.jwk.n, e: key.jwk.e });
    expect(key.jwk["x5t#S256"]).toBe(createHash("sha256").update(der).digest("base64url"));
    expect(key.kid).toMatch(/^sso_oidc_key_pair_[0-9A-Z]{26}$/);
  });

  it("accepts a given PEM key and signs tokens jose verifies", async () => {
    const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    }) as string;
    const first = createSigningKey(pem);
    const second = createSigningKey(pem);
    expect(second.kid).toBe(first.kid);
    const token = signJwt(first, { sub: "user_1", exp: Math.floor(Date.now() / 1000) + 60 });
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet({ keys: [second.jwk] }));
    expect(payload.sub).toBe("user_1");
    expect(protectedHeader).toMatchObject({ alg: "RS256", kid: first.kid });
  });
});
