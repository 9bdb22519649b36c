export {
  JIRA_PRIORITIES,
  MAX_CHECKLIST_ITEMS,
  MAX_ESTIMATE,
  MAX_ISSUES_PER_FEATURE,
  MAX_STORIES,
  featureRequestSchema,
  parseFeatureRequest,
  storySchema,
  type FeaturePriority,
  type FeatureRequest,
  type FeatureRequestInput,
  type StoryInput,
} from "./schema";
export { parseStoriesMarkdown, type MarkdownError, type ParsedStories } from "./markdown";
export { planTickets } from "./plan";
export { JIRA_SUMMARY_LIMIT, jiraSummary } from "./summary";
export type {
  Person,
  PlanContext,
  PlannedEpic,
  PlannedStory,
  PlannedSubtask,
  ProposedAssignee,
  SprintOption,
  TicketPlan,
} from "./types";
