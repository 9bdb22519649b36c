"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { IDLE, goPath, readKeyPress, type SequenceState } from "@/lib/domain/shortcuts/key-sequence";
import { ShortcutHelpDialog } from "./shortcut-help-dialog";

/** Loaded the first time it opens, so no page carries the palette's code in its first-load JS. */
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), {
  ssr: false,
  loading: () => null,
});

/** Focus is somewhere keys mean text: a text field, a select, or editable content. */
function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(target.type);
}

/** The page's own search field: the first search input, or the first field of a search landmark. */
function findSearchField(): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    'input[type="search"], [role="search"] input:not([type="hidden"]):not([disabled])',
  );
}

/**
 * The org pages' keyboard shortcuts (`g` + letter, `/`, `?`, Ctrl/⌘+K) with
 * their help dialog and the command palette. In the header it shows the one
 * control a mouse or touch user needs: a button that opens the palette.
 */
export function KeyboardShortcuts({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const sequence = useRef<SequenceState>(IDLE);
  const [helpOpen, setHelpOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const overlayOpen = helpOpen || paletteOpen;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // The dialogs handle their own keys (Esc, arrows); a shortcut must not act behind them.
      if (event.defaultPrevented || event.isComposing || overlayOpen) return;
      const outcome = readKeyPress(sequence.current, {
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        isTyping: isTypingIn(event.target),
        at: event.timeStamp,
      });
      sequence.current = outcome.state;
      const command = outcome.command;
      if (!command) return;
      event.preventDefault();
      if (command.kind === "go") router.push(goPath(orgSlug, command.target));
      else if (command.kind === "help") setHelpOpen(true);
      else if (command.kind === "palette") setPaletteOpen(true);
      else {
        const field = findSearchField();
        if (field) field.focus();
        else setPaletteOpen(true);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [orgSlug, router, overlayOpen]);

  return (
    <>
      <button
        type="button"
        onClick={() => setPaletteOpen(true)}
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
      {helpOpen && <ShortcutHelpDialog onClose={() => setHelpOpen(false)} />}
      {paletteOpen && <CommandPalette orgSlug={orgSlug} onClose={() => setPaletteOpen(false)} />}
    </>
  );
}
