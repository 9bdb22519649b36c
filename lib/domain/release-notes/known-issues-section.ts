import { escapeMarkdown } from "./escape-markdown";
import { countOf } from "./format";
import { markdownLink } from "./links";
import type { ReleaseNotesOptions } from "./options";
import type { KnownIssue } from "./types";

/**
 * The "Known issues" lines, most users affected first (then most events,
 * then short id so ties are stable), at most `maxKnownIssues`. Customers see
 * titles only: Sentry ids and links mean nothing outside the team. Empty when
 * there is nothing to list.
 */
export function knownIssuesSection(
  knownIssues: KnownIssue[],
  options: Pick<ReleaseNotesOptions, "variant" | "maxKnownIssues">,
): string[] {
  const limit = Number.isFinite(options.maxKnownIssues) ? Math.max(0, Math.floor(options.maxKnownIssues)) : 0;
  const shown = [...knownIssues].sort(byImpact).slice(0, limit);
  if (shown.length === 0) return [];
  const lines = shown.map((issue) => {
    const title = escapeMarkdown(issue.title);
    if (options.variant === "customer") return `- ${title}`;
    return `- ${title} (${markdownLink(escapeMarkdown(issue.shortId), issue.permalink)}) — ${countOf(issue.users, "user")}, ${countOf(issue.events, "event")}`;
  });
  return ["## Known issues", "", ...lines];
}

function byImpact(a: KnownIssue, b: KnownIssue): number {
  return b.users - a.users || b.events - a.events || (a.shortId < b.shortId ? -1 : a.shortId > b.shortId ? 1 : 0);
}
