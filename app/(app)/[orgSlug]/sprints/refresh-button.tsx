"use client";

import { useState, useTransition } from "react";
import { refreshSprintsAction } from "./actions";

export function RefreshButton({ orgSlug, boardId }: { orgSlug: string; boardId: number }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await refreshSprintsAction({ orgSlug, boardId });
            setError(result.ok ? null : result.error);
          })
        }
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {pending ? "Refreshing…" : "Refresh"}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
