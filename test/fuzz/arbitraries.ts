import fc from "fast-check";

/**
 * Hostile values for the fuzz suite: what a browser, a script or an attacker
 * can put in a server action's payload, a query string or a webhook body.
 * React's action payloads carry more than JSON (undefined, NaN, Infinity,
 * -0, BigInt, Date, Map, Set), so those are here too.
 */

/** Keys that poison an object's prototype when code merges input into an object. */
export const POLLUTION_KEYS = ["__proto__", "constructor", "prototype"] as const;
/** What a polluted prototype would carry; `({}).fuzzPolluted` must stay undefined. */
export const POLLUTION_MARK = "fuzzPolluted";

/** An object with an own `__proto__` (or `constructor`) property, as JSON.parse builds one. */
export const pollutedObject = fc
  .constantFrom(...POLLUTION_KEYS)
  .map(
    (key) =>
      JSON.parse(
        `{"${key}": {"${POLLUTION_MARK}": true, "isAdmin": true, "role": "admin", "ok": true, "prototype": {"${POLLUTION_MARK}": true}}}`,
      ) as Record<string, unknown>,
  );

const HUGE = 200_000;

/** One of the values the factories make, made anew for every input (code under test may mutate it). */
function fresh(...factories: (() => unknown)[]): fc.Arbitrary<unknown> {
  return fc.nat({ max: factories.length - 1 }).map((i) => factories[i]!());
}
const specialStrings = fc.constantFrom(
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil",
  "\uFEFF",
  "🦀👩‍👩‍👧‍👦",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "0x1F",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "' OR 1=1 --",
  "%_\\",
  "../../../etc/passwd",
  "<script>alert(1)</script>",
  "${process.exit()}",
  "javascript:alert(1)",
  "http://169.254.169.254/latest/meta-data/",
  "acme",
  "globex",
  "2026-02-30",
  "0000-00-00",
  "9999-99-99",
  "2026-13-01",
  "00000000-0000-0000-0000-000000000000",
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: specialStrings, weight: 4 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }), weight: 1 },
  { arbitrary: fc.constantFrom("a", "é", "𝕏", "\u0000", "9").map((c) => c.repeat(HUGE)), weight: 1 },
  { arbitrary: fc.nat({ max: 600 }).map((n) => "x".repeat(n)), weight: 1 },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    0.5,
    -0.5,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 32,
    1e21,
    101,
    1e6,
  ),
  fc.integer(),
  fc.double(),
);

/** Any value at all, including the non-JSON ones React's action payloads can carry. */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withUnicodeString: true,
});

const deeplyNested = fc.nat({ max: 2_000 }).map((depth) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
});

/** A value of any type that is hostile in itself: boundaries, huge sizes, odd prototypes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, undefined, true, false, 10n ** 30n, -1n), weight: 2 },
  {
    arbitrary: fresh(
      () => [],
      () => ({}),
      () => [null],
      () => [""],
      () => new Map([["a", 1]]),
      () => new Set([1]),
      () => new Date(Number.NaN),
      () => new Date(8.64e15),
    ),
    weight: 2,
  },
  { arbitrary: fc.array(hostileString, { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.nat({ max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => String(i))), weight: 1 },
  { arbitrary: pollutedObject, weight: 1 },
  { arbitrary: deeplyNested, weight: 1 },
  { arbitrary: anyValue, weight: 2 },
);

/** The kind of a field as its schema declares it; decides which values are of the wrong type. */
export type FieldKind = "string" | "number" | "boolean" | "array" | "object" | "unknown";

const WRONG_TYPE: Record<Exclude<FieldKind, "unknown">, fc.Arbitrary<unknown>> = {
  string: fc.oneof(
    hostileNumber.filter((n) => !Number.isNaN(n)),
    fc.boolean(),
    fresh(
      () => [],
      () => ({}),
      () => ["a"],
    ),
    fc.constant(10n),
  ),
  number: fc.oneof(
    fc.constantFrom("1", "", "NaN", "1e3", true, false, 1n, NaN),
    fresh(
      () => [],
      () => ({}),
      () => [1],
    ),
  ),
  boolean: fc.oneof(
    fc.constantFrom("true", "false", 1, 0, "", "on"),
    fresh(
      () => [],
      () => ({}),
    ),
  ),
  array: fc.oneof(
    fc.constantFrom("a", 1, true),
    fresh(
      () => ({}),
      () => ({ 0: "a", length: 1 }),
    ),
  ),
  object: fc.oneof(
    fc.constantFrom("a", 1, true),
    fresh(
      () => [],
      () => ["a"],
    ),
  ),
};

/** A value the field's schema must refuse whatever its other rules are (null only where null is not allowed). */
export function wrongTypeFor(
  kind: Exclude<FieldKind, "unknown">,
  { nullable = false }: { nullable?: boolean } = {},
): fc.Arbitrary<unknown> {
  return nullable ? WRONG_TYPE[kind] : fc.oneof(WRONG_TYPE[kind], fc.constant(null));
}

