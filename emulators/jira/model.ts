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

/** One field change of a changelog entry; `from`/`to` hold ids (status ids, account ids, comma-joined sprint ids). */
export type JiraChangeItem = {
  field: string;
  fieldtype: "jira" | "custom";
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

/** One changelog entry of an issue: who changed what, when. */
export type JiraChangeHistory = {
  id: string;
  issueId: number;
  authorId: string;
  created: number;
  items: JiraChangeItem[];
};

/** A Jira admin ("system") webhook, managed through /rest/webhooks/1.0/webhook. */
export type JiraAdminWebhook = {
  id: number;
  name: string;
  url: string;
  events: string[];
  /** The `issue-related-events-section` JQL; empty means every issue. */
  jqlFilter: string;
  excludeBody: boolean;
  /** Signs deliveries with X-Hub-Signature; never returned by the API. */
  secret: string | null;
  enabled: boolean;
  lastUpdated: number;
  lastUpdatedAccountId: string;
};

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
  /** Site administrators: they may manage admin webhooks and have the ADMINISTER permission. */
  adminAccountIds: string[];
  webhooks: JiraAdminWebhook[];
  /** Every recorded change, oldest first. */
  changeHistories: JiraChangeHistory[];
  /** Counters for ids handed out after the seed. */
  nextIds: {
    issue: number;
    sprint: number;
    version: number;
    comment: number;
    link: number;
    remoteLink: number;
    webhook: number;
    changelog: number;
  };
};
