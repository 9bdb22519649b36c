"use client";

import { useEffect, useState } from "react";
import type { PaletteEntry } from "@/lib/domain/palette/entry";

export type PaletteSearch = { status: "loading" | "ready" | "error"; results: PaletteEntry[]; message?: string };

/** Waits this long after the last keystroke before asking, so fast typing makes one request. */
const DEBOUNCE_MS = 120;

/**
 * The palette's results for `query` from /api/orgs/{org}/palette, debounced;
 * an answer to an older query that arrives late is dropped (its request aborted).
 */
export function usePaletteResults(orgSlug: string, query: string): PaletteSearch {
  const [search, setSearch] = useState<PaletteSearch>({ status: "loading", results: [] });

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(
          `/api/orgs/${encodeURIComponent(orgSlug)}/palette?${new URLSearchParams({ q: query })}`,
          { cache: "no-store", signal: controller.signal },
        );
        const body = (await response.json()) as { results?: PaletteEntry[]; fields?: Record<string, string> };
        if (!response.ok) {
          const reason = body.fields?.q ? `The search ${body.fields.q}.` : "The search is not available right now.";
          return setSearch({ status: "error", results: [], message: reason });
        }
        setSearch({ status: "ready", results: body.results ?? [] });
      } catch (error) {
        if (controller.signal.aborted) return;
        setSearch({ status: "error", results: [], message: `The search did not answer (${String(error)}).` });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [orgSlug, query]);

  return search;
}
