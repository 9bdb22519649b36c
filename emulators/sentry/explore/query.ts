import { BadRequest } from "../errors";
import { type RowContext, numericField, plainField } from "./fields";

/**
 * The search syntax of Explore queries on spans, as far as the emulator
 * supports it: `key:value`, `!key:value`, `key:[a,b,""]` (`""` = no value),
 * quoted values, `*` wildcards, `has:key`/`!has:key`, and `key:>N` (`>=`,
 * `<`, `<=`) on numeric fields. Tokens are ANDed; `OR`, parentheses and free
 * text answer 400 rather than being misread.
 */

export type RowPredicate = (ctx: RowContext, row: number) => boolean;

const TOKEN = /(!?)([A-Za-z_][\w.]*):("(?:[^"\\]|\\.)*"|\[[^\]]*\]|\S*)|(\S+)/g;
const BOOLEAN: Record<string, boolean> = { true: true, "1": true, false: false, "0": false };

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1).replace(/\\(.)/g, "$1")
    : value;
}

function splitValues(raw: string): string[] {
  if (raw.startsWith("[") && raw.endsWith("]"))
    return raw
      .slice(1, -1)
      .split(",")
      .map((v) => unquote(v.trim()));
  return [unquote(raw)];
}

function textMatcher(value: string): (actual: string) => boolean {
  if (!value.includes("*")) return (actual) => actual === value;
  const pattern = new RegExp(
    `^${value
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return (actual) => pattern.test(actual);
}

function numericPredicate(key: string, raw: string): RowPredicate {
  const field = numericField(key) as NonNullable<ReturnType<typeof numericField>>;
  const m = /^(>=|<=|>|<)?(-?\d+(?:\.\d+)?)(ms|s)?$/.exec(raw);
  if (!m) throw new BadRequest(`Invalid number for ${key}: ${JSON.stringify(raw)}`);
  const op = m[1] ?? "=";
  const target = Number(m[2]) * (m[3] === "s" ? 1000 : 1);
  return ({ table }, row) => {
    const v = table[field.column][row] as number;
    if (Number.isNaN(v)) return false;
    if (op === ">") return v > target;
    if (op === ">=") return v >= target;
    if (op === "<") return v < target;
    if (op === "<=") return v <= target;
    return v === target;
  };
}

function hasPredicate(key: string): RowPredicate {
  const numeric = numericField(key);
  if (numeric) return ({ table }, row) => !Number.isNaN(table[numeric.column][row] as number);
  if (plainField(key)) return () => true;
  throw new BadRequest(`Invalid query: has:${key} names no field of the spans dataset.`);
}

function fieldPredicate(key: string, rawValue: string): RowPredicate {
  if (numericField(key)) {
    const predicates = splitValues(rawValue).map((v) => numericPredicate(key, v));
    return (ctx, row) => predicates.some((p) => p(ctx, row));
  }
  const field = plainField(key);
  if (!field) throw new BadRequest(`Invalid query: the key "${key}" is not a field of the spans dataset.`);
  const values = splitValues(rawValue);
  if (field.type === "boolean") {
    const wanted = values.map((v) => BOOLEAN[v.toLowerCase()]);
    if (wanted.some((w) => w === undefined))
      throw new BadRequest(`Invalid query: ${key} takes true or false, not ${JSON.stringify(rawValue)}.`);
    return (ctx, row) => wanted.includes(field.read(ctx, row) as boolean);
  }
  const matchers = values.map(textMatcher);
  return (ctx, row) => {
    const actual = field.read(ctx, row);
    const text = actual === null ? "" : String(actual);
    return matchers.some((match) => match(text));
  };
}

export function parseSpanQuery(query: string): RowPredicate {
  const predicates: RowPredicate[] = [];
  for (const m of query.matchAll(TOKEN)) {
    const [, bang, key, rawValue, word] = m;
    if (key === undefined) {
      if (word === "AND") continue;
      if (word === "OR" || word?.startsWith("(") || word?.endsWith(")"))
        throw new BadRequest("Invalid query: OR and parentheses are not supported by this emulator.");
      throw new BadRequest(`Invalid query: free text (${JSON.stringify(word)}) is not supported on spans.`);
    }
    const predicate = key === "has" ? hasPredicate(rawValue ?? "") : fieldPredicate(key, rawValue ?? "");
    predicates.push(bang ? (ctx, row) => !predicate(ctx, row) : predicate);
  }
  return (ctx, row) => {
    for (const p of predicates) if (!p(ctx, row)) return false;
    return true;
  };
}
