"use client";

/** Opens the browser's print dialog (print or save as PDF); the app's chrome is hidden in print. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 print:hidden dark:border-slate-600 dark:hover:bg-slate-800"
    >
      Print or save as PDF
    </button>
  );
}
