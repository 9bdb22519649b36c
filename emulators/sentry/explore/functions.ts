import type { SpanTable } from "../../seed/sentry-spans";
import { BadRequest } from "../errors";
import { type PlainField, type RowContext, plainField, requireNumeric } from "./fields";

/**
 * Aggregate functions over a set of rows. Every stored span carries a weight
 * (the real spans it stands for): counts and sums are extrapolated by it,
 * averages and rates are weighted means, and percentiles are weighted
 * nearest-rank (the smallest value whose cumulative weight reaches q × total).
 * With `extrapolate: false` every row weighs 1, Sentry's
 * `disableAggregateExtrapolation=1`.
 */

export type AggregateContext = RowContext & { extrapolate: boolean; periodSeconds: number };
export type Aggregate = {
  name: string;
  type: "integer" | "duration" | "number" | "percentage" | "rate";
  unit: string | null;
  compute: (ctx: AggregateContext, rows: ArrayLike<number>) => number;
};

const PERCENTILES: Record<string, number> = { p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99, p100: 1 };
const COMPARATORS: Record<string, (a: number, b: number) => boolean> = {
  equals: (a, b) => a === b,
  notEquals: (a, b) => a !== b,
  less: (a, b) => a < b,
  lessOrEquals: (a, b) => a <= b,
  greater: (a, b) => a > b,
  greaterOrEquals: (a, b) => a >= b,
};
const FAILURE_FREE = new Set(["ok", "cancelled", "unknown"]);

function weightOf(ctx: AggregateContext, row: number): number {
  return ctx.extrapolate ? (ctx.table.weight[row] as number) : 1;
}

function weightedCount(ctx: AggregateContext, rows: ArrayLike<number>, keep: (row: number) => boolean): number {
  let total = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    if (keep(row)) total += weightOf(ctx, row);
  }
  return total;
}

function weightedPercentile(ctx: AggregateContext, rows: ArrayLike<number>, column: Float32Array, q: number): number {
  const present: number[] = [];
  let total = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    if (Number.isNaN(column[row])) continue;
    present.push(row);
    total += weightOf(ctx, row);
  }
  if (present.length === 0) return 0;
  present.sort((a, b) => (column[a] as number) - (column[b] as number));
  const target = q * total;
  let running = 0;
  for (const row of present) {
    running += weightOf(ctx, row);
    if (running >= target) return column[row] as number;
  }
  return column[present[present.length - 1] as number] as number;
}

function numericAggregate(fn: string, column: Float32Array, ctx: AggregateContext, rows: ArrayLike<number>): number {
  let weight = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    const v = column[row] as number;
    if (Number.isNaN(v)) continue;
    const w = weightOf(ctx, row);
    weight += w;
    sum += v * w;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (weight === 0) return 0;
  if (fn === "sum") return sum;
  if (fn === "avg") return sum / weight;
  if (fn === "min") return min;
  if (fn === "max") return max;
  return weight;
}

function splitArgs(raw: string): string[] {
  return raw.trim() === "" ? [] : raw.split(",").map((a) => a.trim());
}

function expectArgs(fn: string, args: string[], count: number) {
  if (args.length !== count)
    throw new BadRequest(`${fn}: expected ${count} argument${count === 1 ? "" : "s"}, got ${args.length}.`);
}

function countIf(name: string, args: string[]): Aggregate {
  expectArgs("count_if", args, 3);
  const [fieldName, op, raw] = args as [string, string, string];
  const compare = COMPARATORS[op];
  if (!compare)
    throw new BadRequest(`count_if: ${JSON.stringify(op)} is not one of ${Object.keys(COMPARATORS).join(", ")}.`);
  const plain = plainField(fieldName);
  if (plain) {
    if (op !== "equals" && op !== "notEquals")
      throw new BadRequest(`count_if: ${JSON.stringify(fieldName)} is a string field; use equals or notEquals.`);
    const read = plain.read;
    return {
      name,
      type: "integer",
      unit: null,
      compute: (ctx, rows) => weightedCount(ctx, rows, (row) => (String(read(ctx, row)) === raw) === (op === "equals")),
    };
  }
  const column = requireNumeric(fieldName, "count_if").column;
  const threshold = Number(raw);
  if (!Number.isFinite(threshold)) throw new BadRequest(`count_if: ${JSON.stringify(raw)} is not a number.`);
  return {
    name,
    type: "integer",
    unit: null,
    compute: (ctx, rows) =>
      weightedCount(ctx, rows, (row) => {
        const v = ctx.table[column][row] as number;
        return !Number.isNaN(v) && compare(v, threshold);
      }),
  };
}

