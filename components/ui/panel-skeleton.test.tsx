import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CardsSkeleton, ChartSkeleton, TableSkeleton } from "./panel-skeleton";

describe("skeletons shaped like their panels", () => {
  it("a table skeleton has a header and the asked number of rows and columns", () => {
    const html = renderToStaticMarkup(<TableSkeleton label="Loading members" rows={3} columns={5} />);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('aria-label="Loading members"');
    expect(html.match(/<tr/g)).toHaveLength(4);
    expect(html.match(/<td/g)).toHaveLength(20);
  });

  it("a chart skeleton draws bars inside an axis", () => {
    const html = renderToStaticMarkup(<ChartSkeleton label="Loading chart" />);
    expect(html).toContain("border-b border-l");
    expect(html.match(/style="height:\d+%"/g)?.length).toBeGreaterThan(5);
  });

  it("a cards skeleton has one card per figure", () => {
    const html = renderToStaticMarkup(<CardsSkeleton label="Loading figures" count={3} />);
    expect(html.match(/rounded-xl/g)).toHaveLength(3);
  });
});
