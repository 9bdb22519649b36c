/**
 * Sentry short ids a pull request says it fixes: "Fixes WEB-G", "resolves WEB-G, API-1A and API-2",
 * "Closes: BACKEND-3K". The keyword is case-insensitive (fix, fixes, fixed, resolve(s|d), close(s|d));
 * upper-case ids follow it, separated by commas, spaces or "and". In order of first mention, once each.
 */
const KEYWORD = /(?<![\w-])(?:fix(?:e[sd])?|resolve[sd]?|close[sd]?)\b\s*:?\s*/gi;
const ID = /^([A-Z][A-Z0-9_]*(?:-[A-Z0-9]+)+)(?![\w-])/;
const SEPARATOR = /^\s*(?:,|\band\b|&)?\s*/i;

export function extractFixedShortIds(...texts: (string | null | undefined)[]): string[] {
  const ids: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(KEYWORD)) {
      let rest = text.slice((match.index ?? 0) + match[0].length);
      for (;;) {
        const id = ID.exec(rest);
        if (!id?.[1]) break;
        const upper = id[1];
        if (!ids.includes(upper)) ids.push(upper);
        rest = rest.slice(id[0].length);
        const separator = SEPARATOR.exec(rest);
        const consumed = separator?.[0] ?? "";
        if (consumed.length === 0) break;
        rest = rest.slice(consumed.length);
      }
    }
  }
  return ids;
}
