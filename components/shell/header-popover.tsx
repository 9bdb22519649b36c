import { CloseOnNavigation } from "./close-on-navigation";

/** The panel sits just under the 3.5rem header, along the edge its button is on (CSS anchor positioning is not yet everywhere). */
const PLACEMENT = {
  start: "left-2 sm:left-4 md:left-64",
  end: "right-2 sm:right-4",
} as const;

const PANEL =
  "fixed inset-auto top-15 m-0 max-h-[calc(100dvh-4.5rem)] max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/**
 * A header button that opens a panel below it, on the HTML `popover` attribute: it works before hydration, sits in the
 * top layer (nothing clips it), closes on Esc or a click outside, and the browser gives the button its expanded state
 * and puts the panel next in the tab order. `id` must be unique on the page; the panel's classes must not set
 * `display`, which would keep a closed popover on screen.
 */
export function HeaderPopover({
  id,
  className,
  buttonClassName,
  buttonLabel,
  button,
  panelClassName,
  align,
  testId,
  children,
}: {
  id: string;
  /** The wrapper's classes: how it sits in the header row, and `group` for content that shows the open state. */
  className?: string;
  buttonClassName: string;
  /** The button's accessible name when its content alone would not say what it opens; it starts with the visible text. */
  buttonLabel?: string;
  /** The button's content; without `buttonLabel` it must name the button (visible or `sr-only` text). */
  button: React.ReactNode;
  /** The panel's width and padding. */
  panelClassName: string;
  align: keyof typeof PLACEMENT;
  /** Names the wrapper (button and panel) for end-to-end tests. */
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className} data-testid={testId}>
      <button type="button" popoverTarget={id} aria-label={buttonLabel} className={buttonClassName}>
        {button}
      </button>
      <div id={id} popover="auto" className={`${PANEL} ${PLACEMENT[align]} ${panelClassName}`}>
        <CloseOnNavigation />
        {children}
      </div>
    </div>
  );
}
