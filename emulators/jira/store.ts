import type {
  JiraBoard,
  JiraIssue,
  JiraIssueLink,
  JiraProject,
  JiraSiteData,
  JiraSprint,
  JiraUser,
  JiraVersion,
} from "./model";
import { RANK_GAP } from "../seed/jira";

/**
 * One Jira site's live state plus lookup maps and indexes. Every write calls
 * `touch()`; indexes and cached search results are keyed by `version`, so
 * they are rebuilt lazily after writes and reused by read-heavy paging.
 */
export type SiteIndexes = {
  /** All issues in rank order. */
  ranked: JiraIssue[];
  byProject: Map<string, JiraIssue[]>;
  bySprint: Map<number, JiraIssue[]>;
  byStatus: Map<string, JiraIssue[]>;
  byAssignee: Map<string, JiraIssue[]>;
  children: Map<number, JiraIssue[]>;
  linksByIssue: Map<number, JiraIssueLink[]>;
};

const SEARCH_CACHE_LIMIT = 200;

export class JiraSite {
  readonly slug: string;
  readonly data: JiraSiteData;
  version = 0;
  private issuesById = new Map<number, JiraIssue>();
  private issuesByKey = new Map<string, JiraIssue>();
  private cachedIndexes: { version: number; indexes: SiteIndexes } | null = null;
  /** All issues by rank; kept across writes that do not change ranks, so rebuilding indexes needs no sort. */
  private ranked: JiraIssue[];
  private searchCache = new Map<string, { version: number; issues: JiraIssue[] }>();

  constructor(data: JiraSiteData) {
    this.slug = data.slug;
    this.data = data;
    for (const issue of data.issues) this.addToMaps(issue);
    this.ranked = [...data.issues].sort((a, b) => a.rank - b.rank);
  }

  touch() {
    this.version++;
  }

  private addToMaps(issue: JiraIssue) {
    this.issuesById.set(issue.id, issue);
    this.issuesByKey.set(issue.key, issue);
  }

  /** Adds an issue at the bottom of the rank order, where Jira puts new issues. */
  addIssue(issue: JiraIssue) {
    issue.rank = (this.ranked.at(-1)?.rank ?? 0) + RANK_GAP;
    this.ranked.push(issue);
    this.data.issues.push(issue);
    this.addToMaps(issue);
    this.touch();
  }

  /** Removes an issue with its links; children that pointed at it lose their parent. */
  removeIssue(issue: JiraIssue) {
    this.ranked = this.ranked.filter((i) => i !== issue);
    this.data.issues.splice(this.data.issues.indexOf(issue), 1);
    this.issuesById.delete(issue.id);
    this.issuesByKey.delete(issue.key);
    this.data.links = this.data.links.filter((l) => l.inwardIssueId !== issue.id && l.outwardIssueId !== issue.id);
    for (const child of this.data.issues) if (child.parentId === issue.id) child.parentId = null;
    this.touch();
  }

  /** Accepts a numeric id or a key, case-insensitively as Jira does. */
  findIssue(idOrKey: string | number): JiraIssue | undefined {
    const text = String(idOrKey).trim();
    if (/^\d+$/.test(text)) return this.issuesById.get(Number(text));
    return this.issuesByKey.get(text.toUpperCase());
  }

  issueById(id: number): JiraIssue | undefined {
    return this.issuesById.get(id);
  }

  findUser(accountId: string): JiraUser | undefined {
    return this.data.users.find((u) => u.accountId === accountId);
  }

  findUserByEmail(email: string): JiraUser | undefined {
    const lower = email.toLowerCase();
    return this.data.users.find((u) => u.email.toLowerCase() === lower);
  }

  findProject(idOrKey: string): JiraProject | undefined {
    const upper = idOrKey.toUpperCase();
    return this.data.projects.find((p) => p.id === idOrKey || p.key === upper);
  }

  projectById(id: string): JiraProject {
    const project = this.data.projects.find((p) => p.id === id);
    if (!project) throw new Error(`Unknown project ${id}`);
    return project;
  }

  findBoard(id: number): JiraBoard | undefined {
    return this.data.boards.find((b) => b.id === id);
  }

  findSprint(id: number): JiraSprint | undefined {
    return this.data.sprints.find((s) => s.id === id);
  }

  findVersion(id: string): JiraVersion | undefined {
    return this.data.versions.find((v) => v.id === id);
  }

  /** Moves `moved` (in their given order) right before/after `anchor` and renumbers the whole order. */
  rerank(moved: JiraIssue[], anchor: JiraIssue, where: "before" | "after") {
    const movedIds = new Set(moved.map((i) => i.id));
    const rest = this.ranked.filter((i) => !movedIds.has(i.id));
    const at = rest.indexOf(anchor) + (where === "after" ? 1 : 0);
    rest.splice(at, 0, ...moved);
    rest.forEach((issue, i) => {
      issue.rank = (i + 1) * RANK_GAP;
    });
    this.ranked = rest;
    this.touch();
  }

  indexes(): SiteIndexes {
    if (this.cachedIndexes?.version === this.version) return this.cachedIndexes.indexes;
    const ranked = this.ranked;
    const push = <K>(map: Map<K, JiraIssue[]>, key: K, issue: JiraIssue) => {
      const list = map.get(key);
      if (list) list.push(issue);
      else map.set(key, [issue]);
    };
    const indexes: SiteIndexes = {
      ranked,
      byProject: new Map(),
      bySprint: new Map(),
      byStatus: new Map(),
      byAssignee: new Map(),
      children: new Map(),
      linksByIssue: new Map(),
    };
    for (const issue of ranked) {
      push(indexes.byProject, issue.projectId, issue);
      push(indexes.byStatus, issue.statusId, issue);
      push(indexes.byAssignee, issue.assigneeId ?? "", issue);
      for (const sprintId of issue.sprintIds) push(indexes.bySprint, sprintId, issue);
      if (issue.parentId !== null) push(indexes.children, issue.parentId, issue);
    }
    for (const link of this.data.links) {
      const inward = indexes.linksByIssue.get(link.inwardIssueId) ?? [];
      inward.push(link);
      indexes.linksByIssue.set(link.inwardIssueId, inward);
      const outward = indexes.linksByIssue.get(link.outwardIssueId) ?? [];
      outward.push(link);
      indexes.linksByIssue.set(link.outwardIssueId, outward);
    }
    this.cachedIndexes = { version: this.version, indexes };
    return indexes;
  }

  cachedSearch(key: string, run: () => JiraIssue[]): JiraIssue[] {
    const hit = this.searchCache.get(key);
    if (hit && hit.version === this.version) return hit.issues;
    const issues = run();
    if (this.searchCache.size >= SEARCH_CACHE_LIMIT)
      this.searchCache.delete(this.searchCache.keys().next().value as string);
    this.searchCache.set(key, { version: this.version, issues });
    return issues;
  }

  /** The sprint an issue currently sits in (active or future), if any. */
  openSprintOf(issue: JiraIssue): JiraSprint | undefined {
    for (let i = issue.sprintIds.length - 1; i >= 0; i--) {
      const sprint = this.findSprint(issue.sprintIds[i] as number);
      if (sprint && sprint.state !== "closed") return sprint;
    }
    return undefined;
  }
}

export type JiraStore = { sites: Map<string, JiraSite> };

export function createStore(sites: JiraSiteData[]): JiraStore {
  const store = { sites: new Map(sites.map((s) => [s.slug, new JiraSite(s)])) };
  // Built up front so the first search does not pay for them.
  for (const site of store.sites.values()) site.indexes();
  return store;
}
