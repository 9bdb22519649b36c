import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { defineSort } from "@/lib/domain/tables/sort";
import { TableHead } from "./table-head";

const spec = defineSort({ keys: ["name", "created"], default: { key: "created", dir: "desc" } });
const render = (order: { key: string; dir: "asc" | "desc" }, params = {}) =>
  renderToStaticMarkup(
    <table>
      <TableHead
        columns={[{ label: "Name", sort: "name" }, { label: "Created", sort: "created", numeric: true }, "Notes"]}
        sorting={{ spec, order, params }}
      />
    </table>,
  );

describe("sortable TableHead", () => {
  it("marks the sorted column with aria-sort and an arrow, the other sortable ones with none", () => {
    const html = render({ key: "created", dir: "desc" });
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('aria-sort="none"');
    expect(html).toContain("↓");
    expect(html).toMatch(/<th scope="col" class="pb-2 font-medium">Notes<\/th>/);
  });

  it("links a column to its next order, keeping filters and dropping paging", () => {
    const html = render({ key: "created", dir: "desc" }, { actor: "ana", before: "abc" });
    expect(html).toContain('href="?actor=ana&amp;sort=name&amp;dir=asc"');
    expect(html).toContain('href="?actor=ana&amp;sort=created&amp;dir=asc"');
    expect(html).not.toContain("before=");
  });

  it("tells screen readers the current and the next order", () => {
    const html = render({ key: "name", dir: "asc" });
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain(", sorted ascending; sort descending");
  });

  it("renders plain labels without sorting", () => {
    const html = renderToStaticMarkup(
      <table>
        <TableHead columns={[{ label: "Name", sort: "name" }]} />
      </table>,
    );
    expect(html).not.toContain("aria-sort");
    expect(html).not.toContain("href");
  });
});
