/**
 * The header's "Jump to…" button that opens the command palette. Without `onClick` it is the stand-in shown while
 * the shortcuts' code loads: the same look, inert for those few milliseconds.
 */
export function JumpButton({ onClick }: { onClick?: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-keyshortcuts="Control+K Meta+K"
      className="flex items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <svg viewBox="0 0 16 16" className="h-4 w-4" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      {/* On a phone the magnifier alone, so the header fits; the name stays for screen readers. */}
      <span className="sr-only sm:not-sr-only">Jump to…</span>
      <kbd className="hidden rounded border border-slate-300 px-1 font-sans text-xs sm:inline dark:border-slate-600">
        ⌘K
      </kbd>
    </button>
  );
}
