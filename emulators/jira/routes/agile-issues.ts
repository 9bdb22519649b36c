import { parseJson } from "../../common/http";
import { badRequest, notFound } from "../errors";
import { moveToSprint } from "../issue-ops";
import { FIELD_IDS, findIssueType } from "../reference";
import type { SiteRequest, SiteRoutes } from "../site-router";
import { MOVE_LIMIT, requireIssueList } from "./agile-common";
import { applyRank } from "./agile-sprints";
import { requireIssue } from "./issues";
import { trackIssues } from "../webhooks/activity";

/** Backlog moves, ranking and board estimation (story points) of single issues. */
function requireEstimationTarget(ctx: SiteRequest) {
  const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
  const boardParam = ctx.req.query.get("boardId");
  if (boardParam === null || boardParam === "") throw badRequest("The boardId parameter is required.");
  const board = ctx.site.findBoard(Number(boardParam));
  if (!board) throw notFound(`Board ${boardParam} does not exist or you do not have permission to see it.`);
  if (board.projectId !== issue.projectId) throw notFound(`Issue ${issue.key} does not belong to board ${board.id}.`);
  return issue;
}

/** The estimate as the Agile API writes it: the field id and the value as a decimal string ("8.0"). */
function estimation(points: number | null) {
  return {
    fieldId: FIELD_IDS.storyPoints,
    ...(points !== null ? { value: Number.isInteger(points) ? points.toFixed(1) : String(points) } : {}),
  };
}

export function registerAgileIssueRoutes(routes: SiteRoutes) {
  // POST /rest/agile/1.0/backlog/issue - move up to 50 issues out of their sprints
  routes.post("/rest/agile/1.0/backlog/issue", (ctx) => {
    const body = parseJson<{ issues?: unknown }>(ctx.req);
    const issues = requireIssueList(ctx, body.issues);
    const subtask = issues.find((i) => findIssueType(i.issueTypeId).subtask);
    if (subtask)
      throw badRequest(`Subtask ${subtask.key} cannot be moved to the backlog on its own; move its parent instead.`);
    const change = trackIssues(ctx, issues);
    moveToSprint(ctx.site, issues, null, ctx.now);
    change.commit();
    return { status: 204 };
  });

  // PUT /rest/agile/1.0/issue/rank - rank up to 50 issues before or after another issue
  routes.put("/rest/agile/1.0/issue/rank", (ctx) => {
    const body = parseJson<{ issues?: unknown; rankBeforeIssue?: unknown; rankAfterIssue?: unknown }>(ctx.req);
    if ((body.rankBeforeIssue === undefined) === (body.rankAfterIssue === undefined))
      throw badRequest("Exactly one of rankBeforeIssue and rankAfterIssue must be given.");
    if (!Array.isArray(body.issues) || body.issues.length === 0)
      throw badRequest("", { issues: "At least one issue must be given." });
    if (body.issues.length > MOVE_LIMIT) throw badRequest(`The number of issues exceeds the limit of ${MOVE_LIMIT}.`);
    const found = body.issues.map((ref) => ({ ref: String(ref), issue: ctx.site.findIssue(String(ref)) }));
    const missing = found.filter((f) => !f.issue);
    const issues = found.flatMap((f) => (f.issue ? [f.issue] : []));
    if (issues.length > 0) applyRank(ctx, issues, body);
    else if (!ctx.site.findIssue(String(body.rankBeforeIssue ?? body.rankAfterIssue)))
      throw badRequest("The issue to rank against does not exist.");
    if (missing.length === 0) return { status: 204 };
    return {
      status: 207,
      body: {
        entries: found.map(({ ref, issue }) =>
          issue
            ? { issueId: issue.id, issueKey: issue.key, status: 200 }
            : {
                issueId: Number.isInteger(Number(ref)) ? Number(ref) : 0,
                issueKey: ref,
                status: 404,
                errors: ["Issue does not exist or you do not have permission to see it."],
              },
        ),
      },
    };
  });

  // GET /rest/agile/1.0/issue/{issueIdOrKey}/estimation?boardId= - the board's estimate (story points)
  routes.get("/rest/agile/1.0/issue/:issueIdOrKey/estimation", (ctx) => {
    const issue = requireEstimationTarget(ctx);
    return { status: 200, body: estimation(issue.storyPoints) };
  });

  // PUT /rest/agile/1.0/issue/{issueIdOrKey}/estimation?boardId= - set the estimate ({value}, null clears it)
  routes.put("/rest/agile/1.0/issue/:issueIdOrKey/estimation", (ctx) => {
    const issue = requireEstimationTarget(ctx);
    const { value } = parseJson<{ value?: unknown }>(ctx.req);
    const parsed = value === null || value === undefined || value === "" ? null : Number(value);
    if (parsed !== null && (!Number.isFinite(parsed) || parsed < 0))
      throw badRequest(`The estimation value '${String(value)}' is not a valid number.`);
    const change = trackIssues(ctx, [issue]);
    issue.storyPoints = parsed;
    issue.updated = ctx.now;
    ctx.site.touch();
    change.commit();
    return { status: 200, body: estimation(parsed) };
  });
}
