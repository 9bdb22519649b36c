import { badRequest, notFound } from "../errors";
import type { JiraBoard, JiraIssue, JiraSprint } from "../model";
import { runJql } from "../jql/search";
import { intParam, listParam } from "../paging";
import { FIELD_IDS_NAVIGABLE, selectFields } from "../serialize/field-catalog";
import { serializeIssue } from "../serialize/issue";
import type { SiteRequest } from "../site-router";

/** Lookups and the issue-list page shared by the Agile board, sprint and backlog endpoints. */
const AGILE_ISSUE_LIMIT = 100;
export const MOVE_LIMIT = 50;

export function requireBoard(ctx: SiteRequest): JiraBoard {
  const id = Number(ctx.req.params.boardId);
  const board = Number.isInteger(id) ? ctx.site.findBoard(id) : undefined;
  if (!board) throw notFound(`Board does not exist or you do not have permission to see it.`);
  return board;
}

export function requireSprint(ctx: SiteRequest): JiraSprint {
  const id = Number(ctx.req.params.sprintId);
  const sprint = Number.isInteger(id) ? ctx.site.findSprint(id) : undefined;
  if (!sprint)
    throw notFound(`Sprint with id ${ctx.req.params.sprintId} does not exist or you do not have permission to see it.`);
  return sprint;
}

/** Resolves a move/rank request's issue list (keys or ids), enforcing Jira's limit of 50. */
export function requireIssueList(ctx: SiteRequest, issues: unknown): JiraIssue[] {
  if (!Array.isArray(issues) || issues.length === 0)
    throw badRequest("", { issues: "At least one issue must be given." });
  if (issues.length > MOVE_LIMIT) throw badRequest(`The number of issues exceeds the limit of ${MOVE_LIMIT}.`);
  return issues.map((ref) => {
    const issue = ctx.site.findIssue(String(ref));
    if (!issue) throw badRequest(`Issue '${String(ref)}' does not exist or you do not have permission to see it.`);
    return issue;
  });
}

/** `{expand, startAt, maxResults, total, issues}` for issues in `scope`, narrowed by the `jql` parameter, in rank order. */
export function agileIssuePage(ctx: SiteRequest, scope: (issue: JiraIssue) => boolean, scopeKey: string) {
  const jql = ctx.req.query.get("jql") ?? "";
  const issues = runJql(ctx.site, jql, {
    currentUser: ctx.user,
    now: ctx.now,
    requireBounded: false,
    scope,
    scopeKey,
    defaultOrder: [{ field: "rank", direction: "asc" }],
  });
  const startAt = intParam(ctx.req.query, "startAt", 0);
  const maxResults = Math.min(intParam(ctx.req.query, "maxResults", 50), AGILE_ISSUE_LIMIT);
  const fieldIds = [...selectFields(listParam(ctx.req.query, "fields"), FIELD_IDS_NAVIGABLE), "key"];
  return {
    status: 200,
    body: {
      expand: "schema,names",
      startAt,
      maxResults,
      total: issues.length,
      issues: issues
        .slice(startAt, startAt + maxResults)
        .map((issue) => serializeIssue(ctx, issue, fieldIds, { agile: true })),
    },
  };
}
