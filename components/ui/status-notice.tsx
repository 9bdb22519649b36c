import type { ReactNode } from "react";

/** A short amber note that something shown is not quite what was asked for (stale data, an ignored filter). */
export function StatusNotice({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <p
      role="status"
      className={`rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200 ${className}`.trim()}
    >
      {children}
    </p>
  );
}
