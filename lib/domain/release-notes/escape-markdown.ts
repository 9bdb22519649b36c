/**
 * Makes text from Jira or Sentry safe to drop into one Markdown list item or
 * heading: characters that would start a link, emphasis, code or HTML are
 * backslash-escaped (the backslash first, so an escape in the text cannot
 * cancel ours), and line breaks become spaces so a value cannot end the item.
 */
const SPECIAL = /[\\`*_[\]<>]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim()
    .replace(SPECIAL, (char) => `\\${char}`);
}
