"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
// The two modules themselves, not the time barrel: the browser needs neither zones nor calendar formatting.
import { formatAge } from "@/lib/domain/time/age";
import { formatRelative } from "@/lib/domain/time/relative";

/** Labels are recomputed every half minute; under that, the server's words stand (they say "just now" anyway). */
export const TICK_MS = 30_000;

let tick = 1;
/** When the last tick happened, on this page's clock (`performance.now()`). */
let tickedAt = typeof performance === "undefined" ? 0 : performance.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    tick += 1;
    tickedAt = performance.now();
    for (const notify of listeners) notify();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Set once the first labels are on screen: labels mounted later came with a client navigation, rendered just now. */
let documentLabelsMounted = false;

type Navigation = { serverTiming?: readonly { name: string; duration: number }[] } | undefined;

/**
 * How much older than its render the document is, `sinceNavigationMs` after navigation began: the age the render
 * had when it was answered (`Server-Timing: age`, sent when a kept render is answered, lib/platform/render-cache)
 * plus the time since. Only the server's clock and this page's own are used, never the browser's wall clock,
 * which may be set wrong. No navigation entry (not a browser): no age.
 */
export function documentAgeMs(navigation: Navigation, sinceNavigationMs: number): number {
  if (!navigation) return 0;
  return (navigation.serverTiming?.find((entry) => entry.name === "age")?.duration ?? 0) + sinceNavigationMs;
}

/** The words for `at`, `elapsedMs` after the server rendered them at `renderedAt`; the server's own under a tick. */
export function phraseAt(kind: "relative" | "age", at: string, renderedAt: string, elapsedMs: number): string {
  const rendered = Date.parse(renderedAt);
  const now = new Date(elapsedMs >= TICK_MS ? rendered + elapsedMs : rendered);
  return kind === "age" ? formatAge(new Date(at), now) : formatRelative(new Date(at), now);
}

/**
 * A relative time ("2 h ago", or a freshness age, "3 min ago") that stays true while the page is open and when the
 * page was answered from a kept render: it counts from the server's moment of rendering (`renderedAt`). Hydration
 * sees the server's words; the browser's come after it.
 */
export function RelativeTime({ at, renderedAt, kind }: { at: string; renderedAt: string; kind: "relative" | "age" }) {
  const current = useSyncExternalStore(
    subscribe,
    () => tick,
    () => 0,
  );
  const [origin] = useState(() =>
    typeof window === "undefined"
      ? null
      : {
          perf: performance.now(),
          age: documentLabelsMounted
            ? 0
            : documentAgeMs(performance.getEntriesByType?.("navigation")[0] as Navigation, performance.now()),
        },
  );
  useEffect(() => {
    documentLabelsMounted = true;
  }, []);
  const elapsed = current > 0 && origin ? origin.age + Math.max(0, tickedAt - origin.perf) : 0;
  return <>{phraseAt(kind, at, renderedAt, elapsed)}</>;
}
