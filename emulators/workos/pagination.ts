import type { Table } from "./table";

/**
 * WorkOS list pagination: `limit` 1–100 (default 10), `order` desc (default),
 * asc or normal, and object-id cursors in `before`/`after`. `normal` lists
 * newest first but with reversed cursors (`after` fetches newer objects).
 */
export type ListParams = {
  limit: number;
  order: "asc" | "desc" | "normal";
  before: string | null;
  after: string | null;
};

export type ListPage<T> = { data: T[]; before: string | null; after: string | null };

export class ListParamsError extends Error {}

export function parseListParams(query: URLSearchParams): ListParams {
  const rawLimit = query.get("limit");
  const limit = rawLimit === null || rawLimit === "" ? 10 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new ListParamsError("limit must be an integer between 1 and 100");
  const order = query.get("order") || "desc";
  if (order !== "asc" && order !== "desc" && order !== "normal")
    throw new ListParamsError("order must be one of asc, desc, normal");
  const before = query.get("before") || null;
  const after = query.get("after") || null;
  if (before && after) throw new ListParamsError("Only one of before and after may be given");
  return { limit, order, before, after };
}

/** Pages `rows` (a filtered subset of `table`, oldest first). */
export function paginate<T extends { id: string }>(
  table: Table<T>,
  rows: readonly T[],
  params: ListParams,
): ListPage<T> {
  const cursorId = params.before ?? params.after;
  let cursorSeq: number | undefined;
  if (cursorId) {
    cursorSeq = table.seqOf(cursorId);
    if (cursorSeq === undefined)
      throw new ListParamsError(`Cursor '${cursorId}' does not identify an object in this list`);
  }
  const newestFirst = params.order !== "asc";
  const count = rows.length;
  // The list in the requested order, read by position without copying it.
  const at = (i: number) => rows[newestFirst ? count - 1 - i : i] as T;
  // Whether the cursor asks for the objects listed after it (true) or before it.
  const forward = params.order === "normal" ? Boolean(params.before) : Boolean(params.after) || !cursorId;
  const seq = (row: T) => table.seqOf(row.id) as number;
  const isAfterCursor = (row: T) => (newestFirst ? seq(row) < (cursorSeq as number) : seq(row) > (cursorSeq as number));

  let start: number;
  let end: number;
  if (!cursorId) {
    start = 0;
    end = Math.min(params.limit, count);
  } else {
    const firstAfter = firstIndex(count, (i) => isAfterCursor(at(i)));
    if (forward) {
      start = firstAfter;
      end = Math.min(start + params.limit, count);
    } else {
      end = firstAfter;
      // The cursor object itself sits just before firstAfter; exclude it.
      if (end > 0 && at(end - 1).id === cursorId) end -= 1;
      start = Math.max(0, end - params.limit);
    }
  }
  const data: T[] = [];
  for (let i = start; i < end; i++) data.push(at(i));
  const hasEarlier = start > 0;
  const hasLater = end < count;
  const first = data[0]?.id ?? null;
  const last = data[data.length - 1]?.id ?? null;
  if (params.order === "normal") return { data, before: hasLater ? last : null, after: hasEarlier ? first : null };
  return { data, before: hasEarlier ? first : null, after: hasLater ? last : null };
}

/** Index of the first position where a predicate (false, then true along the list) holds. */
function firstIndex(count: number, predicate: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (predicate(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
