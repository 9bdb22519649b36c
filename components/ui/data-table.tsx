/**
 * A full-width table that scrolls sideways inside its card instead of widening the page. The scroller takes focus
 * (a table of plain text has nothing else to focus), so keyboard users can scroll it too; it is positioned, so the
 * screen-reader-only text in its cells is clipped with it instead of widening the page.
 * `head` is usually a <TableHead>; the children are the body's rows, usually <TableRow>s.
 * `smallText`: the table sets small text for every cell; without it each cell chooses its own size.
 */
export function DataTable({
  head,
  children,
  smallText = true,
}: {
  head: React.ReactNode;
  children: React.ReactNode;
  smallText?: boolean;
}) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table className={smallText ? "w-full text-left text-sm" : "w-full text-left"}>
        {head}
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A body row: a hairline above it and, unless `alignTop` is off, cells aligned to the top of multi-line neighbours.
 * Other attributes (a test id, a data attribute) pass through to the <tr>.
 */
export function TableRow({
  alignTop = true,
  ...row
}: Omit<React.ComponentProps<"tr">, "className"> & { alignTop?: boolean }) {
  return (
    <tr
      {...row}
      // The hairline's rule is in globals.css (.data-row): long tables repeat it on every row.
      className={alignTop ? "data-row align-top" : "data-row"}
    />
  );
}
