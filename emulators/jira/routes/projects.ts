import { parseJson } from "../../common/http";
import { badRequest, jiraError, notFound } from "../errors";
import type { JiraProject, JiraVersion } from "../model";
import { intParam, listParam, pageOf, stringParam } from "../paging";
import { ISSUE_TYPES, isDoneStatus } from "../reference";
import { serializeIssueType } from "../serialize/reference";
import { serializeComponent, serializeProject, serializeProjectSummary, serializeVersion } from "../serialize/project";
import type { SiteRequest, SiteRoutes } from "../site-router";
import { trackIssues, versionChanged } from "../webhooks/activity";

/** Projects, their components, versions (list, page, create, update/release) and create metadata. */
const today = (ctx: SiteRequest) => new Date(ctx.now).toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function requireProject(ctx: SiteRequest, idOrKey: string): JiraProject {
  const project = ctx.site.findProject(idOrKey);
  if (!project) throw notFound(`No project could be found with key '${idOrKey}'.`);
  return project;
}

/** PageBean with `self` and `nextPage` links, as the platform API pages. */
function platformPage<T>(ctx: SiteRequest, items: T[], startAt: number, maxResults: number) {
  const page = pageOf(items, startAt, maxResults);
  const self = `${ctx.urls.base}${ctx.req.url.pathname.slice(ctx.req.url.pathname.indexOf("/rest/"))}`;
  return {
    self: `${self}?startAt=${startAt}&maxResults=${maxResults}`,
    ...(page.isLast ? {} : { nextPage: `${self}?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
    ...page,
  };
}

const VERSION_ORDER: Record<string, (a: JiraVersion, b: JiraVersion) => number> = {
  sequence: (a, b) => Number(a.id) - Number(b.id),
  name: (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }),
  releaseDate: (a, b) => (a.releaseDate ?? "9999").localeCompare(b.releaseDate ?? "9999"),
  startDate: (a, b) => (a.startDate ?? "9999").localeCompare(b.startDate ?? "9999"),
};

function versionBodyErrors(body: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of ["releaseDate", "startDate"]) {
    const value = body[field];
    if (value !== undefined && value !== null && (typeof value !== "string" || !DATE.test(value)))
      errors[field] = `The ${field} must be in the format yyyy-MM-dd.`;
  }
  for (const field of ["released", "archived"])
    if (body[field] !== undefined && typeof body[field] !== "boolean")
      errors[field] = `The '${field}' field must be true or false.`;
  if (body.description !== undefined && typeof body.description !== "string")
    errors.description = "The description must be a string.";
  return errors;
}

export function registerProjectRoutes(routes: SiteRoutes) {
  // GET /rest/api/3/project/search - paged projects, filtered by keys/query
  routes.get("/rest/api/3/project/search", (ctx) => {
    const keys = listParam(ctx.req.query, "keys").map((k) => k.toUpperCase());
    const query = stringParam(ctx.req.query, "query")?.toLowerCase();
    const orderBy = stringParam(ctx.req.query, "orderBy") ?? "key";
    const descending = orderBy.startsWith("-");
    const orderField = orderBy.replace(/^[-+]/, "");
    if (
      ![
        "key",
        "name",
        "category",
        "issueCount",
        "lastIssueUpdatedTime",
        "owner",
        "archivedDate",
        "deletedDate",
      ].includes(orderField)
    )
      throw badRequest(`Invalid orderBy value '${orderBy}'.`);
    let projects = ctx.site.data.projects.filter(
      (p) =>
        (keys.length === 0 || keys.includes(p.key)) &&
        (!query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query)),
    );
    projects = [...projects].sort(
      (a, b) =>
        (orderField === "name" ? a.name.localeCompare(b.name) : a.key.localeCompare(b.key)) * (descending ? -1 : 1),
    );
    const startAt = intParam(ctx.req.query, "startAt", 0);
    const maxResults = Math.min(intParam(ctx.req.query, "maxResults", 50), 100);
    const page = platformPage(ctx, projects, startAt, maxResults);
    return { status: 200, body: { ...page, values: page.values.map((p) => serializeProjectSummary(ctx.urls, p)) } };
  });

  // GET /rest/api/3/project/{projectIdOrKey} - one project with lead, components, issue types, versions
  routes.get("/rest/api/3/project/:projectIdOrKey", (ctx) => {
    const project = requireProject(ctx, ctx.req.params.projectIdOrKey as string);
    return { status: 200, body: serializeProject(ctx.urls, ctx.site, project, today(ctx)) };
  });

  // GET /rest/api/3/project/{projectIdOrKey}/components - all components of a project
  routes.get("/rest/api/3/project/:projectIdOrKey/components", (ctx) => {
    const project = requireProject(ctx, ctx.req.params.projectIdOrKey as string);
    return { status: 200, body: project.components.map((c) => serializeComponent(ctx.urls, ctx.site, project, c)) };
  });

  // GET /rest/api/3/project/{projectIdOrKey}/versions - all versions, unpaged
  routes.get("/rest/api/3/project/:projectIdOrKey/versions", (ctx) => {
    const project = requireProject(ctx, ctx.req.params.projectIdOrKey as string);
    return {
      status: 200,
      body: ctx.site.data.versions
        .filter((v) => v.projectId === project.id)
        .map((v) => serializeVersion(ctx.urls, v, today(ctx))),
    };
  });

  // GET /rest/api/3/project/{projectIdOrKey}/version - paged versions with orderBy/query/status
  routes.get("/rest/api/3/project/:projectIdOrKey/version", (ctx) => {
    const project = requireProject(ctx, ctx.req.params.projectIdOrKey as string);
    const orderBy = stringParam(ctx.req.query, "orderBy");
    const compare = orderBy ? VERSION_ORDER[orderBy.replace(/^[-+]/, "")] : VERSION_ORDER.sequence;
    if (!compare) throw badRequest(`Invalid orderBy value '${orderBy}'.`);
    const query = stringParam(ctx.req.query, "query")?.toLowerCase();
    const statuses = listParam(ctx.req.query, "status");
    const matchesStatus = (v: JiraVersion) =>
      statuses.length === 0 ||
      (statuses.includes("archived") && v.archived) ||
      (statuses.includes("released") && v.released && !v.archived) ||
      (statuses.includes("unreleased") && !v.released && !v.archived);
    const versions = ctx.site.data.versions
      .filter(
        (v) =>
          v.projectId === project.id &&
          matchesStatus(v) &&
          (!query || v.name.toLowerCase().includes(query) || v.description.toLowerCase().includes(query)),
      )
      .sort((a, b) => compare(a, b) * (orderBy?.startsWith("-") ? -1 : 1));
    const page = platformPage(
      ctx,
      versions,
      intParam(ctx.req.query, "startAt", 0),
      Math.min(intParam(ctx.req.query, "maxResults", 50), 100),
    );
    return {
      status: 200,
      body: { ...page, values: page.values.map((v) => serializeVersion(ctx.urls, v, today(ctx))) },
    };
  });

  // POST /rest/api/3/version - create a version in a project
  routes.post("/rest/api/3/version", (ctx) => {
    const body = parseJson<Record<string, unknown>>(ctx.req);
    const project =
      body.projectId !== undefined
        ? ctx.site.findProject(String(body.projectId))
        : typeof body.project === "string"
          ? ctx.site.findProject(body.project)
          : undefined;
    const errors = versionBodyErrors(body);
    if (typeof body.name !== "string" || body.name.trim() === "") errors.name = "You must specify a valid version name";
    if (!project) errors.project = "You must specify a valid project.";
    else if (
      typeof body.name === "string" &&
      ctx.site.data.versions.some((v) => v.projectId === project.id && v.name === body.name)
    )
      errors.name = "A version with this name already exists in this project.";
    if (Object.keys(errors).length > 0 || !project) return jiraError(400, [], errors);
    const version: JiraVersion = {
      id: String(ctx.site.data.nextIds.version++),
      projectId: project.id,
      name: body.name as string,
      description: (body.description as string | undefined) ?? "",
      released: (body.released as boolean | undefined) ?? false,
      archived: (body.archived as boolean | undefined) ?? false,
      startDate: (body.startDate as string | undefined) ?? null,
      releaseDate: (body.releaseDate as string | undefined) ?? null,
    };
    ctx.site.data.versions.push(version);
    ctx.site.touch();
    versionChanged(ctx, null, version);
    return { status: 201, body: serializeVersion(ctx.urls, version, today(ctx)) };
  });

  // GET /rest/api/3/version/{id} - one version
  routes.get("/rest/api/3/version/:id", (ctx) => {
    const version = ctx.site.findVersion(ctx.req.params.id as string);
    if (!version) throw notFound(`Could not find version for id '${ctx.req.params.id}'`);
    return { status: 200, body: serializeVersion(ctx.urls, version, today(ctx)) };
  });

  // PUT /rest/api/3/version/{id} - update; {released:true, releaseDate} releases it
  routes.put("/rest/api/3/version/:id", (ctx) => {
    const version = ctx.site.findVersion(ctx.req.params.id as string);
    if (!version) throw notFound(`Could not find version for id '${ctx.req.params.id}'`);
    const body = parseJson<Record<string, unknown>>(ctx.req);
    const errors = versionBodyErrors(body);
    if (body.name !== undefined) {
      if (typeof body.name !== "string" || body.name.trim() === "")
        errors.name = "You must specify a valid version name";
      else if (
        ctx.site.data.versions.some(
          (v) => v.id !== version.id && v.projectId === version.projectId && v.name === body.name,
        )
      )
        errors.name = "A version with this name already exists in this project.";
    }
    let moveTo: JiraVersion | undefined;
    if (body.moveUnfixedIssuesTo !== undefined) {
      const target = String(body.moveUnfixedIssuesTo).split("/").pop() ?? "";
      moveTo = ctx.site.findVersion(target);
      if (!moveTo || moveTo.projectId !== version.projectId)
        errors.moveUnfixedIssuesTo = "The version to move unfixed issues to does not exist in this project.";
    }
    if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
    const before = { ...version };
    const moved = moveTo ? ctx.site.data.issues.filter((i) => i.fixVersionIds.includes(version.id)) : [];
    const change = trackIssues(ctx, moved);
    if (typeof body.name === "string") version.name = body.name;
    if (typeof body.description === "string") version.description = body.description;
    if (typeof body.released === "boolean") version.released = body.released;
    if (typeof body.archived === "boolean") version.archived = body.archived;
    if (body.releaseDate !== undefined) version.releaseDate = body.releaseDate as string | null;
    if (body.startDate !== undefined) version.startDate = body.startDate as string | null;
    if (version.released && !version.releaseDate) version.releaseDate = today(ctx);
    if (moveTo) {
      for (const issue of ctx.site.data.issues) {
        if (!issue.fixVersionIds.includes(version.id) || isDoneStatus(issue.statusId)) continue;
        issue.fixVersionIds = [
          ...new Set(issue.fixVersionIds.map((id) => (id === version.id ? (moveTo as JiraVersion).id : id))),
        ];
        issue.updated = ctx.now;
      }
    }
    ctx.site.touch();
    versionChanged(ctx, before, version);
    change.commit();
    return { status: 200, body: serializeVersion(ctx.urls, version, today(ctx)) };
  });

  // GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes - issue types that can be created
  routes.get("/rest/api/3/issue/createmeta/:projectIdOrKey/issuetypes", (ctx) => {
    requireProject(ctx, ctx.req.params.projectIdOrKey as string);
    const startAt = intParam(ctx.req.query, "startAt", 0);
    const maxResults = Math.min(intParam(ctx.req.query, "maxResults", 50), 200);
    const types = ISSUE_TYPES.slice(startAt, startAt + maxResults).map((t) => serializeIssueType(ctx.urls, t));
    return { status: 200, body: { issueTypes: types, maxResults, startAt, total: ISSUE_TYPES.length } };
  });
}
