import { z } from "zod";

/**
 * What a manager submits to have Bosun plan a feature's Jira tickets: the
 * epic's details and its stories, each with acceptance criteria, an estimate,
 * a component and a checklist whose lines become subtasks. The server action
 * parses through `featureRequestSchema` and reports each message at its field
 * path (`stories.1.estimate`), so every message says what is wrong on its own.
 */
export const JIRA_PRIORITIES = ["Highest", "High", "Medium", "Low", "Lowest"] as const;
export type FeaturePriority = (typeof JIRA_PRIORITIES)[number];

/** One feature creates at most this many issues: the epic, its stories and their subtasks. */
export const MAX_ISSUES_PER_FEATURE = 500;
export const MAX_STORIES = 100;
export const MAX_CHECKLIST_ITEMS = 30;
export const MAX_ESTIMATE = 100;

const text = (field: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be text`) }).trim();

/** Story points are whole or half points: that is what estimation decks offer, and sums stay exact. */
const estimate = z
  .number({ error: "Estimate must be a number of story points, or empty" })
  .min(0, "Estimate can't be negative")
  .max(MAX_ESTIMATE, `Estimate must be at most ${MAX_ESTIMATE} points; split a bigger story`)
  .refine((points) => Number.isInteger(points * 2), "Estimate must be a whole or half point, such as 3 or 2.5")
  .nullable()
  .default(null);

/** Forms send "" for "no component"; both mean none. */
const component = text("Component")
  .max(255, "Component must be at most 255 characters")
  .nullable()
  .default(null)
  .transform((name) => name || null);

export const storySchema = z.object({
  title: text("Story title")
    .min(1, "Story title can't be empty")
    .max(200, "Story title must be at most 200 characters"),
  acceptanceCriteria: text("Acceptance criteria")
    .max(5000, "Acceptance criteria must be at most 5,000 characters")
    .default(""),
  estimate,
  component,
  checklist: z
    .array(
      text("Checklist item")
        .min(1, "Checklist item can't be empty")
        .max(200, "Checklist item must be at most 200 characters"),
      {
        error: "Checklist must be a list of lines",
      },
    )
    .max(MAX_CHECKLIST_ITEMS, `Checklist can have at most ${MAX_CHECKLIST_ITEMS} items (each becomes a subtask)`)
    .default([]),
});

const label = text("Label")
  .min(1, "Label can't be empty")
  .max(50, "Label must be at most 50 characters")
  .regex(/^\S+$/, "Label can't contain spaces (Jira labels are single words); use - or _ instead");

export const featureRequestSchema = z
  .object({
    name: text("Feature name")
      .min(1, "Feature name can't be empty")
      .max(200, "Feature name must be at most 200 characters"),
    businessValue: text("Business value").max(2000, "Business value must be at most 2,000 characters").default(""),
    priority: z
      .enum(JIRA_PRIORITIES, { error: `Priority must be one of ${JIRA_PRIORITIES.join(", ")}` })
      .default("Medium"),
    labels: z.array(label, { error: "Labels must be a list" }).default([]),
    components: z
      .array(
        text("Component").min(1, "Component can't be empty").max(255, "Component must be at most 255 characters"),
        { error: "Components must be a list" },
      )
      .default([]),
    jiraProjectKey: text("Jira project key")
      .toUpperCase()
      .regex(
        /^[A-Z][A-Z0-9_]{1,9}$/,
        "Jira project key must be 2–10 letters, digits or _ starting with a letter, such as ACME",
      ),
    targetSprint: z.boolean({ error: "Suggest a sprint must be yes or no" }).default(false),
    stories: z
      .array(storySchema, { error: "Stories must be a list" })
      .min(1, "Add at least one story")
      .max(MAX_STORIES, `A feature can have at most ${MAX_STORIES} stories; split it into several features`),
  })
  .superRefine((request, context) => {
    const subtasks = request.stories.reduce((total, story) => total + story.checklist.length, 0);
    const issues = 1 + request.stories.length + subtasks;
    if (issues > MAX_ISSUES_PER_FEATURE) {
      context.addIssue({
        code: "custom",
        path: ["stories"],
        message: `This would create ${issues} Jira issues (1 epic, ${request.stories.length} stories, ${subtasks} subtasks); the limit is ${MAX_ISSUES_PER_FEATURE}, so split the feature or shorten the checklists`,
      });
    }
  });

export type FeatureRequestInput = z.input<typeof featureRequestSchema>;
export type FeatureRequest = z.output<typeof featureRequestSchema>;
export type StoryInput = z.output<typeof storySchema>;

/** The request, or the first message for each field path ("" for the form as a whole). */
export function parseFeatureRequest(
  input: unknown,
): { ok: true; request: FeatureRequest } | { ok: false; errors: Record<string, string> } {
  const parsed = featureRequestSchema.safeParse(input);
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issue.message;
  }
  return { ok: false, errors };
}
