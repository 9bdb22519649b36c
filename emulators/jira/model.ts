/** The records one Jira site holds. Dates are epoch milliseconds; serializers format them. */
export type AdfDoc = { type: "doc"; version: 1; content: unknown[] };

export type JiraUser = {
  accountId: string;
  email: string;
  displayName: string;
  components: string[];
  timeZone: string;
};

export type JiraComponent = { id: string; name: string; projectId: string; leadAccountId: string | null };

export type JiraProject = {
  id: string;
  key: string;
  name: string;
  leadAccountId: string;
  components: JiraComponent[];
  boardId: number;
  /** Next number for keys (KEY-n). */
  nextNumber: number;
};

export type JiraVersion = {
  id: string;
  projectId: string;
  name: string;
  description: string;
  released: boolean;
  archived: boolean;
  startDate: string | null;
  releaseDate: string | null;
};

export type SprintState = "future" | "active" | "closed";

export type JiraSprint = {
  id: number;
  name: string;
  state: SprintState;
  originBoardId: number;
  goal: string;
  createdDate: number;
  startDate: number | null;
  endDate: number | null;
  completeDate: number | null;
};

export type JiraBoard = { id: number; name: string; type: "scrum"; projectId: string; filterId: string };

export type JiraComment = { id: string; authorId: string; body: AdfDoc; created: number; updated: number };

export type JiraRemoteLink = {
  id: number;
  globalId: string | null;
  relationship: string | null;
  application: { type?: string; name?: string } | null;
  object: { url: string; title: string; summary?: string; icon?: { url16x16?: string; title?: string } };
};

export type JiraIssue = {
  id: number;
  key: string;
  number: number;
  projectId: string;
  issueTypeId: string;
  summary: string;
  description: AdfDoc | null;
  statusId: string;
  priorityId: string;
  assigneeId: string | null;
  reporterId: string;
  labels: string[];
  componentIds: string[];
  fixVersionIds: string[];
  storyPoints: number | null;
  /** Every sprint the issue has been in, oldest first (Jira's customfield_10020). */
  sprintIds: number[];
  parentId: number | null;
  /** Global board order; lower ranks first. */
  rank: number;
  created: number;
  updated: number;
  resolutionDate: number | null;
  statusCategoryChangeDate: number;
  comments: JiraComment[];
  remoteLinks: JiraRemoteLink[];
};

/** `inwardIssueId` blocks `outwardIssueId` for the Blocks type (inward side "is blocked by" shows on the outward issue). */
export type JiraIssueLink = { id: string; typeId: string; inwardIssueId: number; outwardIssueId: number };

export type JiraSiteData = {
  slug: string;
  name: string;
  users: JiraUser[];
  projects: JiraProject[];
  boards: JiraBoard[];
  sprints: JiraSprint[];
  versions: JiraVersion[];
  issues: JiraIssue[];
  links: JiraIssueLink[];
  /** Counters for ids handed out after the seed. */
  nextIds: { issue: number; sprint: number; version: number; comment: number; link: number; remoteLink: number };
};
