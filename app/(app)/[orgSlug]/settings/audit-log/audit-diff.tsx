import { TableHead } from "@/components/ui/table-head";
import { readAuditChanges } from "@/lib/domain/audit/diff";

/** What an audit entry changed, folded away until asked for; a native disclosure, so keyboards and screen readers work as they do everywhere. */
export function AuditDiff({ changes }: { changes: unknown }) {
  const { diff, isBeforeUnknown } = readAuditChanges(changes);
  if (diff.length === 0) return null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-brand-600 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-brand-300">
        Changes ({diff.length} {diff.length === 1 ? "field" : "fields"})
      </summary>
      <div className="relative overflow-x-auto" tabIndex={0}>
        <table className="mt-1 text-left text-xs">
          <caption className="sr-only">Fields changed</caption>
          <TableHead columns={["Field", "Before", "After"]} dense />
          <tbody>
            {diff.map((entry, index) => (
              <tr key={`${entry.field}-${index}`} className="border-t border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-1 pr-3 font-mono font-normal">
                  {entry.field}
                </th>
                <td className="break-all py-1 pr-3">
                  {"before" in entry ? (
                    String(entry.before)
                  ) : (
                    // An outbound write may send a field whose value Bosun never read; anything else had none before.
                    <span className="text-slate-600 dark:text-slate-400">{isBeforeUnknown ? "unknown" : "—"}</span>
                  )}
                </td>
                <td className="break-all py-1">{String(entry.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
