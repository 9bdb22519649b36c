import { PALETTE_KINDS, type PaletteEntry } from "./entry";

/** How well `text` matches `needle` (both lower case): 0 for no match, higher for better. */
export function matchScore(text: string, needle: string): number {
  if (!needle) return 1;
  if (text === needle) return 100;
  if (text.startsWith(needle)) return 80;
  const at = text.indexOf(needle);
  if (at > 0 && /[\s\-_/.:(]/.test(text[at - 1]!)) return 60;
  if (at > 0) return 40;
  return subsequenceScore(text, needle);
}

/** Every character of `needle` in order ("spr rep" in "sprint reports"): 1–20, fewer gaps score higher. */
function subsequenceScore(text: string, needle: string): number {
  let from = 0;
  let gaps = 0;
  for (const char of needle) {
    if (char === " ") continue;
    const at = text.indexOf(char, from);
    if (at < 0) return 0;
    if (at > from) gaps += 1;
    from = at + 1;
  }
  return Math.max(1, 20 - gaps * 2);
}

/**
 * An entry's score: its label counts fully; a keyword or the detail a little less, and only for a contiguous match
 * (a long issue title contains the letters of almost anything in order).
 */
function entryScore(entry: PaletteEntry, needle: string): number {
  const label = matchScore(entry.label.toLowerCase(), needle);
  const others = [...(entry.keywords ?? []), entry.detail ?? ""].map((text) => {
    const score = matchScore(text.toLowerCase(), needle);
    return score >= 40 ? score - 5 : 0;
  });
  return Math.max(label, ...others);
}

/**
 * The entries that match `query`, best first, at most `limit`. An empty query
 * keeps the given order. Ties go by kind (pages first), then shorter label,
 * then alphabetically, so the order never depends on how entries arrived.
 */
export function rankEntries(entries: PaletteEntry[], query: string, limit = 20): PaletteEntry[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return entries.slice(0, limit);
  return entries
    .map((entry) => ({ entry, score: entryScore(entry, needle) }))
    .filter(({ score }) => score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        PALETTE_KINDS.indexOf(a.entry.kind) - PALETTE_KINDS.indexOf(b.entry.kind) ||
        a.entry.label.length - b.entry.label.length ||
        a.entry.label.localeCompare(b.entry.label),
    )
    .slice(0, limit)
    .map(({ entry }) => entry);
}
