import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) as authenticator apps and
 * WorkOS compute it. Exported so tests and Bosun's e2e can type valid codes.
 */

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const STEP_SECONDS = 30;
const DIGITS = 6;

export function decodeBase32(secret: string): Buffer {
  const clean = secret.replace(/[\s=-]/g, "").toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value === -1) throw new Error(`Invalid base32 character '${char}'`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export function encodeBase32(bytes: Buffer): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >>> bits) & 0x1f];
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 0x1f];
  return out;
}

/** A new shared secret: 160 bits, the HMAC-SHA1 key size RFC 4226 recommends. */
export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(20));
}

/** The `otpauth://` URI authenticator apps scan (Key Uri Format, as WorkOS returns it). */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
}

function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac("sha1", key).update(message).digest();
  const offset = (digest[digest.length - 1] as number) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0");
}

/** The 6-digit code for a base32 secret at `time` (a Date or epoch milliseconds). */
export function totp(secret: string, time: Date | number = Date.now()): string {
  const ms = typeof time === "number" ? time : time.getTime();
  return hotp(decodeBase32(secret), Math.floor(ms / 1000 / STEP_SECONDS));
}

/** Accepts the code of the current step or one step either side (clock drift). */
export function verifyTotp(secret: string, code: string, time: Date | number = Date.now()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const ms = typeof time === "number" ? time : time.getTime();
  const key = decodeBase32(secret);
  const step = Math.floor(ms / 1000 / STEP_SECONDS);
  return [step - 1, step, step + 1].some((counter) =>
    timingSafeEqual(Buffer.from(hotp(key, counter)), Buffer.from(code)),
  );
}
