import { parseJson } from "../../common/http";
import { badRequest, jiraError, notFound } from "../errors";
import { moveToSprint } from "../issue-ops";
import type { JiraIssue, JiraSprint } from "../model";
import { findIssueType } from "../reference";
import { serializeSprint } from "../serialize/sprint";
import type { SiteRequest, SiteRoutes } from "../site-router";
import { type SprintInput, deleteSprint, parseSprintDate, updateSprint } from "../sprint-ops";
import { agileIssuePage, requireIssueList, requireSprint } from "./agile-common";
import { sprintChanged, sprintDeleted, trackIssues } from "../webhooks/activity";

/** Sprint create/read/update/delete, the state machine, and moving issues into a sprint. */
type RankInput = { rankBeforeIssue?: unknown; rankAfterIssue?: unknown };

/** Applies an optional rankBeforeIssue/rankAfterIssue to issues just moved or ranked. */
export function applyRank(ctx: SiteRequest, issues: JiraIssue[], body: RankInput) {
  const before = body.rankBeforeIssue;
  const after = body.rankAfterIssue;
  if (before === undefined && after === undefined) return;
  const anchor = ctx.site.findIssue(String(before ?? after));
  if (!anchor) throw badRequest(`Issue '${String(before ?? after)}' to rank against does not exist.`);
  ctx.site.rerank(
    issues.filter((i) => i.id !== anchor.id),
    anchor,
    before !== undefined ? "before" : "after",
  );
}

/** Runs a sprint update and, when it applied, sends sprint_started/closed/updated. */
function updateAndAnswer(ctx: SiteRequest, mode: "partial" | "full") {
  const sprint = requireSprint(ctx);
  const before = { ...sprint };
  const result = updateSprint(ctx.site, sprint, parseJson<SprintInput>(ctx.req), mode, ctx.now);
  if (!result.ok) return jiraError(400, result.messages, result.errors);
  sprintChanged(ctx, before, sprint);
  return { status: 200, body: serializeSprint(ctx.urls, sprint) };
}

export function registerSprintRoutes(routes: SiteRoutes) {
  // POST /rest/agile/1.0/sprint - create a future sprint on a board
  routes.post("/rest/agile/1.0/sprint", (ctx) => {
    const body = parseJson<SprintInput>(ctx.req);
    const errors: Record<string, string> = {};
    if (typeof body.name !== "string" || body.name.trim() === "") errors.name = "The sprint name must not be empty.";
    else if (body.name.length > 30) errors.name = "The sprint name must not be longer than 30 characters.";
    if (body.originBoardId === undefined) errors.originBoardId = "The board id must be specified.";
    const startDate = parseSprintDate(body.startDate);
    const endDate = parseSprintDate(body.endDate);
    if (startDate === "invalid") errors.startDate = "The start date is not a valid date.";
    if (endDate === "invalid") errors.endDate = "The end date is not a valid date.";
    if (body.goal !== undefined && body.goal !== null && typeof body.goal !== "string")
      errors.goal = "The sprint goal must be a string.";
    if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
    const board = ctx.site.findBoard(Number(body.originBoardId));
    if (!board) throw notFound("Board does not exist or you do not have permission to see it.");
    const sprint: JiraSprint = {
      id: ctx.site.data.nextIds.sprint++,
      name: body.name as string,
      state: "future",
      originBoardId: board.id,
      goal: (body.goal as string | undefined) ?? "",
      createdDate: ctx.now,
      startDate: startDate as number | null,
      endDate: endDate as number | null,
      completeDate: null,
    };
    ctx.site.data.sprints.push(sprint);
    ctx.site.touch();
    sprintChanged(ctx, null, sprint);
    return { status: 201, body: serializeSprint(ctx.urls, sprint) };
  });

  // GET /rest/agile/1.0/sprint/{sprintId} - one sprint
  routes.get("/rest/agile/1.0/sprint/:sprintId", (ctx) => ({
    status: 200,
    body: serializeSprint(ctx.urls, requireSprint(ctx)),
  }));

  // POST /rest/agile/1.0/sprint/{sprintId} - partial update (start: state active; complete: state closed)
  routes.post("/rest/agile/1.0/sprint/:sprintId", (ctx) => updateAndAnswer(ctx, "partial"));

  // PUT /rest/agile/1.0/sprint/{sprintId} - full update; fields left out become empty
  routes.put("/rest/agile/1.0/sprint/:sprintId", (ctx) => updateAndAnswer(ctx, "full"));

  // DELETE /rest/agile/1.0/sprint/{sprintId} - delete; its open issues go back to the backlog
  routes.delete("/rest/agile/1.0/sprint/:sprintId", (ctx) => {
    const sprint = requireSprint(ctx);
    const change = trackIssues(ctx, ctx.site.indexes().bySprint.get(sprint.id) ?? []);
    deleteSprint(ctx.site, sprint, ctx.now);
    sprintDeleted(ctx, sprint);
    change.commit();
    return { status: 204 };
  });

  // GET /rest/agile/1.0/sprint/{sprintId}/issue - issues in the sprint (including ones carried over from it)
  routes.get("/rest/agile/1.0/sprint/:sprintId/issue", (ctx) => {
    const sprint = requireSprint(ctx);
    return agileIssuePage(ctx, (i) => i.sprintIds.includes(sprint.id), `sprint:${sprint.id}`);
  });

  // POST /rest/agile/1.0/sprint/{sprintId}/issue - move up to 50 issues into an active or future sprint
  routes.post("/rest/agile/1.0/sprint/:sprintId/issue", (ctx) => {
    const sprint = requireSprint(ctx);
    const body = parseJson<{ issues?: unknown } & RankInput>(ctx.req);
    const issues = requireIssueList(ctx, body.issues);
    if (sprint.state === "closed")
      throw badRequest(`Issues can only be moved to active or future sprints; sprint ${sprint.id} is closed.`);
    const subtask = issues.find((i) => findIssueType(i.issueTypeId).subtask);
    if (subtask)
      throw badRequest(`Subtask ${subtask.key} cannot be moved to a sprint on its own; move its parent instead.`);
    const change = trackIssues(ctx, issues);
    moveToSprint(ctx.site, issues, sprint, ctx.now);
    applyRank(ctx, issues, body);
    change.commit();
    return { status: 204 };
  });
}
