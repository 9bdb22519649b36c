import type { JiraIssue } from "../model";
import type { JiraSite } from "../store";
import { findPriority, findStatus, type StatusCategoryKey } from "../reference";
import { JqlError, type OrderItem } from "./parser";

/** ORDER BY support. Empty values sort last ascending and first descending, as in Jira. */
type SortValue = number | string | null;
type Extractor = (issue: JiraIssue, site: JiraSite) => SortValue;
type ExtractorFactory = (site: JiraSite) => Extractor;

/** Issue keys sort by project key, then number; encoded as one number per issue. */
function keyOrder(site: JiraSite): Extractor {
  const keys = site.data.projects.map((p) => p.key).sort();
  const position = new Map(site.data.projects.map((p) => [p.id, keys.indexOf(p.key)]));
  return (issue) => (position.get(issue.projectId) ?? 0) * 1e9 + issue.number;
}

const CATEGORY_ORDER: Record<StatusCategoryKey, number> = { new: 0, indeterminate: 1, done: 2 };

const EXTRACTORS: Record<string, Extractor> = {
  rank: (i) => i.rank,
  "cf[10019]": (i) => i.rank,
  created: (i) => i.created,
  updated: (i) => i.updated,
  resolved: (i) => i.resolutionDate,
  resolutiondate: (i) => i.resolutionDate,
  id: (i) => i.id,
  // Jira orders priorities by their position: DESC puts Highest first.
  priority: (i) => 10 - findPriority(i.priorityId).sequence,
  status: (i) => {
    const status = findStatus(i.statusId);
    return `${CATEGORY_ORDER[status.category]}${status.name}`;
  },
  summary: (i) => i.summary.toLowerCase(),
  assignee: (i, site) =>
    i.assigneeId ? (site.findUser(i.assigneeId)?.displayName ?? i.assigneeId).toLowerCase() : null,
  "story point estimate": (i) => i.storyPoints,
  "story points": (i) => i.storyPoints,
  "cf[10016]": (i) => i.storyPoints,
};

const KNOWN_UNSORTABLE = new Set([
  "labels",
  "component",
  "fixversion",
  "sprint",
  "cf[10020]",
  "parent",
  "project",
  "issuetype",
  "type",
  "reporter",
  "statuscategory",
  "epic link",
]);

export function isRankOnly(order: OrderItem[]): boolean {
  return (
    order.length === 1 &&
    (order[0]?.field.toLowerCase() === "rank" || order[0]?.field.toLowerCase() === "cf[10019]") &&
    order[0]?.direction === "asc"
  );
}

const SITE_EXTRACTORS: Record<string, ExtractorFactory> = { key: keyOrder, issuekey: keyOrder };

/**
 * Returns a sort for the ORDER BY clause. Sort values are computed once per
 * issue before sorting, which keeps ordering 25,000 issues to a few ms.
 */
export function buildSorter(order: OrderItem[], site: JiraSite): (issues: JiraIssue[]) => JiraIssue[] {
  const parts = order.map((item) => {
    const name = item.field.toLowerCase();
    const extract = EXTRACTORS[name] ?? SITE_EXTRACTORS[name]?.(site);
    if (!extract) {
      if (KNOWN_UNSORTABLE.has(name))
        throw new JqlError(`Ordering by the field '${item.field}' is not supported on this site.`);
      throw new JqlError(`Field '${item.field}' does not exist or you do not have permission to view it.`);
    }
    return { extract, sign: item.direction === "asc" ? 1 : -1 };
  });
  return (issues) => {
    const decorated = issues.map((issue) => ({ issue, values: parts.map((p) => p.extract(issue, site)) }));
    decorated.sort((a, b) => {
      for (let k = 0; k < parts.length; k++) {
        const x = a.values[k] as SortValue;
        const y = b.values[k] as SortValue;
        if (x === y) continue;
        const sign = (parts[k] as { sign: number }).sign;
        if (x === null) return sign;
        if (y === null) return -sign;
        return (x < y ? -1 : 1) * sign;
      }
      return a.issue.id - b.issue.id;
    });
    return decorated.map((d) => d.issue);
  };
}
