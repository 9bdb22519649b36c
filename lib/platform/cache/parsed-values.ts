/**
 * The parsed values of cache entries this process read recently, each with the
 * `fetchedAt` it belongs to. A warm page load tells PostgreSQL which version it
 * holds and gets the value back only if the entry has changed since — instead
 * of moving and parsing hundreds of kilobytes of JSON per load. The database
 * stays the truth: another replica's refresh changes `fetchedAt`, and the next
 * read fetches the new value. Values are deep-frozen, as every request shares them.
 */
const MAX_ENTRIES = 256;

const values = new Map<string, { fetchedAt: number; value: unknown }>();

const memoKey = (orgId: string, key: string) => `${orgId}\u0000${key}`;

/** The value this process holds for the entry, and which version it is. */
export function recallValue(orgId: string, key: string): { fetchedAt: Date; value: unknown } | null {
  const id = memoKey(orgId, key);
  const entry = values.get(id);
  if (!entry) return null;
  // Most recently used last, so the oldest is the first to go.
  values.delete(id);
  values.set(id, entry);
  return { fetchedAt: new Date(entry.fetchedAt), value: entry.value };
}

export function rememberValue<T>(orgId: string, key: string, fetchedAt: Date, value: T): T {
  const frozen = deepFreeze(value);
  const id = memoKey(orgId, key);
  values.delete(id);
  values.set(id, { fetchedAt: fetchedAt.getTime(), value: frozen });
  while (values.size > MAX_ENTRIES) values.delete(values.keys().next().value!);
  return frozen;
}

export function forgetValues() {
  values.clear();
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
