import {
  type KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from "node:crypto";
import { createSelfSignedCertificate } from "./x509";

/**
 * The RS256 key that signs access tokens, with its JWKS entry in the exact
 * shape of `GET /sso/jwks/{clientId}` (including `x5c` and `x5t#S256`).
 */
export type SigningKey = {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: { kty: "RSA"; alg: "RS256"; use: "sig"; kid: string; n: string; e: string; x5c: string[]; "x5t#S256": string };
};

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A key id like WorkOS's (`sso_oidc_key_pair_<26 chars>`), derived from the public key. */
function keyId(publicDer: Buffer): string {
  const digest = createHash("sha256").update(publicDer).digest();
  let out = "";
  for (let i = 0; i < 26; i++) out += CROCKFORD[(digest[i] as number) % 32];
  return `sso_oidc_key_pair_${out}`;
}

/** Uses the given PEM/KeyObject private key, or generates a fresh 2048-bit one. */
export function createSigningKey(privateKeyInput?: KeyObject | string, now = new Date()): SigningKey {
  const privateKey =
    privateKeyInput === undefined
      ? generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey
      : typeof privateKeyInput === "string"
        ? createPrivateKey(privateKeyInput)
        : privateKeyInput;
  if (privateKey.asymmetricKeyType !== "rsa") throw new Error("The access-token signing key must be an RSA key");
  const publicKey = createPublicKey(privateKey);
  const publicDer = publicKey.export({ type: "spki", format: "der" });
  const kid = keyId(publicDer);
  const certificate = createSelfSignedCertificate({
    publicKey,
    privateKey,
    commonName: "WorkOS Emulator",
    serial: createHash("sha256").update(publicDer).digest().subarray(0, 16),
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 5 * 365 * 86_400_000),
  });
  const { n, e } = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  return {
    kid,
    privateKey,
    publicKey,
    jwk: {
      kty: "RSA",
      alg: "RS256",
      use: "sig",
      kid,
      n,
      e,
      x5c: [certificate.toString("base64")],
      "x5t#S256": createHash("sha256").update(certificate).digest("base64url"),
    },
  };
}

/** Signs a compact RS256 JWT with the key's `kid` in the header. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT", kid: key.kid })).toString("base64url");
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), key.privateKey).toString("base64url");
  return `${header}.${payload}.${signature}`;
}

/** The claims of a compact RS256 JWT signed by this key (signature and `kid` checked, not `exp`), or null. */
export function verifyJwt(key: SigningKey, token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const head = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: unknown; kid?: unknown };
    if (head.alg !== "RS256" || head.kid !== key.kid) return null;
    if (!verify("sha256", Buffer.from(`${header}.${payload}`), key.publicKey, Buffer.from(signature, "base64url")))
      return null;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    return claims && typeof claims === "object" && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
