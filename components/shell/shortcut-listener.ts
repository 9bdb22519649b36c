import { IDLE, goPath, readKeyPress, type SequenceState } from "@/lib/domain/shortcuts/key-sequence";

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

export type ShortcutActions = {
  orgSlug: string;
  navigate: (path: string) => void;
  openHelp: () => void;
  openPalette: () => void;
  /** A dialog of ours is open: it handles its own keys (Esc, arrows), and a shortcut must not act behind it. */
  overlayOpen: () => boolean;
};

/**
 * Listens for the org pages' shortcuts (`g` + letter, `/`, `?`, Ctrl/⌘+K) and answers a function that stops
 * listening. Part of the shortcuts chunk, loaded after the page has hydrated, so not in any page's first-load JavaScript.
 */
export function listenForShortcuts(actions: ShortcutActions): () => void {
  let sequence: SequenceState = IDLE;
  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.isComposing || actions.overlayOpen()) return;
    const outcome = readKeyPress(sequence, {
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      isTyping: isTypingIn(event.target),
      at: event.timeStamp,
    });
    sequence = outcome.state;
    const command = outcome.command;
    if (!command) return;
    event.preventDefault();
    if (command.kind === "go") actions.navigate(goPath(actions.orgSlug, command.target));
    else if (command.kind === "help") actions.openHelp();
    else if (command.kind === "palette") actions.openPalette();
    else {
      const field = findSearchField();
      if (field) field.focus();
      else actions.openPalette();
    }
  }
  window.addEventListener("keydown", onKeyDown);
  // Says the shortcuts are live (they arrive a moment after the page), for anyone who must wait for them.
  document.documentElement.dataset.shortcuts = "on";
  return () => {
    window.removeEventListener("keydown", onKeyDown);
    delete document.documentElement.dataset.shortcuts;
  };
}
