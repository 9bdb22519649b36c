import { describe, expect, it } from "vitest";
import { csvCell, markdownCell, renderTable, toCsv, toMarkdown, type ExportTable } from "./export";

const table: ExportTable = {
  id: "t",
  title: "Deploys",
  columns: [
    { key: "version", label: "Release" },
    { key: "count", label: "Deploys" },
  ],
  rows: [
    { version: "2.14.0", count: 2 },
    { version: '=HYPERLINK("http://evil")', count: null },
  ],
  notes: ["Staging is left out."],
};

describe("CSV export", () => {
  it("writes a header and one line per row, CRLF-terminated", () => {
    expect(toCsv(table).split("\r\n")[0]).toBe("Release,Deploys");
    expect(toCsv(table).split("\r\n")[1]).toBe("2.14.0,2");
    expect(toCsv(table).endsWith("\r\n")).toBe(true);
  });

  it("defuses formulas and quotes what needs quoting, but keeps negative numbers", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(toCsv(table)).toContain(`"'=HYPERLINK(""http://evil"")",`);
  });
});

describe("Markdown export", () => {
  it("renders a titled table with its notes", () => {
    const md = toMarkdown(table);
    expect(md).toContain("## Deploys");
    expect(md).toContain("| Release | Deploys |");
    expect(md).toContain("| --- | --- |");
    expect(md).toContain("| 2.14.0 | 2 |");
    expect(md).toContain("- Staging is left out.");
  });

  it("keeps hostile text inside its cell and inert", () => {
    expect(markdownCell("a | b\nc")).toBe("a \\| b c");
    expect(markdownCell("[click](javascript:alert(1))")).toBe("\\[click\\]\\(javascript:alert\\(1\\)\\)");
    expect(markdownCell("<img src=x onerror=alert(1)>")).toBe("\\<img src=x onerror=alert\\(1\\)\\>");
  });

  it("names the content type of each format", () => {
    expect(renderTable(table, "csv").contentType).toMatch(/^text\/csv/);
    expect(renderTable(table, "md").contentType).toMatch(/^text\/markdown/);
  });
});
