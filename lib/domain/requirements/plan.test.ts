import { describe, expect, it } from "vitest";
import { adfPlainText } from "@/lib/domain/adf";
import { planTickets } from "./plan";
import { type FeatureRequestInput, featureRequestSchema } from "./schema";
import type { Person, PlanContext, SprintOption } from "./types";

type StoryOverrides = NonNullable<FeatureRequestInput["stories"]>[number];

function request(overrides: Partial<FeatureRequestInput> = {}) {
  return featureRequestSchema.parse({
    name: "Berth availability",
    jiraProjectKey: "ACME",
    components: ["Berths"],
    stories: [{ title: "A story", estimate: 3 }],
    ...overrides,
  });
}

const person = (name: string, completedByComponent: Record<string, number>, remainingPoints: number): Person => ({
  accountId: `acc-${name.split(" ")[0]?.toLowerCase()}`,
  name,
  completedByComponent,
  remainingPoints,
});

const ken = person("Ken Thompson", { Berths: 7 }, 14);
const grace = person("Grace Hopper", { Berths: 3, Customs: 2 }, 10);
const linus = person("Linus Torvalds", { Customs: 5 }, 6);

const context = (people: Person[], sprints: SprintOption[] = [], jiraBrowseUrl?: string): PlanContext => ({
  people,
  sprints,
  ...(jiraBrowseUrl ? { jiraBrowseUrl } : {}),
});
const stories = (...items: StoryOverrides[]) => ({ stories: items });
const assignees = (plan: ReturnType<typeof planTickets>) => plan.stories.map((story) => story.assignee?.name ?? null);

describe("planTickets: the tickets", () => {
  it("plans an epic, its stories in the given order and a subtask per checklist line", () => {
    const plan = planTickets(
      request({
        priority: "High",
        labels: ["berths", "q3"],
        components: ["Berths", "Web"],
        ...stories(
          { title: "See free berths", estimate: 5, checklist: ["API endpoint", "Grid"] },
          { title: "Book a berth", estimate: 3, component: "Web" },
        ),
      }),
      context([ken]),
    );
    expect(plan.epic).toEqual({
      ref: "epic",
      summary: "Berth availability",
      description: expect.objectContaining({ type: "doc", version: 1 }),
      priority: "High",
      labels: ["berths", "q3"],
      components: ["Berths", "Web"],
    });
    expect(
      plan.stories.map(({ ref, summary, estimate, component, priority, labels }) => ({
        ref,
        summary,
        estimate,
        component,
        priority,
        labels,
      })),
    ).toEqual([
      {
        ref: "story-1",
        summary: "See free berths",
        estimate: 5,
        component: "Berths",
        priority: "High",
        labels: ["berths", "q3"],
      },
      {
        ref: "story-2",
        summary: "Book a berth",
        estimate: 3,
        component: "Web",
        priority: "High",
        labels: ["berths", "q3"],
      },
    ]);
    expect(plan.stories[0]?.subtasks).toEqual([
      { ref: "story-1.1", summary: "API endpoint", assignee: { accountId: "acc-ken", name: "Ken Thompson" } },
      { ref: "story-1.2", summary: "Grid", assignee: { accountId: "acc-ken", name: "Ken Thompson" } },
    ]);
    expect(plan.stories[1]?.subtasks).toEqual([]);
  });

  it("counts the issues, story points and subtasks", () => {
    const plan = planTickets(
      request(
        stories(
          { title: "A", estimate: 5, checklist: ["x", "y"] },
          { title: "B", estimate: 2.5, checklist: ["z"] },
          { title: "C" },
        ),
      ),
      context([]),
    );
    expect(plan.totals).toEqual({ issues: 7, storyPoints: 7.5, subtasks: 3 });
  });

  it("describes a story with its acceptance criteria, the business value and its epic", () => {
    const plan = planTickets(
      request({
        businessValue: "Dispatchers stop phoning the harbour master.",
        ...stories({ title: "See berths", acceptanceCriteria: "- Shows 7 days\n- Updates within a minute" }),
      }),
      context([]),
    );
    const description = plan.stories[0]!.description;
    expect(description.content[1]).toEqual({
      type: "bulletList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Shows 7 days" }] }] },
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "Updates within a minute" }] }],
        },
      ],
    });
    expect(adfPlainText(description)).toBe(
      'Acceptance criteria\nShows 7 days\nUpdates within a minute\nWhy it matters\nDispatchers stop phoning the harbour master.\nPart of the epic "Berth availability".',
    );
  });

  it("links a story to a Jira search for its epic when the site is known", () => {
    const plan = planTickets(
      request({ name: 'The "new" berths' }),
      context([], [], "https://acme.atlassian.net/browse/"),
    );
    const epicLine = plan.stories[0]!.description.content.at(-1);
    const link = epicLine?.content?.[1];
    expect(link?.text).toBe('The "new" berths');
    const href = String(link?.marks?.[0]?.attrs?.href);
    expect(href.startsWith("https://acme.atlassian.net/issues/?jql=")).toBe(true);
    expect(decodeURIComponent(href.split("jql=")[1] ?? "")).toBe(
      'project = "ACME" AND issuetype = Epic AND summary ~ "The \\"new\\" berths"',
    );
  });

  it("describes the epic with its business value and stories", () => {
    const plan = planTickets(
      request({
        businessValue: "Fewer calls.\nFaster turnarounds.",
        ...stories({ title: "A", estimate: 5 }, { title: "B", estimate: 1 }, { title: "C" }),
      }),
      context([]),
    );
    expect(adfPlainText(plan.epic.description)).toBe(
      "Business value\nFewer calls.\nFaster turnarounds.\nStories\nA (5 points)\nB (1 point)\nC (no estimate)",
    );
  });

  it("cuts summaries longer than 255 characters with an ellipsis and warns", () => {
    // The schema caps titles at 200; the plan still guards Jira's limit for callers that skip it.
    const base = request(stories({ title: "short", checklist: ["fine"] }));
    const long = {
      ...base,
      name: "E".repeat(300),
      stories: [{ ...base.stories[0]!, title: "S".repeat(256), checklist: ["C".repeat(255)] }],
    };
    const plan = planTickets(long, context([]));
    expect(plan.epic.summary).toBe(`${"E".repeat(254)}…`);
    expect(plan.stories[0]?.summary).toBe(`${"S".repeat(254)}…`);
    expect(plan.stories[0]?.subtasks[0]?.summary).toBe("C".repeat(255));
    expect(plan.warnings).toContain('2 summaries were longer than Jira\'s 255 characters and cut short with "…".');
  });

  it("gives every story its own copy of the labels", () => {
    const plan = planTickets(request({ labels: ["q3"], ...stories({ title: "A" }, { title: "B" }) }), context([]));
    plan.stories[0]?.labels.push("changed");
    expect(plan.stories[1]?.labels).toEqual(["q3"]);
    expect(plan.epic.labels).toEqual(["q3"]);
  });
});

