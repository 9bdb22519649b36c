import { describe, expect, it } from "vitest";
import { ariaSort, defineSort, nextSort, parseSort, sortQuery, sortRows } from "./sort";

const spec = defineSort({
  keys: ["name", "created", "count"],
  default: { key: "created", dir: "desc" },
  firstDir: { count: "desc" },
});

describe("parseSort", () => {
  it("reads a known key and direction", () => {
    expect(parseSort(spec, { sort: "name", dir: "desc" })).toEqual({ key: "name", dir: "desc" });
  });

  it("falls back to the default order for an unknown or missing key", () => {
    expect(parseSort(spec, {})).toEqual({ key: "created", dir: "desc" });
    expect(parseSort(spec, { sort: "password", dir: "asc" })).toEqual({ key: "created", dir: "desc" });
    expect(parseSort(spec, { sort: "__proto__" })).toEqual({ key: "created", dir: "desc" });
  });

  it("uses the key's first direction when the direction is missing or invalid", () => {
    expect(parseSort(spec, { sort: "count", dir: "sideways" })).toEqual({ key: "count", dir: "desc" });
    expect(parseSort(spec, { sort: "name" })).toEqual({ key: "name", dir: "asc" });
    expect(parseSort(spec, { sort: "created", dir: "" })).toEqual({ key: "created", dir: "desc" });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseSort(spec, { sort: ["name", "count"], dir: ["desc", "asc"] })).toEqual({ key: "name", dir: "desc" });
  });
});

describe("defineSort", () => {
  it("refuses a default that is not one of the keys", () => {
    expect(() => defineSort({ keys: ["a"], default: { key: "b" as "a", dir: "asc" } })).toThrow(/not a key/);
  });
});

describe("nextSort", () => {
  it("flips the direction of the current column", () => {
    expect(nextSort(spec, { key: "name", dir: "asc" }, "name")).toEqual({ key: "name", dir: "desc" });
    expect(nextSort(spec, { key: "name", dir: "desc" }, "name")).toEqual({ key: "name", dir: "asc" });
  });

  it("starts another column in its first direction", () => {
    expect(nextSort(spec, { key: "name", dir: "asc" }, "count")).toEqual({ key: "count", dir: "desc" });
    expect(nextSort(spec, { key: "count", dir: "asc" }, "name")).toEqual({ key: "name", dir: "asc" });
    expect(nextSort(spec, { key: "name", dir: "asc" }, "created")).toEqual({ key: "created", dir: "desc" });
  });
});

describe("sortQuery", () => {
  it("keeps the page's filters and drops paging and the old order", () => {
    const query = sortQuery(
      { actor: "ana", tag: ["a", "b"], before: "x", sort: "name", dir: "asc", empty: undefined },
      { key: "count", dir: "desc" },
    );
    expect(query).toBe("?actor=ana&tag=a&tag=b&sort=count&dir=desc");
  });
});

describe("ariaSort", () => {
  it("names the direction of the sorted column only", () => {
    expect(ariaSort({ key: "name", dir: "asc" }, "name")).toBe("ascending");
    expect(ariaSort({ key: "name", dir: "desc" }, "name")).toBe("descending");
    expect(ariaSort({ key: "name", dir: "desc" }, "count")).toBeUndefined();
  });
});

describe("sortRows", () => {
  type Row = { name: string; created: Date | null; count: number | null };
  const rows: Row[] = [
    { name: "beta", created: new Date("2026-01-02"), count: 3 },
    { name: "Alpha", created: null, count: 10 },
    { name: "gamma", created: new Date("2026-01-01"), count: null },
    { name: "item 10", created: new Date("2026-01-03"), count: 3 },
    { name: "item 9", created: new Date("2026-01-04"), count: 1 },
  ];
  const valueOf = { name: (r: Row) => r.name, created: (r: Row) => r.created, count: (r: Row) => r.count };
  const names = (sorted: Row[]) => sorted.map((r) => r.name);

  it("sorts text case-insensitively with numbers in numeric order", () => {
    expect(names(sortRows(rows, { key: "name", dir: "asc" }, valueOf))).toEqual([
      "Alpha",
      "beta",
      "gamma",
      "item 9",
      "item 10",
    ]);
  });

  it("sorts dates and numbers, missing values last in both directions, ties in loaded order", () => {
    expect(names(sortRows(rows, { key: "created", dir: "desc" }, valueOf))).toEqual([
      "item 9",
      "item 10",
      "beta",
      "gamma",
      "Alpha",
    ]);
    expect(names(sortRows(rows, { key: "count", dir: "asc" }, valueOf))).toEqual([
      "item 9",
      "beta",
      "item 10",
      "Alpha",
      "gamma",
    ]);
    expect(names(sortRows(rows, { key: "count", dir: "desc" }, valueOf))).toEqual([
      "Alpha",
      "beta",
      "item 10",
      "item 9",
      "gamma",
    ]);
  });

  it("leaves the input untouched", () => {
    const copy = [...rows];
    sortRows(rows, { key: "name", dir: "desc" }, valueOf);
    expect(rows).toEqual(copy);
  });
});
