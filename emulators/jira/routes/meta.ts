import { badRequest, notFound } from "../errors";
import type { JiraUser } from "../model";
import { intParam, listParam, pageOf, stringParam } from "../paging";
import { ISSUE_TYPES, PRIORITIES, PRIORITY_IDS, STATUSES } from "../reference";
import { serializeMyself, serializeUser } from "../serialize/common";
import { FIELD_CATALOG, serializeFieldDetails } from "../serialize/field-catalog";
import { serializeIssueType, serializePriority, serializeStatus } from "../serialize/reference";
import type { SiteRequest, SiteRoutes } from "../site-router";

/** Reference data (fields, types, priorities, statuses, server info) and the user endpoints. */
function matchUsers(ctx: SiteRequest, query: string | undefined, accountId: string | undefined): JiraUser[] {
  const lower = query?.toLowerCase();
  return ctx.site.data.users.filter(
    (u) =>
      (!accountId || u.accountId === accountId) &&
      (!lower ||
        u.email.toLowerCase().startsWith(lower) ||
        u.displayName
          .toLowerCase()
          .split(" ")
          .some((part) => part.startsWith(lower)) ||
        u.displayName.toLowerCase().startsWith(lower)),
  );
}

function pagedUsers(ctx: SiteRequest, users: JiraUser[]) {
  const startAt = intParam(ctx.req.query, "startAt", 0);
  const maxResults = Math.min(intParam(ctx.req.query, "maxResults", 50), 1000);
  return { status: 200, body: users.slice(startAt, startAt + maxResults).map((u) => serializeUser(ctx.urls, u)) };
}

export function registerMetaRoutes(routes: SiteRoutes) {
  // GET /rest/api/3/field - every field, with story points, rank and sprint as custom fields
  routes.get("/rest/api/3/field", () => ({ status: 200, body: FIELD_CATALOG.map(serializeFieldDetails) }));

  // GET /rest/api/3/field/search - paged fields filtered by id, type or query
  routes.get("/rest/api/3/field/search", (ctx) => {
    const ids = listParam(ctx.req.query, "id");
    const types = listParam(ctx.req.query, "type");
    const query = stringParam(ctx.req.query, "query")?.toLowerCase();
    const fields = FIELD_CATALOG.filter(
      (f) =>
        (ids.length === 0 || ids.includes(f.id)) &&
        (types.length === 0 || types.includes(f.custom ? "custom" : "system")) &&
        (!query || f.name.toLowerCase().includes(query) || f.id.includes(query)),
    );
    const page = pageOf(
      fields,
      intParam(ctx.req.query, "startAt", 0),
      Math.min(intParam(ctx.req.query, "maxResults", 50), 100),
    );
    return {
      status: 200,
      body: {
        ...page,
        values: page.values.map((f) => ({
          id: f.id,
          key: f.id,
          name: f.name,
          schema: f.schema,
          searcherKey: f.custom ? `${f.schema.custom}-searcher` : undefined,
          stableId: `sfid:${f.id}`,
        })),
      },
    };
  });

  // GET /rest/api/3/issuetype - the site's issue types
  routes.get("/rest/api/3/issuetype", (ctx) => ({
    status: 200,
    body: ISSUE_TYPES.map((t) => serializeIssueType(ctx.urls, t)),
  }));

  // GET /rest/api/3/priority - priorities, highest first
  routes.get("/rest/api/3/priority", (ctx) => ({
    status: 200,
    body: PRIORITIES.map((p) => ({
      ...serializePriority(ctx.urls, p),
      statusColor: p.statusColor,
      description: p.description,
      isDefault: p.id === PRIORITY_IDS.medium,
    })),
  }));

  // GET /rest/api/3/status - the workflow's statuses with their categories
  routes.get("/rest/api/3/status", (ctx) => ({ status: 200, body: STATUSES.map((s) => serializeStatus(ctx.urls, s)) }));

  // GET /rest/api/3/serverInfo - a Cloud site's server information
  routes.get("/rest/api/3/serverInfo", (ctx) => ({
    status: 200,
    body: {
      baseUrl: ctx.urls.base,
      displayUrl: ctx.urls.base,
      version: "1001.0.0-SNAPSHOT",
      versionNumbers: [1001, 0, 0],
      deploymentType: "Cloud",
      buildNumber: 100287,
      buildDate: "2026-08-01T00:00:00.000+0000",
      serverTime: new Date(ctx.now).toISOString().replace("Z", "+0000"),
      scmInfo: "5a7cbd1e0f2c4a8b9d3e6f7a1b2c3d4e5f6a7b8c",
      serverTitle: "Jira",
    },
  }));

  // GET /rest/api/3/myself - the authenticated user
  routes.get("/rest/api/3/myself", (ctx) => ({ status: 200, body: serializeMyself(ctx.urls, ctx.user) }));

  // GET /rest/api/3/user/search - people matching a name/e-mail prefix or an accountId
  routes.get("/rest/api/3/user/search", (ctx) => {
    const query = stringParam(ctx.req.query, "query");
    const accountId = stringParam(ctx.req.query, "accountId");
    if (query === undefined && accountId === undefined && !ctx.req.query.has("property"))
      throw badRequest("One of 'query', 'accountId' or 'property' query parameters must be provided.");
    return pagedUsers(ctx, matchUsers(ctx, query, accountId));
  });

  // GET /rest/api/3/user/assignable/search - people who can be assigned in a project or issue
  routes.get("/rest/api/3/user/assignable/search", (ctx) => {
    const projectKey = stringParam(ctx.req.query, "project");
    const issueKey = stringParam(ctx.req.query, "issueKey") ?? stringParam(ctx.req.query, "issueId");
    if (!projectKey && !issueKey)
      throw badRequest("One of the following parameters must be provided: issueKey, issueId or project.");
    if (projectKey && !ctx.site.findProject(projectKey)) throw notFound(`Project '${projectKey}' not found.`);
    if (issueKey && !ctx.site.findIssue(issueKey)) throw notFound(`Issue '${issueKey}' not found.`);
    return pagedUsers(
      ctx,
      matchUsers(ctx, stringParam(ctx.req.query, "query"), stringParam(ctx.req.query, "accountId")),
    );
  });
}
