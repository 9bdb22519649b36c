import { useId } from "react";

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
        className="reason-hint"
        style={{ anchorName: anchor } as React.CSSProperties}
      >
        {buttonText}
      </button>
      {/* Spans, so the hint may sit in running text; a fixed popover is laid out as a block anyway. */}
      <span
        id={id}
        popover="auto"
        className="reason-hint-panel"
        style={{ positionAnchor: anchor } as React.CSSProperties}
      >
        <span id={`${id}-text`}>{children}</span>
      </span>
    </>
  );
}
