import type { StoryInput } from "./schema";

/**
 * Stories pasted as text, so a manager can write a feature's stories in their
 * editor of choice and paste them in one go. Pure; the result still goes
 * through `featureRequestSchema`, which checks lengths and ranges — this only
 * reads the structure, and reports what it cannot read with its line number.
 *
 * The format:
 *
 *     ## As a dispatcher I can see berth availability
 *     Estimate: 5
 *     Component: Berths
 *     Acceptance criteria:
 *     - Shows free berths for the next 7 days
 *     - Updates within a minute of a booking
 *     Checklist:
 *     - [ ] API endpoint for berth availability
 *     - [ ] Availability grid component
 *
 * - A `#`, `##` or `###` heading starts a story; its text is the title.
 * - `Estimate:` takes story points: `5`, `2.5`, `5 points` or `5 pts` (empty or `?`
 *   for none). `Points:` and `Story points:` work too.
 * - `Component:` names the story's Jira component.
 * - `Acceptance criteria:` is followed by bullets (`-`, `*`, `+`, `1.`) or plain
 *   lines, one criterion each, until the next label or heading. Lines under a
 *   heading before any label count as acceptance criteria too.
 * - `Checklist:` (or `Subtasks:`) is followed by bullets — `- [ ] item`,
 *   `- [x] item`, `- item` or `* item` — each of which becomes a subtask.
 * - Labels are case-insensitive and may be bold (`**Estimate:** 5`). Any other
 *   `Label:` line is an error, as is text before the first heading.
 * - Blank lines are ignored; Windows line endings are fine.
 *
 * Without any heading, a plain bullet list is read as one story per bullet,
 * with an optional estimate at the end in brackets, and indented bullets under
 * a story as its checklist:
 *
 *     - Berth availability grid (5)
 *       - [ ] API endpoint
 *     - Booking reminders [3 pts]
 *     - Export to CSV
 */
export type MarkdownError = { line: number; message: string };
export type ParsedStories = { stories: StoryInput[]; errors: MarkdownError[] };

type Label = "estimate" | "component" | "criteria" | "checklist";

const LABELS: Record<string, Label> = {
  estimate: "estimate",
  points: "estimate",
  "story points": "estimate",
  component: "component",
  "acceptance criteria": "criteria",
  checklist: "checklist",
  subtasks: "checklist",
};
const LABEL_NAMES = "Estimate, Component, Acceptance criteria or Checklist";

const HEADING = /^ {0,3}(#+)(?:[ \t]+(.*?))?[ \t]*$/;
const BULLET = /^([ \t]*)(?:[-*+•]|\d+[.)])[ \t]+(.*)$/;
const CHECKBOX = /^\[[ xX]?\][ \t]*/;
/** Up to three words then a colon, optionally in bold: `Estimate:`, `**Story points:**`. */
const LABEL = /^(?:\*\*|__)?([A-Za-z]+(?: [A-Za-z]+){0,2})[ \t]*(?:\*\*|__)?:(?:\*\*|__)?(.*)$/;
const POINTS = /^(\d+(?:\.\d+)?)(?:[ \t]*(?:points?|pts?|sp))?$/i;
const TRAILING_ESTIMATE =
  /^(.*?)[ \t]*(?:\((\d+(?:\.\d+)?)[ \t]*(?:points?|pts?|sp)?\)|\[(\d+(?:\.\d+)?)[ \t]*(?:points?|pts?|sp)?\])$/i;

export function parseStoriesMarkdown(text: string): ParsedStories {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const hasHeadings = lines.some((line) => (HEADING.exec(line)?.[1]?.length ?? Infinity) <= 3);
  return hasHeadings ? parseSections(lines) : parseBulletList(lines);
}

type Draft = {
  story: StoryInput;
  criteria: string[];
  estimateLine: number | null;
  componentLine: number | null;
  /** A heading without a title: its lines are read (to report their errors) but it is not returned. */
  isDropped: boolean;
};

