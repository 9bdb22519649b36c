/**
 * Any report table as CSV (RFC 4180) or a Markdown table, so every table on the Insights pages can be taken into a
 * spreadsheet or pasted into a document. Pure. Cells are untrusted text (issue titles, release names, people's
 * names): CSV cells that a spreadsheet would run as a formula are defused, and Markdown cells cannot break out of
 * their cell or turn into links, images or HTML.
 */
export type ExportCell = string | number | boolean | null;
export type ExportColumn = { key: string; label: string };
export type ExportTable = {
  /** A file-name-safe id ("dora-deploys"). */
  id: string;
  title: string;
  columns: ExportColumn[];
  rows: Record<string, ExportCell>[];
  /** What the figures rest on or leave out, printed under the Markdown table. */
  notes?: string[];
};

export type ExportFormat = "csv" | "md";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "md"];

const text = (cell: ExportCell | undefined) => (cell === null || cell === undefined ? "" : String(cell));

/** One CSV cell: formula-looking text is prefixed with a quote; quotes, commas and line breaks are quoted. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: Pick<ExportTable, "columns" | "rows">): string {
  const lines = [
    table.columns.map((c) => csvCell(c.label)).join(","),
    ...table.rows.map((row) => table.columns.map((c) => csvCell(text(row[c.key]))).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** One Markdown cell: one line, with every character Markdown or HTML would act on escaped. */
export function markdownCell(value: string): string {
  return value
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`)
    .trim();
}

export function toMarkdown(table: ExportTable): string {
  const header = `| ${table.columns.map((c) => markdownCell(c.label)).join(" | ")} |`;
  const rule = `| ${table.columns.map(() => "---").join(" | ")} |`;
  const rows = table.rows.map((row) => `| ${table.columns.map((c) => markdownCell(text(row[c.key]))).join(" | ")} |`);
  const notes = (table.notes ?? []).map((note) => `- ${markdownCell(note)}`);
  return [`## ${markdownCell(table.title)}`, "", header, rule, ...rows, ...(notes.length ? ["", ...notes] : [])]
    .join("\n")
    .concat("\n");
}

export function renderTable(table: ExportTable, format: ExportFormat): { body: string; contentType: string } {
  return format === "csv"
    ? { body: toCsv(table), contentType: "text/csv; charset=utf-8" }
    : { body: toMarkdown(table), contentType: "text/markdown; charset=utf-8" };
}
