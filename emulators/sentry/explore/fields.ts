import { hashString } from "../../seed/random";
import type { NumericColumn, SpanTable } from "../../seed/sentry-spans";
import { BadRequest } from "../errors";

/**
 * The fields of Explore's `spans` dataset the emulator knows: plain fields
 * (grouping keys and filters), numeric fields (what functions aggregate), and
 * the type and unit Sentry reports for each in `meta`.
 */

export type FieldValue = string | number | boolean | null;

/** What a plain field reads from a row; `projectSlugs` maps the table's project index to a slug. */
export type RowContext = { table: SpanTable; projectSlugs: string[] };
export type Accessor = (ctx: RowContext, row: number) => FieldValue;

export type PlainField = {
  name: string;
  type: "string" | "integer" | "boolean" | "date" | "duration" | "number";
  unit?: string | null;
  read: Accessor;
};
export type NumericField = { name: string; column: NumericColumn; type: "duration" | "number"; unit: string | null };

function spanId(row: number): string {
  const high = hashString(`span:${row}:a`).toString(16).padStart(8, "0");
  const low = hashString(`span:${row}:b`).toString(16).padStart(8, "0");
  return high + low;
}

const status: Accessor = ({ table }, i) => table.statuses[table.status[i] as number] as string;

const PLAIN: PlainField[] = [
  {
    name: "transaction",
    type: "string",
    read: ({ table }, i) => table.transactions[table.transaction[i] as number] as string,
  },
  { name: "release", type: "string", read: ({ table }, i) => table.releases[table.release[i] as number] as string },
  {
    name: "project",
    type: "string",
    read: ({ projectSlugs, table }, i) => projectSlugs[table.project[i] as number] as string,
  },
  { name: "project.id", type: "integer", read: ({ table }, i) => Number(table.projectIds[table.project[i] as number]) },
  { name: "environment", type: "string", read: () => "production" },
  { name: "span.op", type: "string", read: ({ table }, i) => table.ops[table.op[i] as number] as string },
  {
    name: "transaction.op",
    type: "string",
    // Interaction spans happen inside a page load, so their segment's op is `pageload`.
    read: ({ table }, i) => (table.isTransaction[i] ? (table.ops[table.op[i] as number] as string) : "pageload"),
  },
  { name: "trace.status", type: "string", read: status },
  { name: "span.status", type: "string", read: status },
  { name: "is_transaction", type: "boolean", read: ({ table }, i) => table.isTransaction[i] === 1 },
  { name: "id", type: "string", read: (_ctx, i) => spanId(i) },
  {
    name: "timestamp",
    type: "date",
    read: ({ table }, i) => new Date((table.timestampS[i] as number) * 1000).toISOString().replace(".000Z", "+00:00"),
  },
];

const NUMERIC: NumericField[] = [
  { name: "span.duration", column: "duration", type: "duration", unit: "millisecond" },
  { name: "span.self_time", column: "duration", type: "duration", unit: "millisecond" },
  { name: "measurements.lcp", column: "lcp", type: "duration", unit: "millisecond" },
  { name: "measurements.fcp", column: "fcp", type: "duration", unit: "millisecond" },
  { name: "measurements.ttfb", column: "ttfb", type: "duration", unit: "millisecond" },
  { name: "measurements.inp", column: "inp", type: "duration", unit: "millisecond" },
  { name: "measurements.cls", column: "cls", type: "number", unit: null },
];

const PLAIN_BY_NAME = new Map(PLAIN.map((f) => [f.name, f]));
const NUMERIC_BY_NAME = new Map(NUMERIC.map((f) => [f.name, f]));

export function plainField(name: string): PlainField | undefined {
  return PLAIN_BY_NAME.get(name);
}

export function numericField(name: string): NumericField | undefined {
  return NUMERIC_BY_NAME.get(name);
}

export function requireNumeric(name: string, fn: string): NumericField {
  const field = numericField(name);
  if (!field) throw new BadRequest(`${fn}: ${JSON.stringify(name)} is not a numeric field of the spans dataset.`);
  return field;
}

/** A plain field a request selects or groups by; numeric fields are read as plain values too. */
export function selectableField(name: string): PlainField {
  const plain = plainField(name);
  if (plain) return plain;
  const numeric = numericField(name);
  if (numeric)
    return {
      name,
      type: numeric.type,
      unit: numeric.unit,
      read: ({ table }, i) => {
        const v = table[numeric.column][i] as number;
        return Number.isNaN(v) ? null : v;
      },
    };
  if (/^tag\[/.test(name) || name.startsWith("equation|"))
    throw new BadRequest(`${JSON.stringify(name)} is not supported by this emulator (no tags or equations).`);
  throw new BadRequest(`Unknown field: ${JSON.stringify(name)} is not a field of the spans dataset.`);
}
