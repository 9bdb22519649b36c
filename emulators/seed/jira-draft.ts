import type { JiraIssue, JiraProject, JiraSprint, JiraUser, JiraVersion } from "../jira/model";
import type { Random } from "./random";
import type { WorldRelease } from "./world";

export type ProjectSprints = { closed: JiraSprint[]; active: JiraSprint; future: JiraSprint };

export type IssueContext = {
  random: Random;
  project: JiraProject;
  sprints: ProjectSprints;
  people: JiraUser[];
  versions: JiraVersion[];
  releases: WorldRelease[];
  issueCount: number;
  now: number;
  isLarge: boolean;
  nextIssueId: () => number;
  nextCommentId: () => string;
  nextLinkId: () => string;
};

/** An issue put into a sprint after the sprint had started (scope added mid-sprint), with its sprints before. */
export type SprintAddition = { sprintId: number; at: number; before: number[] };

export type Draft = Omit<JiraIssue, "id" | "key" | "number" | "rank"> & {
  order: number;
  parentIdDraft?: Draft;
  sprintAdditions?: SprintAddition[];
};
