import { describe, expect, it } from "vitest";
import { parseStoriesMarkdown } from "./markdown";
import { featureRequestSchema } from "./schema";

const EXAMPLE = `## As a dispatcher I can see berth availability
Estimate: 5
Component: Berths
Acceptance criteria:
- Shows free berths for the next 7 days
- Updates within a minute of a booking
Checklist:
- [ ] API endpoint for berth availability
- [ ] Availability grid component
`;

const story = (
  title: string,
  overrides: Partial<{
    acceptanceCriteria: string;
    estimate: number | null;
    component: string | null;
    checklist: string[];
  }> = {},
) => ({
  title,
  acceptanceCriteria: "",
  estimate: null,
  component: null,
  checklist: [],
  ...overrides,
});

describe("parseStoriesMarkdown: headings", () => {
  it("reads the documented example", () => {
    expect(parseStoriesMarkdown(EXAMPLE)).toEqual({
      stories: [
        story("As a dispatcher I can see berth availability", {
          estimate: 5,
          component: "Berths",
          acceptanceCriteria: "Shows free berths for the next 7 days\nUpdates within a minute of a booking",
          checklist: ["API endpoint for berth availability", "Availability grid component"],
        }),
      ],
      errors: [],
    });
  });

  it("gives stories the schema accepts", () => {
    const { stories } = parseStoriesMarkdown(EXAMPLE);
    expect(featureRequestSchema.safeParse({ name: "Berths", jiraProjectKey: "ACME", stories }).success).toBe(true);
  });

  it("tolerates Windows line endings", () => {
    expect(parseStoriesMarkdown(EXAMPLE.replace(/\n/g, "\r\n"))).toEqual(parseStoriesMarkdown(EXAMPLE));
  });

  it("starts a story at #, ## and ### headings, ignoring closing #s and blank lines", () => {
    const { stories, errors } = parseStoriesMarkdown("# First\n\n\n## Second ##\n\n### Third\nEstimate: 2");
    expect(errors).toEqual([]);
    expect(stories).toEqual([story("First"), story("Second"), story("Third", { estimate: 2 })]);
  });

  it.each([
    ["5", 5],
    ["2.5", 2.5],
    ["5 points", 5],
    ["1 point", 1],
    ["8 pts", 8],
    ["3pt", 3],
    ["", null],
    ["?", null],
  ])("reads the estimate %j as %j", (value, expected) => {
    const { stories, errors } = parseStoriesMarkdown(`## A story\nEstimate: ${value}`);
    expect(errors).toEqual([]);
    expect(stories[0]?.estimate).toBe(expected);
  });

  it("accepts labels in any case, in bold, and the Points and Subtasks aliases", () => {
    const { stories, errors } = parseStoriesMarkdown(
      "## A story\n**estimate:** 3\n**Component**: Customs\nACCEPTANCE CRITERIA:\n- It works\nSubtasks:\n- Write it",
    );
    expect(errors).toEqual([]);
    expect(stories).toEqual([
      story("A story", { estimate: 3, component: "Customs", acceptanceCriteria: "It works", checklist: ["Write it"] }),
    ]);
    expect(parseStoriesMarkdown("## A story\nStory points: 8").stories[0]?.estimate).toBe(8);
    expect(parseStoriesMarkdown("## A story\nPoints: 1").stories[0]?.estimate).toBe(1);
  });

  it("takes acceptance criteria as bullets, numbers or free lines until the next label", () => {
    const { stories } = parseStoriesMarkdown(
      [
        "## A story",
        "Acceptance criteria: Loads fast",
        "* Shows the grid",
        "1. Sorts by berth",
        "Works offline too",
        "Estimate: 3",
        "## Next",
      ].join("\n"),
    );
    expect(stories[0]?.acceptanceCriteria).toBe("Loads fast\nShows the grid\nSorts by berth\nWorks offline too");
    expect(stories[1]).toEqual(story("Next"));
  });

  it("counts lines under a heading before any label as acceptance criteria", () => {
    expect(parseStoriesMarkdown("## A story\n- Shows the grid\nEstimate: 2").stories).toEqual([
      story("A story", { acceptanceCriteria: "Shows the grid", estimate: 2 }),
    ]);
  });

  it("reads every checklist bullet form, ticked or not", () => {
    const { stories, errors } = parseStoriesMarkdown(
      "## A story\nChecklist: Design the API\n- [ ] Build the API\n- [x] Grid component\n- [X] Tests\n- Docs\n* Release note\n+ Demo",
    );
    expect(errors).toEqual([]);
    expect(stories[0]?.checklist).toEqual([
      "Design the API",
      "Build the API",
      "Grid component",
      "Tests",
      "Docs",
      "Release note",
      "Demo",
    ]);
  });

  it("keeps links and times in acceptance criteria as text", () => {
    const { stories, errors } = parseStoriesMarkdown(
      "## A story\nAcceptance criteria:\nMatches https://example.com/spec\nAt 10:30 the grid refreshes",
    );
    expect(errors).toEqual([]);
    expect(stories[0]?.acceptanceCriteria).toBe("Matches https://example.com/spec\nAt 10:30 the grid refreshes");
  });
});

