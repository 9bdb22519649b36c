"use client";

import { useModalOnMount } from "@/components/ui/use-modal-on-mount";
import { SHORTCUT_LIST } from "@/lib/domain/shortcuts/key-sequence";

const DIALOG =
  "m-auto w-full max-w-md rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const KEY =
  "min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";

/** Every keyboard shortcut in a modal <dialog>: opened on mount, Esc or Close ends it and focus goes back. */
export function ShortcutHelpDialog({ onClose }: { onClose: () => void }) {
  const dialog = useModalOnMount();

  return (
    <dialog ref={dialog} aria-labelledby="shortcut-help-title" onClose={onClose} className={DIALOG}>
      <ShortcutHelpContent />
      <form method="dialog" className="mt-4 flex justify-end">
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Close
        </button>
      </form>
    </dialog>
  );
}

/** The dialog's heading and the list of shortcuts. */
export function ShortcutHelpContent() {
  return (
    <>
      <h2 id="shortcut-help-title" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <p className="mt-1 text-slate-600 dark:text-slate-300">Press the keys in turn; they do nothing while you type.</p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2">
        {SHORTCUT_LIST.map(({ keys, description }) => (
          <div key={keys.join(" ")} className="contents">
            <dt className="flex gap-1">
              {keys.map((key, i) => (
                <kbd key={i} className={KEY}>
                  {key}
                </kbd>
              ))}
            </dt>
            <dd className="text-slate-700 dark:text-slate-300">{description}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
