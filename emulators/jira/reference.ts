/**
 * Jira's site-wide reference data as a team-managed scrum project sees it:
 * the workflow (statuses, categories, transitions), issue types, priorities,
 * the Blocks link type and the fields Bosun reads. Ids mirror Jira Cloud's.
 */
export type StatusCategoryKey = "new" | "indeterminate" | "done";

export type StatusCategory = { id: number; key: StatusCategoryKey; name: string; colorName: string };
export type Status = { id: string; name: string; description: string; category: StatusCategoryKey };
export type Transition = { id: string; name: string; from: string; to: string };
export type IssueType = {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
  avatarId: number;
};
export type Priority = { id: string; name: string; description: string; statusColor: string; sequence: number };

export const STATUS_CATEGORIES: Record<StatusCategoryKey, StatusCategory> = {
  new: { id: 2, key: "new", name: "To Do", colorName: "blue-gray" },
  indeterminate: { id: 4, key: "indeterminate", name: "In Progress", colorName: "yellow" },
  done: { id: 3, key: "done", name: "Done", colorName: "green" },
};

export const STATUS_IDS = { todo: "10000", inProgress: "3", inReview: "10001", done: "10002" } as const;

export const STATUSES: Status[] = [
  { id: STATUS_IDS.todo, name: "To Do", description: "Work that has not been started.", category: "new" },
  {
    id: STATUS_IDS.inProgress,
    name: "In Progress",
    description: "The issue is currently being worked on.",
    category: "indeterminate",
  },
  { id: STATUS_IDS.inReview, name: "In Review", description: "Waiting for review.", category: "indeterminate" },
  { id: STATUS_IDS.done, name: "Done", description: "Work has been completed.", category: "done" },
];

/** The scrum workflow: forward To Do → In Progress → In Review → Done, with a way back from each step. */
export const TRANSITIONS: Transition[] = [
  { id: "11", name: "Start Progress", from: STATUS_IDS.todo, to: STATUS_IDS.inProgress },
  { id: "21", name: "Ready for Review", from: STATUS_IDS.inProgress, to: STATUS_IDS.inReview },
  { id: "41", name: "Stop Progress", from: STATUS_IDS.inProgress, to: STATUS_IDS.todo },
  { id: "31", name: "Done", from: STATUS_IDS.inReview, to: STATUS_IDS.done },
  { id: "51", name: "Request Changes", from: STATUS_IDS.inReview, to: STATUS_IDS.inProgress },
  { id: "61", name: "Reopen", from: STATUS_IDS.done, to: STATUS_IDS.todo },
];

export const ISSUE_TYPE_IDS = { epic: "10000", story: "10001", task: "10002", bug: "10004", subtask: "10003" } as const;

export const ISSUE_TYPES: IssueType[] = [
  {
    id: ISSUE_TYPE_IDS.epic,
    name: "Epic",
    description: "A big user story that needs to be broken down.",
    subtask: false,
    hierarchyLevel: 1,
    avatarId: 10307,
  },
  {
    id: ISSUE_TYPE_IDS.story,
    name: "Story",
    description: "Functionality or a feature expressed as a user goal.",
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10315,
  },
  {
    id: ISSUE_TYPE_IDS.task,
    name: "Task",
    description: "A small, distinct piece of work.",
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10318,
  },
  {
    id: ISSUE_TYPE_IDS.bug,
    name: "Bug",
    description: "A problem or error.",
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10303,
  },
  {
    id: ISSUE_TYPE_IDS.subtask,
    name: "Subtask",
    description: "A small piece of work that's part of a larger task.",
    subtask: true,
    hierarchyLevel: -1,
    avatarId: 10316,
  },
];

export const PRIORITY_IDS = { highest: "1", high: "2", medium: "3", low: "4", lowest: "5" } as const;

export const PRIORITIES: Priority[] = [
  { id: "1", name: "Highest", description: "This problem will block progress.", statusColor: "#d04437", sequence: 1 },
  {
    id: "2",
    name: "High",
    description: "Serious problem that could block progress.",
    statusColor: "#f15C75",
    sequence: 2,
  },
  {
    id: "3",
    name: "Medium",
    description: "Has the potential to affect progress.",
    statusColor: "#f79232",
    sequence: 3,
  },
  { id: "4", name: "Low", description: "Minor problem or easily worked around.", statusColor: "#707070", sequence: 4 },
  {
    id: "5",
    name: "Lowest",
    description: "Trivial problem with little or no impact on progress.",
    statusColor: "#999999",
    sequence: 5,
  },
];

export const BLOCKS_LINK_TYPE = { id: "10000", name: "Blocks", inward: "is blocked by", outward: "blocks" } as const;
export const LINK_TYPES = [
  BLOCKS_LINK_TYPE,
  { id: "10001", name: "Cloners", inward: "is cloned by", outward: "clones" },
  { id: "10002", name: "Duplicate", inward: "is duplicated by", outward: "duplicates" },
  { id: "10003", name: "Relates", inward: "relates to", outward: "relates to" },
] as const;

export const RESOLUTION_DONE = { id: "10000", name: "Done", description: "Work has been completed on this issue." };

export const FIELD_IDS = {
  storyPoints: "customfield_10016",
  rank: "customfield_10019",
  sprint: "customfield_10020",
} as const;
export const RANK_CUSTOM_FIELD_NUMBER = 10019;

export function findStatus(id: string): Status {
  const status = STATUSES.find((s) => s.id === id);
  if (!status) throw new Error(`Unknown status ${id}`);
  return status;
}

export function findIssueType(id: string): IssueType {
  const type = ISSUE_TYPES.find((t) => t.id === id);
  if (!type) throw new Error(`Unknown issue type ${id}`);
  return type;
}

export function findPriority(id: string): Priority {
  const priority = PRIORITIES.find((p) => p.id === id);
  if (!priority) throw new Error(`Unknown priority ${id}`);
  return priority;
}

export function isDoneStatus(statusId: string): boolean {
  return findStatus(statusId).category === "done";
}
