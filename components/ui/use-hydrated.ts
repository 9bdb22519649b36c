"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and until React has hydrated this component, true after. A button that works
 * only through an onClick handler is inert before hydration: on a slow device a click there would be lost
 * without a trace, so such buttons stay disabled until this turns true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
