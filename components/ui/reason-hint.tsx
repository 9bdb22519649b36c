"use client";

import { useEffect, useId, useRef, useState } from "react";
import { placeNextTo } from "./popover-placement";

const BUTTON =
  "inline-grid h-6 min-w-6 shrink-0 place-items-center rounded-full px-1 align-middle text-xs font-semibold text-slate-600 underline decoration-dotted underline-offset-2 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white";
// Centred in the viewport until the script has run (a popover opened before hydration); placed by its button after.
const PANEL =
  "fixed inset-0 m-auto h-fit w-72 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-3 text-left text-sm font-normal normal-case tracking-normal text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200";

/**
 * A toggletip for an explanation that has no room on screen (why an issue is critical, why a write failed): a small
 * button that shows the text in a popover on click, tap or Enter, closed by Esc, a second press or a click elsewhere.
 * The text also describes the button, so a screen reader says it on focus without opening anything.
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
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);

  // A panel fixed to the viewport would drift away from its button on scroll, so scrolling closes it.
  useEffect(() => {
    if (!open) return;
    const close = () => panel.current?.hidePopover();
    window.addEventListener("scroll", close, { capture: true, passive: true });
    return () => window.removeEventListener("scroll", close, { capture: true });
  }, [open]);

  // Its size is known only once it is shown: hidden until the toggle event has placed it, so it never flashes elsewhere.
  function onBeforeToggle(event: React.ToggleEvent<HTMLSpanElement>) {
    if (event.newState === "open" && panel.current) panel.current.style.visibility = "hidden";
  }

  function onToggle(event: React.ToggleEvent<HTMLSpanElement>) {
    const isOpen = event.newState === "open";
    setOpen(isOpen);
    const target = panel.current;
    if (!isOpen || !target || !button.current) return;
    const { top, left } = placeNextTo(
      button.current.getBoundingClientRect(),
      { width: target.offsetWidth, height: target.offsetHeight },
      { width: window.innerWidth, height: window.innerHeight },
    );
    Object.assign(target.style, { inset: "auto", margin: "0", top: `${top}px`, left: `${left}px`, visibility: "" });
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        popoverTarget={id}
        aria-label={label}
        aria-describedby={`${id}-text`}
        className={BUTTON}
      >
        {buttonText}
      </button>
      {/* Spans, so the hint may sit in running text; a fixed popover is laid out as a block anyway. */}
      <span ref={panel} id={id} popover="auto" onBeforeToggle={onBeforeToggle} onToggle={onToggle} className={PANEL}>
        <span id={`${id}-text`}>{children}</span>
      </span>
    </>
  );
}
