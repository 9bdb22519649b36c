"use client";

import { useState, useTransition } from "react";
import { setWatchAction } from "@/app/(app)/[orgSlug]/notifications/actions";
import { useHydrated } from "@/components/ui/use-hydrated";

type WatchTargetType = "sentry_issue" | "release" | "sentry_project";

/**
 * Watch or stop watching an issue, a release or a project: watchers get its
 * notifications as its owners do. A toggle button (aria-pressed) whose label
 * says what pressing it will do.
 */
export function WatchButton({
  orgSlug,
  targetType,
  targetId,
  targetLabel,
  initialWatching,
}: {
  orgSlug: string;
  targetType: WatchTargetType;
  targetId: string;
  /** What is watched, for the accessible name ("this issue", "release 2.4.0"). */
  targetLabel: string;
  initialWatching: boolean;
}) {
  const [watching, setWatching] = useState(initialWatching);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // An onClick-only button: inert until hydrated, so it stays disabled until then rather than lose a click.
  const hydrated = useHydrated();

  function toggle() {
    setError(null);
    startTransition(async () => {
      const result = await setWatchAction({ orgSlug, targetType, targetId, watching: !watching });
      if (result.ok) setWatching(result.data.watching);
      else setError(result.error);
    });
  }

  return (
    <span className="inline-flex flex-col items-start">
      <button
        type="button"
        onClick={toggle}
        disabled={pending || !hydrated}
        aria-pressed={watching}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60 aria-pressed:border-brand-600 aria-pressed:text-brand-700 dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:text-brand-300"
      >
        {watching ? "Watching" : "Watch"}
        <span className="sr-only"> {targetLabel}</span>
      </button>
      <span role="status" className="mt-1 text-xs">
        {error ? <span className="text-red-600 dark:text-red-400">{error}</span> : null}
      </span>
    </span>
  );
}
