import type { Table } from "./table";

/**
 * WorkOS list pagination: `limit` 1–100 (default 10), `order` desc (default),
 * asc or normal, and object-id cursors in `before`/`after`. `normal` lists
 * newest first but with reversed cursors (`after` fetches newer objects).
 */
export type ListParams = { limit: number; order: "asc" | "desc" | "normal"; before: string | null; after: string | null };

export type ListPage<T> = { data: T[]; before: string | null; after: string | null };

export class ListParamsError extends Error {}

export function parseListParams(query: URLSearchParams): ListParams {
  const rawLimit = query.get("limit");
  const limit = rawLimit === null || rawLimit === "" ? 10 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new ListParamsError("limit must be an integer between 1 and 100");
  const order = query.get("order") || "desc";
  if (order !== "asc" && order !== "desc" && order !== "normal") throw new ListParamsError("order must be one of asc, desc, normal");
  const before = query.get("before") || null;
  const after = query.get("after") || null;
  if (before && after) throw new ListParamsError("Only one of before and after may be given");
  return { limit, order, before, after };
}

/** Pages `rows` (a filtered subset of `table`, oldest first). */
export function paginate<T extends { id: string }>(table: Table<T>, rows: readonly T[], params: ListParams): ListPage<T> {
  const cursorId = params.before ?? params.after;
  let cursorSeq: number | undefined;
  if (cursorId) {
    cursorSeq = table.seqOf(cursorId);
    if (cursorSeq === undefined) throw new ListParamsError(`Cursor '${cursorId}' does not identify an object in this list`);
  }
  const newestFirst = params.order !== "asc";
  const ordered = newestFirst ? [...rows].reverse() : [...rows];
  // Whether the cursor asks for the objects listed after it (true) or before it.
  const forward = params.order === "normal" ? Boolean(params.before) : Boolean(params.after) || !cursorId;
  const seq = (row: T) => table.seqOf(row.id) as number;
  const isAfterCursor = (row: T) => (newestFirst ? seq(row) < (cursorSeq as number) : seq(row) > (cursorSeq as number));

  let start: number;
  let end: number;
  if (!cursorId) {
    start = 0;
    end = Math.min(params.limit, ordered.length);
  } else {
    const firstAfter = firstIndex(ordered, isAfterCursor);
    if (forward) {
      start = firstAfter;
      end = Math.min(start + params.limit, ordered.length);
    } else {
      end = firstAfter;
      // Rows equal to the cursor itself sit just before firstAfter; exclude it.
      if (end > 0 && ordered[end - 1]?.id === cursorId) end -= 1;
      start = Math.max(0, end - params.limit);
    }
  }
  const data = ordered.slice(start, end);
  const hasEarlier = start > 0;
  const hasLater = end < ordered.length;
  const first = data[0]?.id ?? null;
  const last = data[data.length - 1]?.id ?? null;
  if (params.order === "normal") return { data, before: hasLater ? last : null, after: hasEarlier ? first : null };
  return { data, before: hasEarlier ? first : null, after: hasLater ? last : null };
}

/** Index of the first row matching a predicate that is false then true along the list. */
function firstIndex<T>(rows: readonly T[], predicate: (row: T) => boolean): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (predicate(rows[mid] as T)) high = mid;
    else low = mid + 1;
  }
  return low;
}
