/**
 * Replacing a departed person's name and e-mail address with their pseudonym
 * in stored text (audit summaries, recorded write payloads, run logs). Only the
 * full name and the full address are matched, as whole words and ignoring case:
 * a first name alone ("Ken") would also hit other people and ordinary words.
 */
export type ErasureSubject = { identifiers: string[]; pseudonym: string };

/** Shorter names would match too much unrelated text to be replaced safely. */
const MIN_NAME_LENGTH = 3;

export function erasureSubject({
  name,
  email,
  pseudonym,
}: {
  name: string;
  email: string;
  pseudonym: string;
}): ErasureSubject {
  const candidates = [email.trim(), name.trim()].filter((identifier) => identifier.length >= MIN_NAME_LENGTH);
  const unique = [...new Map(candidates.map((identifier) => [identifier.toLowerCase(), identifier])).values()];
  // Longest first, so a name that is part of the address never splits it.
  return { identifiers: unique.sort((a, b) => b.length - a.length), pseudonym };
}

/** Lower-cased identifiers, for finding candidate rows in the database before rewriting them here. */
export function mentionNeedles(subject: ErasureSubject): string[] {
  return subject.identifiers.map((identifier) => identifier.toLowerCase());
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function matcher(subject: ErasureSubject): RegExp | null {
  if (subject.identifiers.length === 0) return null;
  const alternatives = subject.identifiers.map(escapeRegExp).join("|");
  // Not inside a longer word or address: no letter, digit or address character right before or after.
  return new RegExp(`(?<![\\p{L}\\p{N}_.+-])(?:${alternatives})(?![\\p{L}\\p{N}_@-])`, "giu");
}

export function pseudonymiseText(text: string, subject: ErasureSubject): { text: string; changed: boolean } {
  const pattern = matcher(subject);
  if (!pattern) return { text, changed: false };
  const replaced = text.replace(pattern, subject.pseudonym);
  if (replaced === text) return { text, changed: false };
  // "Barbara Liskov (barbara@acme.test)" would otherwise read "P (P)".
  return { text: replaced.split(`${subject.pseudonym} (${subject.pseudonym})`).join(subject.pseudonym), changed: true };
}

/** Rewrites every string and object key of a JSON value; returns a new value, the input stays as it was. */
export function pseudonymiseJson(value: unknown, subject: ErasureSubject): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") {
      const result = pseudonymiseText(node, subject);
      changed ||= result.changed;
      return result.text;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [walk(key) as string, walk(child)]));
    }
    return node;
  };
  const rewritten = walk(value);
  return changed ? { value: rewritten, changed } : { value, changed };
}
