/**
 * The first string in `value` (or object key) that PostgreSQL cannot store,
 * with its path and why, or null. Text and jsonb hold no NUL character, and
 * jsonb no unpaired UTF-16 surrogate (JSON.stringify writes it as an escape
 * PostgreSQL refuses): such input would fail the query, a 500, instead of
 * being refused as the wrong input it is.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describeText(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain NUL characters";
  if (UNPAIRED_SURROGATE.test(text)) return "must not contain broken Unicode (an unpaired surrogate)";
  return null;
}

export function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
  seen = new WeakSet<object>(),
): { path: string; message: string } | null {
  if (typeof value === "string") {
    const message = describeText(value);
    return message ? { path: path.join(".") || "input", message } : null;
  }
  if (typeof value !== "object" || value === null || seen.has(value)) return null;
  seen.add(value);
  const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  for (const [key, item] of entries) {
    const found = findUnstorableText(typeof key === "string" && describeText(key) ? key : item, [...path, key], seen);
    if (found) return found;
  }
  return null;
}

/**
 * False when JSON text cannot parse to anything findUnstorableText would
 * refuse: UTF-8 decoding never yields a lone surrogate, so such text needs a
 * raw NUL or a \u escape of NUL or of a surrogate. Lets a large body skip the
 * walk; a true answer (even for an escaped backslash) only means "walk it".
 */
export function mayHoldUnstorableText(jsonText: string): boolean {
  return /\u0000|\\u0000|\\u[dD][89a-fA-F]/.test(jsonText);
}
