/**
 * "Export: CSV · Markdown" for one report table. The links carry the page's own filters, so the file holds
 * exactly the rows on screen.
 */
export function ExportLinks({
  orgSlug,
  table,
  params = {},
  label,
}: {
  orgSlug: string;
  /** The table's id in the export registry (lib/features/insights). */
  table: string;
  params?: Record<string, string | number | undefined>;
  /** What the table is, for screen readers ("deploys"). */
  label: string;
}) {
  const href = (format: "csv" | "md") => {
    const query = new URLSearchParams({ table, format });
    for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
    return `/api/orgs/${orgSlug}/insights/export?${query.toString()}`;
  };
  return (
    <p className="text-xs text-slate-600 dark:text-slate-300">
      Export:{" "}
      <a href={href("csv")} className="underline hover:no-underline" aria-label={`Export ${label} as CSV`} download>
        CSV
      </a>{" "}
      ·{" "}
      <a href={href("md")} className="underline hover:no-underline" aria-label={`Export ${label} as Markdown`} download>
        Markdown
      </a>
    </p>
  );
}
