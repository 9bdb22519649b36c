/**
 * A tinted box with its own heading that stands out from the content around it, such as the summary of what a
 * preview will change. `headingId` ties the heading to the section for screen readers.
 */
export function HighlightSection({
  headingId,
  heading,
  children,
}: {
  headingId: string;
  heading: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-brand-500/40 bg-brand-50 p-4 dark:bg-slate-800"
    >
      <h3 id={headingId} className="font-semibold">
        {heading}
      </h3>
      {children}
    </section>
  );
}
