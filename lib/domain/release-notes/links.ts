/**
 * Link targets for the generated Markdown. Only http(s) URLs become links, so
 * a bad permalink or browse URL cannot put a `javascript:` link into notes
 * that are published and rendered elsewhere. Characters that would end or
 * bend a Markdown link destination are percent-encoded.
 */
const DESTINATION_BREAKERS = /[\s()<>\\]/g;

export function safeHttpUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    new URL(trimmed);
  } catch {
    return null;
  }
  return trimmed.replace(
    DESTINATION_BREAKERS,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/** `[label](url)` when the URL is http(s), else the label alone. `label` must already be escaped. */
export function markdownLink(label: string, url: string): string {
  const href = safeHttpUrl(url);
  return href ? `[${label}](${href})` : label;
}

/** The browse URL of a Jira issue; trailing slashes on the base are tolerated. */
export function jiraIssueUrl(jiraBrowseUrl: string, key: string): string {
  return `${jiraBrowseUrl.trim().replace(/\/+$/, "")}/${encodeURIComponent(key)}`;
}
