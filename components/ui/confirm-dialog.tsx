"use client";

import { useEffect, useId, useRef, useState } from "react";
import { primaryButtonClass } from "./submit-button";

const DIALOG =
  "m-auto w-full max-w-md rounded-xl border border-slate-200 bg-white p-5 text-left text-sm font-normal whitespace-normal text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const CANCEL =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800";
const DANGER =
  "rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60 dark:bg-red-600 dark:hover:bg-red-500";

export type ConfirmDialogProps = {
  /** Renders what opens the dialog; call `open` from its click handler (or skip it when nothing needs confirming). */
  trigger: (open: () => void) => React.ReactNode;
  /** The question, which also names the dialog. */
  title: string;
  /** What happens when it is confirmed, in a sentence or two. */
  description: React.ReactNode;
  /** Says what the button does ("Remove member"), never just "OK". */
  confirmLabel: string;
  /** Shown on the confirm button while the action runs. */
  pendingLabel?: string;
  /** `danger` for an action that takes access or data away. */
  tone?: "danger" | "default";
  /** The caller's action state: the dialog stays open, its buttons disabled, until the action has finished. */
  pending?: boolean;
  onConfirm: () => void;
};

/**
 * A modal confirmation on the native <dialog>: `showModal()` gives the focus trap, the inert page and Esc. It is
 * named by its question and described by its sentence; Cancel comes first, so it takes the focus and Enter never
 * confirms by accident, and closing returns the focus to what opened it (the platform does that for a modal dialog).
 * While the confirmed action runs the dialog stays open and says so, then closes by itself.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  pendingLabel,
  tone = "danger",
  pending = false,
  onConfirm,
}: ConfirmDialogProps) {
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const awaitingResult = useRef(false);
  // Bumped on every confirmation so the effect below also runs for an action that never became pending.
  const [confirmations, setConfirmations] = useState(0);

  useEffect(() => {
    if (!awaitingResult.current || pending) return;
    awaitingResult.current = false;
    dialog.current?.close();
  }, [pending, confirmations]);

  // Found by id, not through the ref: `open` is handed to the trigger while rendering, where refs are off limits.
  function open() {
    (document.getElementById(`${ids}-dialog`) as HTMLDialogElement | null)?.showModal();
  }

  function confirm() {
    awaitingResult.current = true;
    setConfirmations((n) => n + 1);
    onConfirm();
  }

  return (
    <>
      {trigger(open)}
      <dialog
        ref={dialog}
        id={`${ids}-dialog`}
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-description`}
        className={DIALOG}
        // Esc would otherwise hide a dialog whose action is still running.
        onCancel={(event) => pending && event.preventDefault()}
      >
        <h2 id={`${ids}-title`} className="mb-2 text-lg font-semibold">
          {title}
        </h2>
        <div id={`${ids}-description`} className="mb-4 text-slate-700 dark:text-slate-300">
          {description}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={CANCEL} disabled={pending} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className={tone === "danger" ? DANGER : primaryButtonClass("md")}
            disabled={pending}
            onClick={confirm}
          >
            {pending && pendingLabel ? pendingLabel : confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
