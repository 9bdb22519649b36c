import { type AdfDoc, type AdfNode, adfBulletList, adfDoc, adfLink, adfParagraph, adfText } from "@/lib/domain/adf";
import { points } from "./points";

/**
 * The Atlassian Document Format descriptions of the epic and its stories. A
 * story carries its acceptance criteria as a checklist-like bullet list, the
 * business value so whoever picks it up knows why it matters, and the epic's
 * name, linked to a Jira search for it when the site is known (the epic has
 * no key until it is created).
 */
const strong = [{ type: "strong" }];

export function epicDescription(businessValue: string, stories: { title: string; estimate: number | null }[]): AdfDoc {
  return adfDoc(
    ...businessValueNodes(businessValue, "Business value"),
    // ADF rejects an empty list.
    ...(stories.length > 0
      ? [
          adfParagraph(adfText("Stories", strong)),
          adfBulletList(
            stories.map((story) =>
              listItem(`${story.title} (${story.estimate === null ? "no estimate" : points(story.estimate)})`),
            ),
          ),
        ]
      : []),
  );
}

export function storyDescription({
  acceptanceCriteria,
  businessValue,
  epicSummary,
  epicSearchUrl,
}: {
  acceptanceCriteria: string;
  businessValue: string;
  epicSummary: string;
  epicSearchUrl: string | null;
}): AdfDoc {
  const criteria = criteriaLines(acceptanceCriteria);
  return adfDoc(
    adfParagraph(adfText("Acceptance criteria", strong)),
    criteria.length > 0 ? adfBulletList(criteria.map(listItem)) : adfParagraph(adfText("None given yet.")),
    ...businessValueNodes(businessValue, "Why it matters"),
    adfParagraph(
      adfText("Part of the epic "),
      epicSearchUrl ? adfLink(epicSummary, epicSearchUrl) : adfText(`"${epicSummary}"`),
      adfText("."),
    ),
  );
}

/** One criterion per line, without the bullet or number it was typed with. */
export function criteriaLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, "").trim())
    .filter((line) => line !== "");
}

/**
 * A Jira search that finds the epic by name: `jiraBrowseUrl` is the site
 * (`https://acme.atlassian.net`, with or without `/browse`).
 */
export function epicSearchUrl(
  jiraBrowseUrl: string | undefined,
  projectKey: string,
  epicSummary: string,
): string | null {
  const site = jiraBrowseUrl
    ?.trim()
    .replace(/\/+$/, "")
    .replace(/\/browse$/, "");
  if (!site) return null;
  const name = epicSummary.replace(/["\\]/g, (char) => `\\${char}`);
  const jql = `project = "${projectKey}" AND issuetype = Epic AND summary ~ "${name}"`;
  return `${site}/issues/?jql=${encodeURIComponent(jql)}`;
}

function businessValueNodes(businessValue: string, heading: string): AdfNode[] {
  const paragraphs = businessValue
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (paragraphs.length === 0) return [];
  return [adfParagraph(adfText(heading, strong)), ...paragraphs.map((line) => adfParagraph(adfText(line)))];
}

function listItem(text: string): AdfNode {
  return { type: "listItem", content: [adfParagraph(adfText(text))] };
}