describe("planTickets: proposed assignees", () => {
  it("proposes the person with the most completed work in the component and says why", () => {
    const plan = planTickets(request(stories({ title: "A", estimate: 5 })), context([grace, ken, linus]));
    expect(plan.stories[0]?.assignee).toEqual({
      accountId: "acc-ken",
      name: "Ken Thompson",
      reason: "Ken Thompson completed 7 Berths issues recently and has 9 of 14 points left after this",
    });
    expect(plan.stories[0]?.unassignedReason).toBeNull();
  });

  it("falls back to the feature's first component when a story has none", () => {
    const plan = planTickets(
      request({
        components: ["Customs", "Berths"],
        ...stories({ title: "A", estimate: 2 }, { title: "B", estimate: 2, component: "Berths" }),
      }),
      context([grace, ken, linus]),
    );
    expect(plan.stories.map((story) => story.component)).toEqual(["Customs", "Berths"]);
    expect(assignees(plan)).toEqual(["Linus Torvalds", "Ken Thompson"]);
  });

  it("passes a story to the next-best expert when the best has no room, and says so", () => {
    const plan = planTickets(
      request(stories({ title: "A", estimate: 15 })),
      context([ken, grace, person("Ada Lovelace", { Berths: 1 }, 20)]),
    );
    expect(plan.stories[0]?.assignee).toEqual({
      accountId: "acc-ada",
      name: "Ada Lovelace",
      reason:
        "Ada Lovelace completed 1 Berths issue recently and has 5 of 20 points left after this; Ken Thompson has done more Berths work but has only 14 points left",
    });
  });

  it("uses up points across stories, placing the biggest first", () => {
    // Ken has 14: the 8 goes first (to him), leaving 6, so the 5 fits him too but the 3 has to go to Grace.
    const plan = planTickets(
      request(
        stories({ title: "small", estimate: 3 }, { title: "big", estimate: 8 }, { title: "medium", estimate: 5 }),
      ),
      context([ken, grace]),
    );
    expect(assignees(plan)).toEqual(["Grace Hopper", "Ken Thompson", "Ken Thompson"]);
    expect(plan.stories[1]?.assignee?.reason).toBe(
      "Ken Thompson completed 7 Berths issues recently and has 6 of 14 points left after this",
    );
    expect(plan.stories[2]?.assignee?.reason).toBe(
      "Ken Thompson completed 7 Berths issues recently and has 1 of 14 points left after this",
    );
    expect(plan.stories[0]?.assignee?.reason).toBe(
      "Grace Hopper completed 3 Berths issues recently and has 7 of 10 points left after this; Ken Thompson has done more Berths work but has only 1 point left",
    );
  });

  it("places unestimated stories last, as 0 points, in the given order", () => {
    const full = person("Ken Thompson", { Berths: 7 }, 5);
    const plan = planTickets(
      request(stories({ title: "no estimate" }, { title: "five", estimate: 5 })),
      context([full]),
    );
    expect(assignees(plan)).toEqual(["Ken Thompson", "Ken Thompson"]);
    expect(plan.stories[0]?.assignee?.reason).toBe(
      "Ken Thompson completed 7 Berths issues recently and has 0 of 5 points left after this (the story has no estimate yet)",
    );
  });

  it("keeps the given order between stories of equal size", () => {
    const plan = planTickets(
      request(stories({ title: "first", estimate: 4 }, { title: "second", estimate: 4 })),
      context([person("Ken Thompson", { Berths: 7 }, 4), grace]),
    );
    expect(assignees(plan)).toEqual(["Ken Thompson", "Grace Hopper"]);
  });

  it("breaks a tie in experience by points left, then by name", () => {
    const a = person("Zed Shaw", { Berths: 4 }, 12);
    const b = person("Barbara Liskov", { Berths: 4 }, 8);
    const c = person("Alan Kay", { Berths: 4 }, 8);
    expect(assignees(planTickets(request(), context([b, a, c])))).toEqual(["Zed Shaw"]);
    expect(assignees(planTickets(request(), context([b, c])))).toEqual(["Alan Kay"]);
  });

  it("explains when nobody is proposed", () => {
    const plan = planTickets(
      request({
        components: [],
        ...stories(
          { title: "no component", estimate: 1 },
          { title: "no experts", estimate: 1, component: "Billing" },
          { title: "no room", estimate: 12, component: "Customs" },
        ),
      }),
      context([ken, grace, linus]),
    );
    expect(plan.stories.map((story) => [story.assignee, story.unassignedReason])).toEqual([
      [null, "No component, so no expertise to go on"],
      [null, "Nobody has completed Billing work recently"],
      [null, "Nobody who has completed Customs work has 12 points left"],
    ]);
    expect(plan.stories[2]?.subtasks).toEqual([]);
    expect(plan.warnings).toContain("3 stories have nobody proposed; each says why.");
  });

  it("leaves the subtasks of an unassigned story unassigned", () => {
    const plan = planTickets(
      request(stories({ title: "A", estimate: 3, component: "Billing", checklist: ["x"] })),
      context([ken]),
    );
    expect(plan.stories[0]?.subtasks).toEqual([{ ref: "story-1.1", summary: "x", assignee: null }]);
  });

  it("doesn't read experience from inherited properties", () => {
    const plan = planTickets(request(stories({ title: "A", estimate: 1, component: "constructor" })), context([ken]));
    expect(plan.stories[0]?.unassignedReason).toBe("Nobody has completed constructor work recently");
  });
});