function countUnique(name: string, field: PlainField | undefined, arg: string): Aggregate {
  if (!field) throw new BadRequest(`count_unique: ${JSON.stringify(arg)} is not a field of the spans dataset.`);
  return {
    name,
    type: "integer",
    unit: null,
    compute: (ctx, rows) => {
      const seen = new Set<unknown>();
      for (let k = 0; k < rows.length; k++) seen.add(field.read(ctx, rows[k] as number));
      return seen.size;
    },
  };
}

const failed = (table: SpanTable, row: number) =>
  !FAILURE_FREE.has(table.statuses[table.status[row] as number] as string);

/** Parses `fn(args)`; returns null for a plain field. Unknown functions and bad arguments throw a 400. */
export function parseAggregate(name: string): Aggregate | null {
  const m = /^([a-z_0-9]+)\((.*)\)$/.exec(name);
  if (!m) return null;
  const fn = m[1] as string;
  const args = splitArgs(m[2] as string);
  if (fn in PERCENTILES || fn === "percentile") {
    const q = fn === "percentile" ? Number(args[1]) : (PERCENTILES[fn] as number);
    expectArgs(fn, args, fn === "percentile" ? 2 : 1);
    if (!(q >= 0 && q <= 1)) throw new BadRequest(`percentile: ${JSON.stringify(args[1])} is not between 0 and 1.`);
    const field = requireNumeric(args[0] as string, fn);
    return {
      name,
      type: field.type,
      unit: field.unit,
      compute: (ctx, rows) => weightedPercentile(ctx, rows, ctx.table[field.column], q),
    };
  }
  switch (fn) {
    case "count": {
      if (args.length === 0)
        return { name, type: "integer", unit: null, compute: (ctx, rows) => weightedCount(ctx, rows, () => true) };
      expectArgs(fn, args, 1);
      const column = requireNumeric(args[0] as string, fn).column;
      return { name, type: "integer", unit: null, compute: (c, r) => numericAggregate("count", c.table[column], c, r) };
    }
    case "avg":
    case "sum":
    case "min":
    case "max": {
      expectArgs(fn, args, 1);
      const field = requireNumeric(args[0] as string, fn);
      return {
        name,
        type: field.type,
        unit: field.unit,
        compute: (ctx, rows) => numericAggregate(fn, ctx.table[field.column], ctx, rows),
      };
    }
    case "count_unique":
      expectArgs(fn, args, 1);
      return countUnique(name, plainField(args[0] as string), args[0] as string);
    case "count_if":
      return countIf(name, args);
    case "failure_rate":
    case "failure_count": {
      expectArgs(fn, args, 0);
      const rate = fn === "failure_rate";
      return {
        name,
        type: rate ? "percentage" : "integer",
        unit: null,
        compute: (ctx, rows) => {
          const failures = weightedCount(ctx, rows, (row) => failed(ctx.table, row));
          if (!rate) return failures;
          const all = weightedCount(ctx, rows, () => true);
          return all === 0 ? 0 : failures / all;
        },
      };
    }
    case "epm":
    case "eps": {
      expectArgs(fn, args, 0);
      const per = fn === "epm" ? 60 : 1;
      return {
        name,
        type: "rate",
        unit: fn === "epm" ? "1/minute" : "1/second",
        compute: (ctx, rows) => weightedCount(ctx, rows, () => true) / (ctx.periodSeconds / per),
      };
    }
    default:
      throw new BadRequest(`Unknown function: ${JSON.stringify(name)} is not supported on the spans dataset.`);
  }
}

/** Rounds what a function returns the way the emulator documents: counts whole, CLS to 4 places, rates to 4, the rest to 2. */
export function roundAggregate(aggregate: Aggregate, value: number): number {
  if (aggregate.type === "integer") return Math.round(value);
  const places = aggregate.type === "percentage" || aggregate.name.includes("measurements.cls") ? 4 : 2;
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
