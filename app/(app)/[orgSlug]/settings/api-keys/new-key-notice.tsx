"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The one showing of a new key, from the create action's result: the server
 * keeps only a hash, so once this is dismissed or the page is left, the key
 * cannot be shown again (make a new one instead).
 */
export function NewKeyNotice({ name, apiKey, onDone }: { name: string; apiKey: string; onDone: () => void }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus here so screen-reader and keyboard users land on the key straight away.
  useEffect(() => heading.current?.focus(), []);

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <section
      aria-labelledby="new-api-key-heading"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/40"
    >
      <h3
        id="new-api-key-heading"
        ref={heading}
        tabIndex={-1}
        className="text-sm font-semibold text-amber-900 outline-none dark:text-amber-200"
      >
        Your new key “{name}”
      </h3>
      <p className="mt-1 text-sm text-amber-900 dark:text-amber-200">
        Copy it now: it will not be shown again. Bosun stores only a hash of it.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor="new-api-key" className="sr-only">
          New API key
        </label>
        <input
          id="new-api-key"
          readOnly
          value={apiKey}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
        />
        <button
          type="button"
          onClick={copyKey}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Copy
        </button>
        <button
          type="button"
          onClick={onDone}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-white dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Done
        </button>
      </div>
      <p role="status" className="mt-2 text-xs text-amber-900 dark:text-amber-200">
        {copy === "copied"
          ? "Copied to the clipboard."
          : copy === "failed"
            ? "Could not copy; select the key and copy it by hand."
            : ""}
      </p>
    </section>
  );
}
