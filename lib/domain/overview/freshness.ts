/** How old a panel's data is: the oldest of the reads behind it, stale if any of them is. Pure. */
export type PanelFreshness = { fetchedAt: Date; stale: boolean; error: string | null };

export function oldestFreshness(parts: readonly PanelFreshness[], fallback: Date): PanelFreshness {
  if (parts.length === 0) return { fetchedAt: fallback, stale: false, error: null };
  return {
    fetchedAt: new Date(Math.min(...parts.map((p) => p.fetchedAt.getTime()))),
    stale: parts.some((p) => p.stale),
    error: parts.find((p) => p.error)?.error ?? null,
  };
}
