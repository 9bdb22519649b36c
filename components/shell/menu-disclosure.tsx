/**
 * A menu in the top bar that opens below its summary. It is a <details>, so it opens before the page has hydrated.
 * The summary shows `badge` (an initial; `badgeClassName` gives its shape and colours, hidden from screen readers)
 * followed by `summary`, which says what the menu is for.
 */
export function MenuDisclosure({
  className,
  summaryClassName,
  badge,
  badgeClassName,
  summary,
  children,
}: {
  className: string;
  summaryClassName: string;
  badge: string;
  badgeClassName: string;
  summary: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <details className={className}>
      <summary
        className={`flex cursor-pointer list-none items-center gap-2 ${summaryClassName} [&::-webkit-details-marker]:hidden`}
      >
        <span className={badgeClassName} aria-hidden="true">
          {badge}
        </span>
        {summary}
      </summary>
      {children}
    </details>
  );
}
