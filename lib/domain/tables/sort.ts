/**
 * Table order as it travels in the URL (`?sort=<key>&dir=asc|desc`): each table declares the keys it sorts by and
 * its default order; anything else in the URL (an unknown key, a misspelt direction, a repeated parameter) falls back
 * to that default rather than failing the page. Pure.
 */
export type SortDir = "asc" | "desc";
export type SortOrder<K extends string = string> = { key: K; dir: SortDir };

export type SortSpec<K extends string> = {
  keys: readonly K[];
  default: SortOrder<K>;
  /** The direction a column starts in when first clicked: names A→Z, times and counts largest first. */
  firstDir?: Partial<Record<K, SortDir>>;
};

type Params = Record<string, string | string[] | undefined>;

/** Parameters that point into one order's pages, dropped when the order changes. */
export const PAGING_PARAMS = ["older", "newer", "after", "before", "cursor", "page"] as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Declares a table's sort keys and default order, checked so the default is always one of the keys. */
export function defineSort<const K extends string>(spec: SortSpec<K>): SortSpec<K> {
  if (!spec.keys.includes(spec.default.key)) throw new Error(`default sort ${spec.default.key} is not a key`);
  return spec;
}

/** The order the URL asks for, or the table's default where it asks for something the table does not offer. */
export function parseSort<K extends string>(spec: SortSpec<K>, params: Params): SortOrder<K> {
  const key = first(params.sort);
  const dir = first(params.dir);
  if (!key || !(spec.keys as readonly string[]).includes(key)) return spec.default;
  const sortKey = key as K;
  const fallbackDir = sortKey === spec.default.key ? spec.default.dir : (spec.firstDir?.[sortKey] ?? "asc");
  return { key: sortKey, dir: dir === "asc" || dir === "desc" ? dir : fallbackDir };
}

/** The order a click on `key`'s header leads to: the other direction if it is the current key, else its first. */
export function nextSort<K extends string>(spec: SortSpec<K>, current: SortOrder<K>, key: K): SortOrder<K> {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  const dir = spec.firstDir?.[key] ?? (key === spec.default.key ? spec.default.dir : "asc");
  return { key, dir };
}

/**
 * The query string ("?…") for `order`, keeping the page's other parameters (filters, tabs) and dropping the
 * paging ones, which belong to the previous order.
 */
export function sortQuery(params: Params, order: SortOrder): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (name === "sort" || name === "dir" || (PAGING_PARAMS as readonly string[]).includes(name)) continue;
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, item);
  }
  query.set("sort", order.key);
  query.set("dir", order.dir);
  return `?${query.toString()}`;
}

/** `aria-sort` for a column: how it is sorted, or nothing when the table is not sorted by it. */
export function ariaSort(current: SortOrder, key: string): "ascending" | "descending" | undefined {
  if (current.key !== key) return undefined;
  return current.dir === "asc" ? "ascending" : "descending";
}

export type SortValue = string | number | boolean | Date | null | undefined;

/**
 * `rows` in `order`, for tables whose rows are all loaded already. `valueOf` reads each key's value; missing values
 * go last in either direction, text compares without regard to case, and equal rows keep their loaded order.
 */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  order: SortOrder<K>,
  valueOf: Record<K, (row: T) => SortValue>,
): T[] {
  const read = valueOf[order.key];
  const sign = order.dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: read(row) }))
    .sort((a, b) => {
      const aMissing = a.value === null || a.value === undefined;
      const bMissing = b.value === null || b.value === undefined;
      if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
      return sign * compareValues(a.value!, b.value!) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

function compareValues(a: NonNullable<SortValue>, b: NonNullable<SortValue>): number {
  if (typeof a === "string" && typeof b === "string")
    return a.localeCompare(b, "en", { sensitivity: "base", numeric: true });
  const left = a instanceof Date ? a.getTime() : Number(a);
  const right = b instanceof Date ? b.getTime() : Number(b);
  return left - right;
}
