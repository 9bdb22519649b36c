import { useId } from "react";

const BUTTON =
  "inline-grid h-6 min-w-6 shrink-0 place-items-center rounded-full px-1 align-middle text-xs font-semibold text-slate-600 underline decoration-dotted underline-offset-2 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white";
// Centred in the viewport where CSS anchor positioning is missing; just below its button (flipped above or to the
// left when there is no room) where it is there.
const PANEL = [
  "fixed inset-0 m-auto h-fit w-72 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-3 text-left text-sm font-normal normal-case tracking-normal text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200",
  "supports-[anchor-name:--a]:[inset:auto] supports-[anchor-name:--a]:mx-0 supports-[anchor-name:--a]:mb-0 supports-[anchor-name:--a]:mt-1",
  "supports-[anchor-name:--a]:[top:anchor(bottom)] supports-[anchor-name:--a]:[left:anchor(left)]",
  "supports-[anchor-name:--a]:[position-try-fallbacks:flip-block,flip-inline]",
].join(" ");

/**
 * A toggletip for an explanation that has no room on screen (why an issue is critical, why a write failed): a small
 * button that shows the text in a popover on click, tap or Enter, closed by Esc, a second press or a click elsewhere.
 * The text also describes the button, so a screen reader says it on focus without opening anything. The browser
 * does all of it (the popover attribute, CSS anchor positioning): no script, so it works before hydration and adds
 * nothing to a page's JavaScript.
 */
export function ReasonHint({
  label,
  buttonText = "Why?",
  children,
}: {
  /** The button's accessible name, e.g. "Why is PAY-12 critical?"; it should begin with `buttonText`. */
  label: string;
  /** What the button shows. */
  buttonText?: string;
  /** The explanation: phrasing content (a sentence, or lines as `block` spans). */
  children: React.ReactNode;
}) {
  const id = useId();
  const anchor = `--hint-${id.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        aria-label={label}
        aria-describedby={`${id}-text`}
        className={BUTTON}
        style={{ anchorName: anchor } as React.CSSProperties}
      >
        {buttonText}
      </button>
      {/* Spans, so the hint may sit in running text; a fixed popover is laid out as a block anyway. */}
      <span id={id} popover="auto" className={PANEL} style={{ positionAnchor: anchor } as React.CSSProperties}>
        <span id={`${id}-text`}>{children}</span>
      </span>
    </>
  );
}
