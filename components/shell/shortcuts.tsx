"use client";

import dynamic from "next/dynamic";
import { JumpButton } from "./jump-button";

/**
 * The keyboard shortcuts, the "Jump to…" button and the command palette, loaded as their own chunk once the page has
 * started (as the service-status poll is): none of their code is in a page's first-load JavaScript. Until then the
 * header shows the same button, inert.
 */
export const Shortcuts = dynamic(() => import("./keyboard-shortcuts").then((m) => m.KeyboardShortcuts), {
  ssr: false,
  loading: () => <JumpButton />,
});
