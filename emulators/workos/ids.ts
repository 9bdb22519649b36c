import { randomBytes } from "node:crypto";
import type { Random } from "../seed/random";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encodeTime(ms: number): string {
  let out = "";
  let value = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** A WorkOS-style id (`prefix_` + ULID) for objects created while the emulator runs. */
export function newId(prefix: string, now = Date.now()): string {
  const bytes = randomBytes(16);
  let tail = "";
  for (let i = 0; i < 16; i++) tail += CROCKFORD[(bytes[i] as number) % 32];
  return `${prefix}_${encodeTime(now)}${tail}`;
}

/**
 * The id right after `id` (same prefix, its ULID plus one), for a monotonic
 * sequence within one millisecond, as ULID's monotonic generators make.
 */
export function nextId(id: string): string {
  const cut = id.lastIndexOf("_") + 1;
  const digits = id.slice(cut).split("");
  for (let i = digits.length - 1; i >= 0; i--) {
    const value = CROCKFORD.indexOf(digits[i] as string);
    if (value < 31) {
      digits[i] = CROCKFORD[value + 1] as string;
      return id.slice(0, cut) + digits.join("");
    }
    digits[i] = "0";
  }
  throw new Error(`No id follows ${id}`);
}

/** The same shape from a seeded generator, so seed data is reproducible. */
export function seededId(prefix: string, time: Date, random: Random): string {
  let tail = "";
  for (let i = 0; i < 16; i++) tail += CROCKFORD[random.int(0, 31)];
  return `${prefix}_${encodeTime(time.getTime())}${tail}`;
}

/** An opaque secret (authorization codes, refresh tokens, invitation tokens). */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}
