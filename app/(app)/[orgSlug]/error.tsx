"use client";

/**
 * Errors inside an org page land here, below the org layout, so the sidebar and
 * header stay on screen. The error has already reached Sentry via onRequestError
 * (server) or the client SDK's global handlers.
 */
export default function OrgError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950">
      <h1 className="text-lg font-semibold text-red-800 dark:text-red-200">Something went wrong on this page</h1>
      <p className="mt-1 text-sm text-red-700 dark:text-red-300">
        It has been reported. {error.digest && <span className="font-mono">Reference: {error.digest}</span>}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
      >
        Try again
      </button>
    </div>
  );
}
