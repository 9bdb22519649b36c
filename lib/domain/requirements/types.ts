import type { AdfDoc } from "@/lib/domain/adf";
import type { FeaturePriority } from "./schema";

export type Person = {
  accountId: string;
  name: string;
  /** Issues completed recently, by component name. */
  completedByComponent: Record<string, number>;
  /** Capacity left in the window the feature is planned for. */
  remainingPoints: number;
};

export type SprintOption = {
  id: number;
  name: string;
  state: "active" | "future";
  startDate: string;
  endDate: string;
  /** Capacity less what is already committed. */
  remainingPoints: number;
};

export type PlanContext = {
  people: Person[];
  sprints: SprintOption[];
  /** The Jira site, `https://acme.atlassian.net` (a trailing `/browse` is fine): stories then link to their epic. */
  jiraBrowseUrl?: string;
};

export type ProposedAssignee = { accountId: string; name: string; reason: string };

export type PlannedSubtask = { ref: string; summary: string; assignee: { accountId: string; name: string } | null };

export type PlannedStory = {
  /** `story-1`, `story-2`… in the order the stories were given. */
  ref: string;
  summary: string;
  description: AdfDoc;
  estimate: number | null;
  /** The story's own component, else the feature's first; null when neither is given. */
  component: string | null;
  priority: FeaturePriority;
  labels: string[];
  assignee: ProposedAssignee | null;
  /** Why nobody is proposed, when `assignee` is null. */
  unassignedReason: string | null;
  /** `story-1.1`, `story-1.2`…, one per checklist line, with the story's assignee. */
  subtasks: PlannedSubtask[];
};

export type PlannedEpic = {
  ref: "epic";
  summary: string;
  description: AdfDoc;
  priority: FeaturePriority;
  labels: string[];
  components: string[];
};

export type TicketPlan = {
  epic: PlannedEpic;
  /** In the order the stories were given. */
  stories: PlannedStory[];
  sprint: { id: number; name: string; reason: string } | null;
  /** Why no sprint is suggested; when one is, the same as its reason. */
  sprintReason: string;
  totals: { issues: number; storyPoints: number; subtasks: number };
  warnings: string[];
};
