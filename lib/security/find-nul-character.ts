/**
 * The path of the first string in `value` that holds a NUL character, or null.
 * PostgreSQL stores no NUL in text or jsonb, so such a value would fail the
 * query (a 500) instead of being refused as the wrong input it is.
 */
export function findNulCharacter(value: unknown, path: (string | number)[] = [], seen = new WeakSet<object>()): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "input" : null;
  if (typeof value !== "object" || value === null || seen.has(value)) return null;
  seen.add(value);
  const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  for (const [key, item] of entries) {
    const found = findNulCharacter(typeof key === "string" && key.includes("\u0000") ? key : item, [...path, key], seen);
    if (found) return found;
  }
  return null;
}