describe("planTickets: sprint", () => {
  const sprint = (
    id: number,
    state: "active" | "future",
    startDate: string,
    remainingPoints: number,
  ): SprintOption => ({ id, name: `Sprint ${id}`, state, startDate, endDate: startDate, remainingPoints });
  const thirteen = stories({ title: "A", estimate: 8 }, { title: "B", estimate: 5 });

  it("suggests nothing unless asked", () => {
    const plan = planTickets(request(thirteen), context([], [sprint(43, "future", "2025-07-14", 21)]));
    expect(plan.sprint).toBeNull();
    expect(plan.sprintReason).toBe("No sprint suggested: the request did not ask for one");
  });

  it("prefers the earliest future sprint with room over the active one", () => {
    const plan = planTickets(
      request({ targetSprint: true, ...thirteen }),
      context(
        [],
        [
          sprint(44, "future", "2025-07-28", 30),
          sprint(42, "active", "2025-06-30", 40),
          sprint(43, "future", "2025-07-14", 21),
        ],
      ),
    );
    expect(plan.sprint).toEqual({
      id: 43,
      name: "Sprint 43",
      reason: "Sprint 43 has 21 points free; this feature needs 13",
    });
    expect(plan.sprintReason).toBe(plan.sprint?.reason);
  });

  it("skips a future sprint without room and says so", () => {
    const plan = planTickets(
      request({ targetSprint: true, ...thirteen }),
      context([], [sprint(43, "future", "2025-07-14", 10), sprint(44, "future", "2025-07-28", 13)]),
    );
    expect(plan.sprint).toEqual({
      id: 44,
      name: "Sprint 44",
      reason:
        "Sprint 44 has 13 points free; this feature needs 13; Sprint 43, which starts earlier, has only 10 points free",
    });
  });

  it("falls back to the active sprint when no future one has room", () => {
    const plan = planTickets(
      request({ targetSprint: true, ...thirteen }),
      context([], [sprint(43, "future", "2025-07-14", 12), sprint(42, "active", "2025-06-30", 20)]),
    );
    expect(plan.sprint).toEqual({
      id: 42,
      name: "Sprint 42",
      reason: "Sprint 42 has 20 points free; this feature needs 13; no future sprint has that much room",
    });
  });

  it("says when no sprint has room, and warns", () => {
    const plan = planTickets(
      request({ targetSprint: true, ...thirteen }),
      context([], [sprint(43, "future", "2025-07-14", 12), sprint(42, "active", "2025-06-30", 4)]),
    );
    expect(plan.sprint).toBeNull();
    expect(plan.sprintReason).toBe("No active or future sprint has 13 points free; the most is 12, in Sprint 43");
    expect(plan.warnings).toContain(
      "This feature needs 13 points, more than any sprint has free (the most is 12, in Sprint 43); consider splitting it.",
    );
  });

  it("says when there are no sprints", () => {
    const plan = planTickets(request({ targetSprint: true }), context([]));
    expect(plan.sprint).toBeNull();
    expect(plan.sprintReason).toBe("There is no active or future sprint to suggest");
  });
});

