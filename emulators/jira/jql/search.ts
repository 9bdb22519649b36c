import type { JiraIssue, JiraUser } from "../model";
import type { JiraSite } from "../store";
import { compileNode } from "./compile";
import { buildSorter, isRankOnly } from "./order";
import { JqlError, parseJql, type OrderItem } from "./parser";

/**
 * Runs JQL against a site: parse, resolve, pick candidates from an index,
 * filter, sort. Results are cached per query text, user and site version, so
 * paging through a large result never re-sorts it.
 */
export type JqlOptions = {
  currentUser: JiraUser | null;
  now: number;
  /** Enhanced search refuses queries without a restriction; the Agile endpoints scope them to a board or sprint. */
  requireBounded: boolean;
  /** Extra restriction applied first (a board's project, a sprint). */
  scope?: (issue: JiraIssue) => boolean;
  scopeKey?: string;
  /** Order used when the query has no ORDER BY. */
  defaultOrder?: OrderItem[];
};

export const UNBOUNDED_MESSAGE =
  "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";
const KEY_DESC: OrderItem[] = [{ field: "key", direction: "desc" }];

export function runJql(site: JiraSite, jql: string, options: JqlOptions): JiraIssue[] {
  const cacheKey = `${options.scopeKey ?? ""}\u0000${options.currentUser?.accountId ?? ""}\u0000${jql}`;
  return site.cachedSearch(cacheKey, () => {
    const query = parseJql(jql);
    if (!query.where && options.requireBounded) throw new JqlError(UNBOUNDED_MESSAGE);
    const order = query.orderBy.length > 0 ? query.orderBy : (options.defaultOrder ?? KEY_DESC);
    const sort = buildSorter(order, site);
    const indexes = site.indexes();
    const compiled = query.where
      ? compileNode(query.where, { site, currentUser: options.currentUser, now: options.now }, site)
      : null;
    const pool = compiled?.candidates(indexes) ?? indexes.ranked;
    const scope = options.scope;
    const matched = pool.filter((issue) => (!scope || scope(issue)) && (!compiled || compiled.test(issue)));
    // Candidate lists are kept in rank order, so a rank-ordered query needs no sort.
    return isRankOnly(order) ? matched : sort(matched);
  });
}
