/** Jira rejects a summary longer than this many characters. */
export const JIRA_SUMMARY_LIMIT = 255;

/**
 * A Jira summary from a title: one line, at most 255 characters, cut with
 * "…" when longer so the preview shows that it was cut.
 */
export function jiraSummary(title: string): { summary: string; isCut: boolean } {
  const line = title.replace(/\s+/g, " ").trim();
  if (line.length <= JIRA_SUMMARY_LIMIT) return { summary: line, isCut: false };
  let kept = line.slice(0, JIRA_SUMMARY_LIMIT - 1);
  // Never split an emoji or other astral character in half.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return { summary: `${kept.trimEnd()}…`, isCut: true };
}