/** Bodies that are not JSON, or barely: truncated, doubled, with comments, BOMs, or lone surrogates. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "}",
    "[",
    '{"a":',
    "{'a': 1}",
    '{"a": 1,}',
    "// c\n{}",
    "\uFEFF{}",
    "NaN",
    "undefined",
    '{"a": 1}{"b": 2}',
    "\u0000",
    '{"a": "\\ud800"}',
    '{"a": "\\u0000"}',
    "[".repeat(100_000),
    "1".repeat(400),
    "-",
    "tru",
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.json().map((text) => text.slice(0, Math.max(0, text.length - 1))),
);

/** A random JSON document (any shape), with room for prototype-pollution keys. */
export const randomJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 4 },
  { arbitrary: pollutedObject, weight: 1 },
);

/** Extra fields a schema does not declare; they must be ignored or refused, never obeyed. */
export const extraFields: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.dictionary(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("orgId", "id", "role", "userId", "isAdmin", "createdById", "status"),
    ),
    hostileValue,
    { maxKeys: 3 },
  ),
  pollutedObject,
);

export type FieldSpec = { kind: FieldKind; valid: fc.Arbitrary<unknown>; nullable?: boolean };

/**
 * Inputs that start valid and go wrong field by field: each field stays valid,
 * becomes hostile, or disappears, `mutations` fields at most (or any number);
 * extra (and prototype-polluting) fields may be added; the org slug is kept
 * mostly, so most inputs get past the org check and reach validation and the
 * code behind it.
 */
export function mutatedInput(
  fields: Record<string, FieldSpec>,
  orgSlug: fc.Arbitrary<unknown>,
  { mutations = Infinity, extraOneIn = 3 }: { mutations?: number; extraOneIn?: number } = {},
): fc.Arbitrary<unknown> {
  const entries = Object.entries(fields);
  const change = fc.oneof(
    { arbitrary: hostileValue.map((value) => ({ value })), weight: 3 },
    { arbitrary: fc.constant(null), weight: 1 },
  );
  const changes = fc.array(fc.tuple(fc.nat({ max: Math.max(entries.length - 1, 0) }), change), {
    maxLength: Math.min(mutations, entries.length),
  });
  return fc
    .tuple(
      fc.tuple(...entries.map(([, spec]) => spec.valid)),
      changes,
      fc.oneof({ arbitrary: fc.constant(null), weight: extraOneIn - 1 }, { arbitrary: extraFields, weight: 1 }),
      orgSlug,
    )
    .map(([values, changed, added, slug]) => {
      const input: Record<string, unknown> = {};
      if (added) copyOwn(added, input);
      entries.forEach(([name], i) => {
        input[name] = values[i];
      });
      for (const [index, replacement] of changed) {
        const name = entries[index]?.[0];
        if (name === undefined) continue;
        if (replacement) input[name] = replacement.value;
        else delete input[name];
      }
      input.orgSlug = slug;
      return input;
    });
}

/** Copies own keys, `__proto__` included, as plain own properties (no prototype change). */
export function copyOwn(from: Record<string, unknown>, to: Record<string, unknown>) {
  for (const key of Object.keys(from))
    Object.defineProperty(to, key, { value: from[key], enumerable: true, writable: true, configurable: true });
}

/** Org slugs: mostly the org under test, sometimes another org, a missing one, or garbage. */
export function orgSlugFor(slug: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constant(slug), weight: 12 },
    { arbitrary: fc.constantFrom("globex", "nope", "ACME", "acme/../globex", "-acme"), weight: 1 },
    { arbitrary: hostileValue, weight: 1 },
  );
}

/**
 * Any input at all: valid ones (which reach the code behind validation), ones
 * with one field gone wrong, ones with several, random JSON objects with the
 * right org, and values that are not objects at all.
 */
export function actionInput(fields: Record<string, FieldSpec>, slug: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: mutatedInput(fields, fc.constant(slug), { mutations: 0, extraOneIn: 4 }), weight: 8 },
    { arbitrary: mutatedInput(fields, orgSlugFor(slug), { mutations: 1 }), weight: 6 },
    { arbitrary: mutatedInput(fields, orgSlugFor(slug)), weight: 3 },
    {
      arbitrary: fc
        .dictionary(fc.string({ maxLength: 10 }), randomJson, { maxKeys: 5 })
        .map((object) => ({ ...object, orgSlug: slug })),
      weight: 1,
    },
    { arbitrary: fc.oneof(hostileValue, randomJson), weight: 2 },
  );
}

/** Every path to a value inside a plain object or array (the root excluded). */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push([...prefix, i]), pathsOf(item, [...prefix, i], out)));
  else if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      pathsOf(item, [...prefix, key], out);
    }
  }
  return out;
}

/**
 * A valid nested value (a config, a list of stories) with one value somewhere
 * inside replaced by a hostile one or removed, so validation of nested fields
 * and the code behind it both get exercised.
 */
export function deeplyMutated<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), fc.option(hostileValue, { freq: 5 })).map(([value, pick, replacement]) => {
    const copy = structuredClone(value) as unknown;
    const paths = pathsOf(copy);
    const chosen = paths[pick % Math.max(paths.length, 1)];
    if (!chosen) return copy;
    const parent = chosen
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<
      string | number,
      unknown
    >;
    const last = chosen[chosen.length - 1]!;
    if (replacement === null && !Array.isArray(parent)) delete parent[last];
    else parent[last] = replacement;
    return copy;
  });
}

/** JSON text of a generated value; BigInts (which JSON cannot hold) become strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)) ?? "null";
}