describe("planTickets: warnings", () => {
  it("has none for a complete, well-placed feature", () => {
    expect(planTickets(request(), context([ken])).warnings).toEqual([]);
  });

  it("names stories without estimates", () => {
    const plan = planTickets(
      request(stories({ title: "A" }, { title: "B", estimate: 2 }, { title: "C" })),
      context([ken]),
    );
    expect(plan.warnings).toEqual([
      '2 stories have no estimate ("A", "C"); they count as 0 points when proposing people and a sprint.',
    ]);
  });

  it("flags story components the feature doesn't list, and repeated titles", () => {
    const plan = planTickets(
      request(
        stories(
          { title: "Grid", estimate: 1, component: "Berth" },
          { title: "grid", estimate: 1, component: "Berths" },
        ),
      ),
      context([ken]),
    );
    expect(plan.warnings).toEqual([
      "1 story has nobody proposed; each says why.",
      "\"Berth\" is not among the feature's components; check the spelling, as Jira only accepts the project's components.",
      'More than one story is titled "grid".',
    ]);
  });
});

describe("planTickets: determinism", () => {
  it("gives the same plan for the same input, without changing it", () => {
    const input = request({
      targetSprint: true,
      ...stories({ title: "A", estimate: 5, checklist: ["x"] }, { title: "B", estimate: 5 }, { title: "C" }),
    });
    const people = [linus, grace, ken];
    const sprints: SprintOption[] = [
      { id: 7, name: "Sprint 7", state: "future", startDate: "2025-07-14", endDate: "2025-07-28", remainingPoints: 20 },
    ];
    const snapshot = JSON.stringify({ input, people, sprints });
    const first = planTickets(input, context(people, sprints, "https://acme.atlassian.net"));
    const second = planTickets(input, context(people, sprints, "https://acme.atlassian.net"));
    expect(second).toEqual(first);
    expect(JSON.stringify({ input, people, sprints })).toBe(snapshot);
  });

  it("doesn't depend on the order people are listed in", () => {
    const input = request(
      stories({ title: "A", estimate: 5 }, { title: "B", estimate: 5 }, { title: "C", estimate: 5 }),
    );
    const tied = [person("Barbara Liskov", { Berths: 4 }, 10), person("Alan Kay", { Berths: 4 }, 10), ken];
    expect(planTickets(input, context([...tied].reverse()))).toEqual(planTickets(input, context(tied)));
  });
});
