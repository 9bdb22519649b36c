/**
 * A full-width table that scrolls sideways inside its card instead of widening the page.
 * `head` is usually a <TableHead>; the children are the body's rows.
 */
export function DataTable({ head, children }: { head: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        {head}
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
