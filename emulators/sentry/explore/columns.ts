import { BadRequest } from "../errors";
import { type FieldValue, type PlainField, type RowContext, selectableField } from "./fields";
import { type Aggregate, type AggregateContext, parseAggregate, roundAggregate } from "./functions";

/**
 * The columns a request names (`field` or `yAxis` + `groupBy`), split into
 * grouping keys and aggregates, grouping of rows by the keys, and ordering by
 * `sort` (a selected column, `-` for descending).
 */

export type Columns = { keys: PlainField[]; aggregates: Aggregate[]; names: string[] };
export type Group = { values: FieldValue[]; rows: number[] };

export function parseColumns(names: string[]): Columns {
  const keys: PlainField[] = [];
  const aggregates: Aggregate[] = [];
  for (const name of names) {
    const aggregate = parseAggregate(name);
    if (aggregate) aggregates.push(aggregate);
    else keys.push(selectableField(name));
  }
  return { keys, aggregates, names };
}

export function groupRows(ctx: RowContext, keys: PlainField[], rows: ArrayLike<number>): Group[] {
  const groups = new Map<string, Group>();
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    const values = keys.map((f) => f.read(ctx, row));
    const id = JSON.stringify(values);
    const group = groups.get(id);
    if (group) group.rows.push(row);
    else groups.set(id, { values, rows: [row] });
  }
  // Without grouping keys an aggregate query still answers one row, even over no spans.
  if (keys.length === 0 && groups.size === 0) return [{ values: [], rows: [] }];
  return [...groups.values()];
}

export function aggregateValues(ctx: AggregateContext, aggregates: Aggregate[], rows: ArrayLike<number>): number[] {
  return aggregates.map((a) => roundAggregate(a, a.compute(ctx, rows)));
}

export type SortOrder = { column: string; descending: boolean };

/** Parses `sort`; it must name one of `allowed` (Sentry rejects sorting by anything not selected). */
export function parseSort(raw: string | null, allowed: string[], fallback: SortOrder | null): SortOrder | null {
  if (raw === null || raw === "") return fallback;
  const descending = raw.startsWith("-");
  const column = descending ? raw.slice(1) : raw;
  if (column.startsWith("equation|")) throw new BadRequest("Cannot sort by an equation.");
  if (!allowed.includes(column))
    throw new BadRequest(`Cannot sort by a field that is not selected: ${JSON.stringify(column)}.`);
  return { column, descending };
}

export function compareValues(a: FieldValue | undefined, b: FieldValue | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

export function sortRecords(records: Record<string, FieldValue>[], order: SortOrder | null) {
  if (!order) return records;
  const sign = order.descending ? -1 : 1;
  return records
    .map((record, index) => ({ record, index }))
    .sort((x, y) => sign * compareValues(x.record[order.column], y.record[order.column]) || x.index - y.index)
    .map((x) => x.record);
}

/** `meta.fields` and `meta.units` for the named columns. */
export function columnMeta(columns: Columns) {
  const fields: Record<string, string> = {};
  const units: Record<string, string | null> = {};
  for (const key of columns.keys) {
    fields[key.name] = key.type;
    units[key.name] = key.unit ?? null;
  }
  for (const aggregate of columns.aggregates) {
    fields[aggregate.name] = aggregate.type;
    units[aggregate.name] = aggregate.unit;
  }
  return { fields, units };
}