describe("parseStoriesMarkdown: errors", () => {
  it("reports unknown labels with their line numbers and keeps reading", () => {
    const { stories, errors } = parseStoriesMarkdown(
      "## A story\nEstimate: 3\nOwner: Ken\n\nAcceptance criteria:\n- Works\nDue date: Friday",
    );
    expect(errors).toEqual([
      { line: 3, message: 'Unknown label "Owner:"; use Estimate, Component, Acceptance criteria or Checklist' },
      { line: 7, message: 'Unknown label "Due date:"; use Estimate, Component, Acceptance criteria or Checklist' },
    ]);
    expect(stories).toEqual([story("A story", { estimate: 3, acceptanceCriteria: "Works" })]);
  });

  it("counts lines the same way with Windows line endings", () => {
    expect(parseStoriesMarkdown("## A story\r\n\r\nOwner: Ken\r\n").errors).toEqual([
      { line: 3, message: expect.stringContaining('"Owner:"') },
    ]);
  });

  it("reports an unreadable or repeated estimate and a repeated component", () => {
    const { stories, errors } = parseStoriesMarkdown(
      "## A story\nEstimate: large\nEstimate: 3\nComponent: Berths\nComponent: Customs",
    );
    expect(errors).toEqual([
      { line: 2, message: 'Estimate must be a number such as 5 or "5 points", not "large"' },
      { line: 3, message: "Estimate is given twice for this story (first on line 2)" },
      { line: 5, message: "Component is given twice for this story (first on line 4); a story has one component" },
    ]);
    expect(stories).toEqual([story("A story", { component: "Berths" })]);
  });

  it("reports text before the first heading, deep headings, untitled headings and non-bullet checklist lines", () => {
    const { stories, errors } = parseStoriesMarkdown(
      "Feature notes\n## A story\n#### Detail\n##\nEstimate: 2\n## B story\nChecklist:\nWrite it\n- [ ]",
    );
    expect(errors).toEqual([
      { line: 1, message: "Text before the first story; start each story with a heading such as ## Title" },
      { line: 3, message: "Only #, ## and ### headings start stories; this one has 4 #s" },
      { line: 4, message: "This story heading has no title" },
      { line: 8, message: "Checklist lines must be bullets, such as - [ ] Write the API" },
      { line: 9, message: "This checklist item is empty" },
    ]);
    // The untitled story is left out, with its estimate.
    expect(stories).toEqual([story("A story"), story("B story")]);
  });
});

describe("parseStoriesMarkdown: a plain bullet list", () => {
  it("reads one story per bullet with estimates in brackets", () => {
    const { stories, errors } = parseStoriesMarkdown(
      "- Berth grid (3)\n- Booking reminders [3 pts]\n* Export to CSV\n- Customs forms (2.5 points)\n- Audit trail [8]",
    );
    expect(errors).toEqual([]);
    expect(stories).toEqual([
      story("Berth grid", { estimate: 3 }),
      story("Booking reminders", { estimate: 3 }),
      story("Export to CSV"),
      story("Customs forms", { estimate: 2.5 }),
      story("Audit trail", { estimate: 8 }),
    ]);
  });

  it("keeps brackets that are not an estimate in the title", () => {
    expect(
      parseStoriesMarkdown("- Support IPv6 (RFC 8200)\n- Retry [beta] uploads").stories.map((each) => [
        each.title,
        each.estimate,
      ]),
    ).toEqual([
      ["Support IPv6 (RFC 8200)", null],
      ["Retry [beta] uploads", null],
    ]);
  });

  it("reads indented bullets as the checklist of the story above, with CRLF", () => {
    expect(
      parseStoriesMarkdown("- Berth grid (3)\r\n  - [ ] API endpoint\r\n\t- Grid component\r\n- Export").stories,
    ).toEqual([story("Berth grid", { estimate: 3, checklist: ["API endpoint", "Grid component"] }), story("Export")]);
  });

  it("reports lines that are not bullets and bullets without a title", () => {
    const { stories, errors } = parseStoriesMarkdown("Stories:\n- Berth grid (3)\n- (5)\nEstimate: 3");
    expect(errors).toEqual([
      { line: 1, message: "Expected a story: a heading such as ## Title, or a bullet such as - Title (3)" },
      { line: 3, message: "This story has no title" },
      { line: 4, message: "Expected a story: a heading such as ## Title, or a bullet such as - Title (3)" },
    ]);
    expect(stories).toEqual([story("Berth grid", { estimate: 3 })]);
  });

  it("finds nothing in blank text", () => {
    expect(parseStoriesMarkdown("\n  \r\n")).toEqual({ stories: [], errors: [] });
  });
});
