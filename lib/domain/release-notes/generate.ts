import { escapeMarkdown } from "./escape-markdown";
import { type IssueGroup, type IssueSection, groupIssues } from "./group-issues";
import { healthSection } from "./health-section";
import type { IssueKind } from "./issue-kind";
import { knownIssuesSection } from "./known-issues-section";
import { jiraIssueUrl, markdownLink } from "./links";
import { type ReleaseNotesOptions, withDefaults } from "./options";
import { type ListedIssue, selectIssues } from "./select-issues";
import type { ReleaseNotes, ReleaseNotesCounts, ReleaseNotesInput } from "./types";

const SECTION_TITLES: Record<IssueKind, string> = {
  feature: "New features",
  improvement: "Improvements",
  fix: "Bug fixes",
};

/**
 * Release notes as Markdown: a title, when it shipped, the changes by
 * section and group, release health and known issues. The result is a
 * starting point people edit before publishing, so it sticks to headings,
 * lists, links and emphasis that `markdownToHtml` previews.
 */
export function generateReleaseNotes(input: ReleaseNotesInput, options?: Partial<ReleaseNotesOptions>): ReleaseNotes {
  const settings = withDefaults(options);
  const { listed, excluded, notDone } = selectIssues(input.issues, settings);
  const sections = groupIssues(listed, settings.groupBy);
  const title = `Release ${input.version}`;

  const blocks: string[][] = [[`# ${escapeMarkdown(title)}`]];
  const when = releaseLine(input, settings.variant);
  if (when) blocks.push([when]);
  const forecast = forecastLine(input, settings.variant);
  if (forecast) blocks.push([forecast]);
  if (sections.length === 0) blocks.push(["No changes are listed for this release."]);
  for (const section of sections) blocks.push(...sectionBlocks(section, input.jiraBrowseUrl, settings));
  if (input.health) blocks.push(healthSection(input.health, settings.variant));
  const known = knownIssuesSection(input.knownIssues, settings);
  if (known.length > 0) blocks.push(known);

  const count = (kind: IssueKind) => listed.filter((item) => item.kind === kind).length;
  const counts: ReleaseNotesCounts = {
    features: count("feature"),
    improvements: count("improvement"),
    fixes: count("fix"),
    excluded,
    notDone,
  };
  return { markdown: `${blocks.map((lines) => lines.join("\n")).join("\n\n")}\n`, title, counts };
}

/**
 * When it shipped. An unreleased version's Jira date is only a plan: the
 * team sees it, customers see no line at all rather than a date that may slip.
 */
function releaseLine(input: ReleaseNotesInput, variant: ReleaseNotesOptions["variant"]): string | null {
  const date = input.releaseDate?.trim() ? escapeMarkdown(input.releaseDate) : null;
  if (input.released) return date ? `_Released ${date}_` : "_Released_";
  if (variant === "customer") return null;
  return date ? `_Not released yet (planned for ${date})_` : "_Not released yet_";
}

/** The team's forecast for an unreleased version's open work; customers never see a date that may slip. */
function forecastLine(input: ReleaseNotesInput, variant: ReleaseNotesOptions["variant"]): string | null {
  if (input.released || variant === "customer" || !input.forecast) return null;
  const { board, openIssues, p50, p85 } = input.forecast;
  return `_Forecast: the ${openIssues} open issue(s) are done by ${escapeMarkdown(p50)} (P50) or ${escapeMarkdown(p85)} (P85), from ${escapeMarkdown(board)}'s past sprints_`;
}

function sectionBlocks(section: IssueSection, jiraBrowseUrl: string, options: ReleaseNotesOptions): string[][] {
  const blocks: string[][] = [[`## ${SECTION_TITLES[section.kind]}`]];
  // A lone "Other" heading says nothing: the section then is one plain list.
  const onlyOther = section.groups.length === 1 && section.groups[0]?.name === null;
  for (const group of section.groups) {
    if (!onlyOther) blocks.push([`### ${groupTitle(group)}`]);
    blocks.push(group.items.map((item) => itemLine(item, jiraBrowseUrl, options)));
  }
  return blocks;
}

function groupTitle(group: IssueGroup): string {
  return group.name === null ? "Other" : escapeMarkdown(group.name);
}

function itemLine({ issue, done }: ListedIssue, jiraBrowseUrl: string, options: ReleaseNotesOptions): string {
  let line = `- ${escapeMarkdown(issue.summary)}`;
  if (options.variant === "internal" || !options.hideKeysForCustomers)
    line += ` (${markdownLink(escapeMarkdown(issue.key), jiraIssueUrl(jiraBrowseUrl, issue.key))})`;
  if (options.variant === "internal" && !done) {
    const status = escapeMarkdown(issue.statusName);
    line += status ? ` — *not done: ${status}*` : " — *not done*";
  }
  return line;
}
