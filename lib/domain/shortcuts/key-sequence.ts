/**
 * The org pages' keyboard shortcuts as a small state machine: `g` then a letter
 * goes to a page, `/` searches the page, `?` lists the shortcuts and Ctrl/⌘+K
 * opens the command palette. Pure: the caller hands in each key press with its
 * time and whether the user was typing, and gets back what to do.
 */

/** Where `g` + letter goes: `segment` is the path under /{orgSlug} ("" is the overview). */
export const GO_TARGETS = [
  { key: "o", segment: "", label: "Overview" },
  { key: "s", segment: "sprints", label: "Sprints" },
  { key: "e", segment: "errors", label: "Errors" },
  { key: "r", segment: "releases", label: "Releases" },
  { key: "i", segment: "insights", label: "Insights" },
  { key: "p", segment: "performance", label: "Performance" },
  { key: "a", segment: "automations", label: "Automations" },
] as const;

export type GoTarget = (typeof GO_TARGETS)[number];

/** A second key more than this long after `g` starts afresh. */
export const SEQUENCE_TIMEOUT_MS = 1_000;

export type ShortcutCommand =
  { kind: "go"; target: GoTarget } | { kind: "focus-search" } | { kind: "help" } | { kind: "palette" };

/** One key press as the shortcut logic needs it. `isTyping`: focus is in a text field or editable content. */
export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isTyping: boolean;
  /** Milliseconds on any steady clock (an event's timeStamp). */
  at: number;
};

/** `g` pressed at `since`, waiting for the letter; or nothing pending. */
export type SequenceState = { pendingSince: number | null };

export const IDLE: SequenceState = { pendingSince: null };

export type KeyOutcome = { state: SequenceState; command: ShortcutCommand | null };

const idle = (command: ShortcutCommand | null = null): KeyOutcome => ({ state: IDLE, command });

/**
 * What one key press does. Keys typed into a field, and keys held with Ctrl,
 * ⌘ or Alt, are left alone — except Ctrl/⌘+K, which opens the palette from
 * anywhere. Shift is allowed because `?` needs it on most layouts.
 */
export function readKeyPress(state: SequenceState, press: KeyPress): KeyOutcome {
  const { key, ctrlKey, metaKey, altKey, isTyping, at } = press;
  if ((ctrlKey || metaKey) && !altKey && key.toLowerCase() === "k") return idle({ kind: "palette" });
  if (isTyping || ctrlKey || metaKey || altKey) return idle();

  const waiting = state.pendingSince !== null && at - state.pendingSince <= SEQUENCE_TIMEOUT_MS;
  if (waiting) {
    const target = GO_TARGETS.find((t) => t.key === key.toLowerCase());
    if (target) return idle({ kind: "go", target });
  }
  if (key === "g" || key === "G") return { state: { pendingSince: at }, command: null };
  if (key === "/") return idle({ kind: "focus-search" });
  if (key === "?") return idle({ kind: "help" });
  return idle();
}

/** The help dialog's list: every shortcut, as the keys to press in turn and what they do. */
export const SHORTCUT_LIST: { keys: string[]; description: string }[] = [
  ...GO_TARGETS.map((t) => ({ keys: ["g", t.key], description: `Go to ${t.label}` })),
  { keys: ["/"], description: "Search this page (or open the command palette)" },
  { keys: ["Ctrl", "K"], description: "Open the command palette (⌘K on a Mac)" },
  { keys: ["?"], description: "Show these keyboard shortcuts" },
];

/** The path a go command leads to. */
export function goPath(orgSlug: string, target: GoTarget): string {
  return target.segment ? `/${orgSlug}/${target.segment}` : `/${orgSlug}`;
}
