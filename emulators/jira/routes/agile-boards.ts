import { badRequest } from "../errors";
import type { JiraSprint, SprintState } from "../model";
import { boolParam, intParam, listParam, pageOf, stringParam } from "../paging";
import { ISSUE_TYPE_IDS, findIssueType, isDoneStatus } from "../reference";
import {
  serializeAgileVersion,
  serializeBoard,
  serializeBoardConfiguration,
  serializeBoardProject,
  serializeEpic,
} from "../serialize/agile";
import { serializeSprint } from "../serialize/sprint";
import type { SiteRoutes } from "../site-router";
import { agileIssuePage, requireBoard, requireSprint } from "./agile-common";

/** Agile boards and everything listed per board: sprints, issues, backlog, epics, versions, projects. */
const STATE_ORDER: Record<SprintState, number> = { closed: 0, active: 1, future: 2 };
const SPRINT_PAGE_LIMIT = 50;

export function registerBoardRoutes(routes: SiteRoutes) {
  // GET /rest/agile/1.0/board - boards, filtered by type, name or project
  routes.get("/rest/agile/1.0/board", (ctx) => {
    const types = listParam(ctx.req.query, "type");
    const name = stringParam(ctx.req.query, "name")?.toLowerCase();
    const projectRef = stringParam(ctx.req.query, "projectKeyOrId");
    const project = projectRef ? ctx.site.findProject(projectRef) : undefined;
    if (projectRef && !project) throw badRequest(`No project could be found with key or id '${projectRef}'.`);
    const boards = ctx.site.data.boards.filter(
      (b) =>
        (types.length === 0 || types.includes(b.type)) &&
        (!name || b.name.toLowerCase().includes(name)) &&
        (!project || b.projectId === project.id),
    );
    const page = pageOf(
      boards,
      intParam(ctx.req.query, "startAt", 0),
      Math.min(intParam(ctx.req.query, "maxResults", 50), 50),
    );
    return { status: 200, body: { ...page, values: page.values.map((b) => serializeBoard(ctx.urls, ctx.site, b)) } };
  });

  // GET /rest/agile/1.0/board/{boardId} - one board
  routes.get("/rest/agile/1.0/board/:boardId", (ctx) => ({
    status: 200,
    body: serializeBoard(ctx.urls, ctx.site, requireBoard(ctx)),
  }));

  // GET /rest/agile/1.0/board/{boardId}/configuration - columns, estimation field (story points) and rank field
  routes.get("/rest/agile/1.0/board/:boardId/configuration", (ctx) => ({
    status: 200,
    body: serializeBoardConfiguration(ctx.urls, ctx.site, requireBoard(ctx)),
  }));

  // GET /rest/agile/1.0/board/{boardId}/sprint - sprints ordered closed, active, future; pages of at most 50
  routes.get("/rest/agile/1.0/board/:boardId/sprint", (ctx) => {
    const board = requireBoard(ctx);
    const states = listParam(ctx.req.query, "state");
    const invalid = states.find((s) => !(s in STATE_ORDER));
    if (invalid)
      throw badRequest(`The sprint state '${invalid}' is not valid. Valid states are future, active and closed.`);
    const sprints = ctx.site.data.sprints
      .filter((s) => s.originBoardId === board.id && (states.length === 0 || states.includes(s.state)))
      .sort(
        (a: JiraSprint, b: JiraSprint) =>
          STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
          (a.startDate ?? a.createdDate) - (b.startDate ?? b.createdDate) ||
          a.id - b.id,
      );
    const page = pageOf(
      sprints,
      intParam(ctx.req.query, "startAt", 0),
      Math.min(intParam(ctx.req.query, "maxResults", 50), SPRINT_PAGE_LIMIT),
    );
    return { status: 200, body: { ...page, values: page.values.map((s) => serializeSprint(ctx.urls, s)) } };
  });

  // GET /rest/agile/1.0/board/{boardId}/sprint/{sprintId}/issue - the board's issues in a sprint
  routes.get("/rest/agile/1.0/board/:boardId/sprint/:sprintId/issue", (ctx) => {
    const board = requireBoard(ctx);
    const sprint = requireSprint(ctx);
    return agileIssuePage(
      ctx,
      (i) => i.projectId === board.projectId && i.sprintIds.includes(sprint.id),
      `board:${board.id}:sprint:${sprint.id}`,
    );
  });

  // GET /rest/agile/1.0/board/{boardId}/issue - every issue on the board
  routes.get("/rest/agile/1.0/board/:boardId/issue", (ctx) => {
    const board = requireBoard(ctx);
    return agileIssuePage(ctx, (i) => i.projectId === board.projectId, `board:${board.id}`);
  });

  // GET /rest/agile/1.0/board/{boardId}/backlog - unfinished issues outside active and future sprints, by rank
  routes.get("/rest/agile/1.0/board/:boardId/backlog", (ctx) => {
    const board = requireBoard(ctx);
    const { site } = ctx;
    return agileIssuePage(
      ctx,
      (i) =>
        i.projectId === board.projectId &&
        i.issueTypeId !== ISSUE_TYPE_IDS.epic &&
        !findIssueType(i.issueTypeId).subtask &&
        !isDoneStatus(i.statusId) &&
        !site.openSprintOf(i),
      `board:${board.id}:backlog`,
    );
  });

  // GET /rest/agile/1.0/board/{boardId}/epic - the board's epics, optionally only done or not done
  routes.get("/rest/agile/1.0/board/:boardId/epic", (ctx) => {
    const board = requireBoard(ctx);
    const done = boolParam(ctx.req.query, "done");
    const epics = (ctx.site.indexes().byProject.get(board.projectId) ?? [])
      .filter((i) => i.issueTypeId === ISSUE_TYPE_IDS.epic && (done === undefined || isDoneStatus(i.statusId) === done))
      .sort((a, b) => a.id - b.id);
    const page = pageOf(
      epics,
      intParam(ctx.req.query, "startAt", 0),
      Math.min(intParam(ctx.req.query, "maxResults", 50), 50),
    );
    return { status: 200, body: { ...page, values: page.values.map((e) => serializeEpic(ctx.urls, e)) } };
  });

  // GET /rest/agile/1.0/board/{boardId}/version - the board project's versions, optionally by released
  routes.get("/rest/agile/1.0/board/:boardId/version", (ctx) => {
    const board = requireBoard(ctx);
    const released = boolParam(ctx.req.query, "released");
    const versions = ctx.site.data.versions.filter(
      (v) => v.projectId === board.projectId && (released === undefined || v.released === released),
    );
    const page = pageOf(
      versions,
      intParam(ctx.req.query, "startAt", 0),
      Math.min(intParam(ctx.req.query, "maxResults", 50), 50),
    );
    return { status: 200, body: { ...page, values: page.values.map((v) => serializeAgileVersion(ctx.urls, v)) } };
  });

  // GET /rest/agile/1.0/board/{boardId}/project - the projects on the board
  routes.get("/rest/agile/1.0/board/:boardId/project", (ctx) => {
    const board = requireBoard(ctx);
    const page = pageOf(
      [board],
      intParam(ctx.req.query, "startAt", 0),
      Math.min(intParam(ctx.req.query, "maxResults", 50), 50),
    );
    return {
      status: 200,
      body: { ...page, values: page.values.map((b) => serializeBoardProject(ctx.urls, ctx.site, b)) },
    };
  });
}
