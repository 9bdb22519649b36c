"use client";

import dynamic from "next/dynamic";
import { JumpButton } from "./jump-button";
import { listenForShortcuts } from "./shortcut-listener";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** Loaded the first time `?` asks for it: most visits never open it. */
const ShortcutHelpDialog = dynamic(() => import("./shortcut-help-dialog").then((m) => m.ShortcutHelpDialog), {
  ssr: false,
  loading: () => null,
});

/** Loaded the first time it opens, so no page carries the palette's code in its first-load JS. */
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), {
  ssr: false,
  loading: () => null,
});

/**
 * The org pages' keyboard shortcuts (`g` + letter, `/`, `?`, Ctrl/⌘+K) with
 * their help dialog and the command palette. In the header it shows the one
 * control a mouse or touch user needs: a button that opens the palette.
 */
export function KeyboardShortcuts({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const [helpOpen, setHelpOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const overlayOpen = helpOpen || paletteOpen;

  // Read by the listener at each key press, so it is set up once and never re-attached.
  const overlay = useRef(false);
  useEffect(() => {
    overlay.current = overlayOpen;
  }, [overlayOpen]);

  // This component is itself loaded after hydration (shortcuts.tsx), so the listener needs no chunk of its own.
  useEffect(
    () =>
      listenForShortcuts({
        orgSlug,
        navigate: (path) => router.push(path),
        openHelp: () => setHelpOpen(true),
        openPalette: () => setPaletteOpen(true),
        overlayOpen: () => overlay.current,
      }),
    [orgSlug, router],
  );

  return (
    <>
      <JumpButton onClick={() => setPaletteOpen(true)} />
      {helpOpen && <ShortcutHelpDialog onClose={() => setHelpOpen(false)} />}
      {paletteOpen && <CommandPalette orgSlug={orgSlug} onClose={() => setPaletteOpen(false)} />}
    </>
  );
}
