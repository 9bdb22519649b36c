import { describe, expect, it } from "vitest";
import { MAX_ISSUES_PER_FEATURE, featureRequestSchema, parseFeatureRequest } from "./schema";

const valid = { name: "Berth availability", jiraProjectKey: "ACME", stories: [{ title: "See free berths" }] };

function errorsOf(input: unknown): Record<string, string> {
  const parsed = parseFeatureRequest(input);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return parsed.errors;
}

const story = (overrides: Record<string, unknown> = {}) => ({ title: "A story", ...overrides });

describe("featureRequestSchema", () => {
  it("fills in the defaults of a minimal request", () => {
    expect(featureRequestSchema.parse(valid)).toEqual({
      name: "Berth availability",
      businessValue: "",
      priority: "Medium",
      labels: [],
      components: [],
      jiraProjectKey: "ACME",
      targetSprint: false,
      stories: [{ title: "See free berths", acceptanceCriteria: "", estimate: null, component: null, checklist: [] }],
    });
  });

  it("trims text, upper-cases the project key and reads an empty component as none", () => {
    const request = featureRequestSchema.parse({
      ...valid,
      name: "  Berth availability ",
      jiraProjectKey: " acme ",
      labels: [" berths "],
      stories: [
        { title: " See berths ", component: "  ", checklist: [" API "] },
        { title: "Grid", component: " Berths " },
      ],
    });
    expect(request.name).toBe("Berth availability");
    expect(request.jiraProjectKey).toBe("ACME");
    expect(request.labels).toEqual(["berths"]);
    expect(request.stories.map((each) => [each.title, each.component, each.checklist])).toEqual([
      ["See berths", null, ["API"]],
      ["Grid", "Berths", []],
    ]);
  });

  it("accepts whole and half point estimates from 0 to 100", () => {
    const request = featureRequestSchema.parse({
      ...valid,
      stories: [0, 0.5, 3, 13.5, 100, null].map((estimate) => story({ estimate })),
    });
    expect(request.stories.map((each) => each.estimate)).toEqual([0, 0.5, 3, 13.5, 100, null]);
  });
});

describe("parseFeatureRequest errors", () => {
  it("names the field path of a story problem", () => {
    const errors = errorsOf({
      ...valid,
      stories: [story({ title: "  " }), story({ estimate: 2.25 }), story({ estimate: -1 }), story({ estimate: 101 })],
    });
    expect(errors).toEqual({
      "stories.0.title": "Story title can't be empty",
      "stories.1.estimate": "Estimate must be a whole or half point, such as 3 or 2.5",
      "stories.2.estimate": "Estimate can't be negative",
      "stories.3.estimate": "Estimate must be at most 100 points; split a bigger story",
    });
  });

  it("says why a label is rejected, at its index", () => {
    const errors = errorsOf({ ...valid, labels: ["berths", "needs review", "", "x".repeat(51)] });
    expect(errors["labels.1"]).toBe("Label can't contain spaces (Jira labels are single words); use - or _ instead");
    expect(errors["labels.2"]).toBe("Label can't be empty");
    expect(errors["labels.3"]).toBe("Label must be at most 50 characters");
    expect(errors["labels.0"]).toBeUndefined();
  });

  it("reports missing and mistyped top-level fields", () => {
    const errors = errorsOf({ jiraProjectKey: "1ACME", priority: "Urgent", targetSprint: "yes", stories: [] });
    expect(errors).toEqual({
      name: "Feature name is required",
      jiraProjectKey: "Jira project key must be 2–10 letters, digits or _ starting with a letter, such as ACME",
      priority: "Priority must be one of Highest, High, Medium, Low, Lowest",
      targetSprint: "Suggest a sprint must be yes or no",
      stories: "Add at least one story",
    });
  });

  it("limits lengths of the name, business value, titles and criteria", () => {
    const errors = errorsOf({
      ...valid,
      name: "n".repeat(201),
      businessValue: "b".repeat(2001),
      stories: [story({ title: "t".repeat(201), acceptanceCriteria: "a".repeat(5001) })],
    });
    expect(errors).toEqual({
      name: "Feature name must be at most 200 characters",
      businessValue: "Business value must be at most 2,000 characters",
      "stories.0.title": "Story title must be at most 200 characters",
      "stories.0.acceptanceCriteria": "Acceptance criteria must be at most 5,000 characters",
    });
  });

  it("limits the checklist to 30 non-empty lines of at most 200 characters", () => {
    expect(
      errorsOf({ ...valid, stories: [story({ checklist: Array.from({ length: 31 }, (_, i) => `Item ${i}`) })] }),
    ).toEqual({
      "stories.0.checklist": "Checklist can have at most 30 items (each becomes a subtask)",
    });
    expect(errorsOf({ ...valid, stories: [story({ checklist: ["ok", " ", "c".repeat(201)] })] })).toEqual({
      "stories.0.checklist.1": "Checklist item can't be empty",
      "stories.0.checklist.2": "Checklist item must be at most 200 characters",
    });
  });

  it("rejects an estimate that isn't a number", () => {
    expect(errorsOf({ ...valid, stories: [story({ estimate: "5" })] })).toEqual({
      "stories.0.estimate": "Estimate must be a number of story points, or empty",
    });
  });

  it("allows at most 100 stories", () => {
    expect(errorsOf({ ...valid, stories: Array.from({ length: 101 }, () => story()) }).stories).toBe(
      "A feature can have at most 100 stories; split it into several features",
    );
  });

  it("caps the issues to create at 500, counting the epic, stories and subtasks", () => {
    const withChecklists = (stories: number, items: number) => ({
      ...valid,
      stories: Array.from({ length: stories }, () =>
        story({ checklist: Array.from({ length: items }, (_, i) => `Step ${i}`) }),
      ),
    });
    // 1 + 83 + 83 × 5 = 499, and 1 + 100 + 100 × 4 = 501.
    expect(parseFeatureRequest(withChecklists(83, 5)).ok).toBe(true);
    expect(MAX_ISSUES_PER_FEATURE).toBe(500);
    expect(errorsOf(withChecklists(100, 4))).toEqual({
      stories:
        "This would create 501 Jira issues (1 epic, 100 stories, 400 subtasks); the limit is 500, so split the feature or shorten the checklists",
    });
  });

  it("keeps the first message when a field has several problems", () => {
    expect(errorsOf({ ...valid, labels: [" "] })["labels.0"]).toBe("Label can't be empty");
  });

  it("returns the parsed request when it is valid", () => {
    const parsed = parseFeatureRequest({ ...valid, targetSprint: true, priority: "High" });
    expect(parsed).toEqual({
      ok: true,
      request: expect.objectContaining({ targetSprint: true, priority: "High", jiraProjectKey: "ACME" }),
    });
  });
});