function parseSections(lines: string[]): ParsedStories {
  const drafts: Draft[] = [];
  const errors: MarkdownError[] = [];
  let draft: Draft | null = null;
  let section: "criteria" | "checklist" = "criteria";

  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const number = index + 1;
    const fail = (message: string) => errors.push({ line: number, message });
    if (line.trim() === "") return;

    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 0;
      if (level > 3) return fail(`Only #, ## and ### headings start stories; this one has ${level} #s`);
      const title = (heading[2] ?? "").replace(/[ \t]+#+$/, "").trim();
      if (title === "") fail("This story heading has no title");
      draft = {
        story: emptyStory(title),
        criteria: [],
        estimateLine: null,
        componentLine: null,
        isDropped: title === "",
      };
      drafts.push(draft);
      section = "criteria";
      return;
    }
    if (draft === null) return fail("Text before the first story; start each story with a heading such as ## Title");

    const bullet = BULLET.exec(line);
    const label = bullet ? null : readLabel(line);
    if (label?.kind === "unknown") return fail(`Unknown label "${label.name}:"; use ${LABEL_NAMES}`);
    if (label?.kind === "estimate") {
      if (draft.estimateLine !== null)
        return fail(`Estimate is given twice for this story (first on line ${draft.estimateLine})`);
      draft.estimateLine = number;
      const points = readPoints(label.value);
      if (points === undefined) fail(`Estimate must be a number such as 5 or "5 points", not "${label.value}"`);
      else draft.story.estimate = points;
      return;
    }
    if (label?.kind === "component") {
      if (draft.componentLine !== null)
        return fail(
          `Component is given twice for this story (first on line ${draft.componentLine}); a story has one component`,
        );
      draft.componentLine = number;
      draft.story.component = label.value || null;
      return;
    }
    if (label) {
      section = label.kind;
      // `Checklist: Write the API` is the first item, as if it were on its own bullet.
      if (label.value) addLine(draft, section, label.value, true, fail);
      return;
    }
    addLine(draft, section, bullet ? (bullet[2] ?? "") : line.trim(), bullet !== null, fail);
  });

  const stories = drafts
    .filter((each) => !each.isDropped)
    .map((each) => ({ ...each.story, acceptanceCriteria: each.criteria.join("\n") }));
  return { stories, errors };
}

function addLine(
  draft: Draft,
  section: "criteria" | "checklist",
  content: string,
  isBullet: boolean,
  fail: (message: string) => void,
): void {
  if (section === "criteria") {
    draft.criteria.push(content.trim());
    return;
  }
  if (!isBullet) return fail("Checklist lines must be bullets, such as - [ ] Write the API");
  const item = content.replace(CHECKBOX, "").trim();
  if (item === "") return fail("This checklist item is empty");
  draft.story.checklist.push(item);
}

type ReadLabel = { kind: Label; value: string } | { kind: "unknown"; name: string };

/** A known label even when the value follows the colon directly; an unknown one only when a space or the line end does, so URLs and times stay text. */
function readLabel(line: string): ReadLabel | null {
  const match = LABEL.exec(line.trim());
  if (!match) return null;
  const name = match[1] ?? "";
  const rest = match[2] ?? "";
  const kind = LABELS[name.toLowerCase().replace(/\s+/g, " ")];
  if (kind) return { kind, value: rest.trim() };
  return rest === "" || /^\s/.test(rest) ? { kind: "unknown", name } : null;
}

/** Points, null for "no estimate", undefined when unreadable. */
function readPoints(value: string): number | null | undefined {
  if (value === "" || value === "?") return null;
  const match = POINTS.exec(value);
  return match ? Number(match[1]) : undefined;
}

function parseBulletList(lines: string[]): ParsedStories {
  const stories: StoryInput[] = [];
  const errors: MarkdownError[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line.trim() === "") return;
    const bullet = BULLET.exec(line);
    const fail = (message: string) => errors.push({ line: index + 1, message });
    if (!bullet) return fail("Expected a story: a heading such as ## Title, or a bullet such as - Title (3)");

    const isIndented = (bullet[1] ?? "") !== "";
    const content = (bullet[2] ?? "").replace(CHECKBOX, "").trim();
    const previous = stories.at(-1);
    if (isIndented && previous) {
      if (content === "") return fail("This checklist item is empty");
      previous.checklist.push(content);
      return;
    }
    const estimated = TRAILING_ESTIMATE.exec(content);
    const title = (estimated ? (estimated[1] ?? "") : content).trim();
    if (title === "") return fail("This story has no title");
    const story = emptyStory(title);
    if (estimated) story.estimate = Number(estimated[2] ?? estimated[3]);
    stories.push(story);
  });
  return { stories, errors };
}

function emptyStory(title: string): StoryInput {
  return { title, acceptanceCriteria: "", estimate: null, component: null, checklist: [] };
}
