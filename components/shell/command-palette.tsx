"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useModalOnMount } from "@/components/ui/use-modal-on-mount";
import { MAX_QUERY_LENGTH, type PaletteEntry } from "@/lib/domain/palette/entry";
import { CommandPaletteOptions, optionId } from "./command-palette-options";
import { usePaletteResults } from "./command-palette-results";

const DIALOG =
  "mx-auto mt-[12vh] w-full max-w-xl rounded-xl border border-slate-200 bg-white p-3 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/** The next active option after an arrow key, wrapping round; -1 when there is nothing to pick. */
function moveActive(key: string, active: number, count: number): number {
  if (count === 0) return -1;
  if (key === "ArrowDown") return (active + 1) % count;
  if (key === "ArrowUp") return active <= 0 ? count - 1 : active - 1;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return active;
}

/**
 * The command palette: a modal <dialog> holding a combobox (the search field,
 * which keeps the focus) and the listbox of what matches. Arrows move through
 * the results, Enter opens the active one, Esc closes. Jumps to pages, boards,
 * releases, errors by short id and Jira keys (see /api/orgs/{org}/palette).
 */
export function CommandPalette({ orgSlug, onClose }: { orgSlug: string; onClose: () => void }) {
  const router = useRouter();
  const ids = useId();
  const listboxId = `${ids}-results`;
  const dialog = useModalOnMount();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const search = usePaletteResults(orgSlug, query);
  const results = search.results;
  const activeIndex = results.length === 0 ? -1 : Math.min(active, results.length - 1);

  function choose(entry: PaletteEntry) {
    dialog.current?.close();
    if (entry.external) window.location.assign(entry.href);
    else router.push(entry.href);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key) && results.length > 0) {
      event.preventDefault();
      setActive(moveActive(event.key, activeIndex, results.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const entry = results[activeIndex];
      if (entry) choose(entry);
    }
  }

  const status =
    search.status === "error"
      ? search.message
      : search.status === "loading"
        ? "Searching…"
        : results.length === 0
          ? "Nothing matches."
          : `${results.length} result${results.length === 1 ? "" : "s"}; use the arrow keys and Enter to open one.`;

  return (
    <dialog ref={dialog} aria-label="Command palette" onClose={onClose} className={DIALOG}>
      <label htmlFor={`${ids}-input`} className="sr-only">
        Go to a page, board, release, error or Jira key
      </label>
      <input
        id={`${ids}-input`}
        type="text"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? optionId(listboxId, activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        maxLength={MAX_QUERY_LENGTH}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Go to… (a page, board, release, ACME-12, ACME-WEB-1A)"
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-950 dark:placeholder:text-slate-400"
      />
      <CommandPaletteOptions
        listboxId={listboxId}
        results={results}
        activeIndex={activeIndex}
        onChoose={choose}
        onHover={setActive}
      />
      <p role="status" className="mt-2 px-1 text-xs text-slate-600 dark:text-slate-300">
        {status}
      </p>
    </dialog>
  );
}
