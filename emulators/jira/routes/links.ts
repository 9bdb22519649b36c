import { parseJson } from "../../common/http";
import { badRequest, jiraError, notFound } from "../errors";
import type { JiraRemoteLink } from "../model";
import { LINK_TYPES } from "../reference";
import type { SiteRequest, SiteRoutes } from "../site-router";
import { requireIssue } from "./issues";
import { linkChanged } from "../webhooks/activity";

/** Issue links between issues, the link types, and remote links (e.g. to a Sentry issue). */
function serializeRemoteLink(ctx: SiteRequest, issueId: number, link: JiraRemoteLink) {
  return {
    id: link.id,
    self: `${ctx.urls.base}/rest/api/3/issue/${issueId}/remotelink/${link.id}`,
    ...(link.globalId ? { globalId: link.globalId } : {}),
    ...(link.application ? { application: link.application } : {}),
    ...(link.relationship ? { relationship: link.relationship } : {}),
    object: link.object,
  };
}

type IssueRef = { id?: unknown; key?: unknown } | undefined;

export function registerLinkRoutes(routes: SiteRoutes) {
  // GET /rest/api/3/issueLinkType - the site's link types
  routes.get("/rest/api/3/issueLinkType", (ctx) => ({
    status: 200,
    body: {
      issueLinkTypes: LINK_TYPES.map((t) => ({ ...t, self: `${ctx.urls.base}/rest/api/3/issueLinkType/${t.id}` })),
    },
  }));

  // POST /rest/api/3/issueLink - link two issues; for Blocks the inward issue blocks the outward one
  routes.post("/rest/api/3/issueLink", (ctx) => {
    const body = parseJson<{
      type?: { id?: unknown; name?: unknown };
      inwardIssue?: IssueRef;
      outwardIssue?: IssueRef;
    }>(ctx.req);
    const type = LINK_TYPES.find(
      (t) =>
        (body.type?.id !== undefined && t.id === String(body.type.id)) ||
        (typeof body.type?.name === "string" && t.name.toLowerCase() === body.type.name.toLowerCase()),
    );
    if (!type) return jiraError(404, "No issue link type with name or id was found.");
    const find = (ref: IssueRef) => (ref ? ctx.site.findIssue(String(ref.key ?? ref.id ?? "")) : undefined);
    const inward = find(body.inwardIssue);
    const outward = find(body.outwardIssue);
    if (!inward || !outward) return jiraError(404, "Issue does not exist or you do not have permission to see it.");
    if (inward.id === outward.id) throw badRequest("You cannot link an issue to itself.");
    const exists = ctx.site.data.links.some(
      (l) => l.typeId === type.id && l.inwardIssueId === inward.id && l.outwardIssueId === outward.id,
    );
    if (!exists) {
      const link = {
        id: String(ctx.site.data.nextIds.link++),
        typeId: type.id,
        inwardIssueId: inward.id,
        outwardIssueId: outward.id,
      };
      ctx.site.data.links.push(link);
      inward.updated = ctx.now;
      outward.updated = ctx.now;
      ctx.site.touch();
      linkChanged(ctx, "issuelink_created", link);
    }
    return { status: 201 };
  });

  // DELETE /rest/api/3/issueLink/{linkId} - remove a link between two issues
  routes.delete("/rest/api/3/issueLink/:linkId", (ctx) => {
    const link = ctx.site.data.links.find((l) => l.id === ctx.req.params.linkId);
    if (!link) throw notFound("No issue link with the given id exists.");
    ctx.site.data.links.splice(ctx.site.data.links.indexOf(link), 1);
    for (const id of [link.inwardIssueId, link.outwardIssueId]) {
      const issue = ctx.site.issueById(id);
      if (issue) issue.updated = ctx.now;
    }
    ctx.site.touch();
    linkChanged(ctx, "issuelink_deleted", link);
    return { status: 204 };
  });

  // GET /rest/api/3/issue/{issueIdOrKey}/remotelink - all remote links, or the one with `globalId`
  routes.get("/rest/api/3/issue/:issueIdOrKey/remotelink", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const globalId = ctx.req.query.get("globalId");
    if (globalId !== null) {
      const link = issue.remoteLinks.find((l) => l.globalId === globalId);
      if (!link) throw notFound("No remote link with that global id was found.");
      return { status: 200, body: serializeRemoteLink(ctx, issue.id, link) };
    }
    return { status: 200, body: issue.remoteLinks.map((l) => serializeRemoteLink(ctx, issue.id, l)) };
  });

  // POST /rest/api/3/issue/{issueIdOrKey}/remotelink - create, or update the link with the same globalId
  routes.post("/rest/api/3/issue/:issueIdOrKey/remotelink", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const body = parseJson<{
      globalId?: unknown;
      relationship?: unknown;
      application?: unknown;
      object?: { url?: unknown; title?: unknown; summary?: unknown; icon?: unknown };
    }>(ctx.req);
    const errors: Record<string, string> = {};
    if (typeof body.object?.url !== "string" || body.object.url === "") errors.url = "'url' is required.";
    if (typeof body.object?.title !== "string" || body.object.title === "") errors.title = "'title' is required.";
    if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
    const object = body.object as JiraRemoteLink["object"];
    const globalId = typeof body.globalId === "string" ? body.globalId : null;
    const existing = globalId ? issue.remoteLinks.find((l) => l.globalId === globalId) : undefined;
    const fields = {
      globalId,
      relationship: typeof body.relationship === "string" ? body.relationship : null,
      application:
        body.application && typeof body.application === "object"
          ? (body.application as JiraRemoteLink["application"])
          : null,
      object: {
        url: object.url,
        title: object.title,
        ...(object.summary ? { summary: object.summary } : {}),
        ...(object.icon ? { icon: object.icon } : {}),
      },
    };
    issue.updated = ctx.now;
    ctx.site.touch();
    if (existing) {
      Object.assign(existing, fields);
      return {
        status: 200,
        body: { id: existing.id, self: `${ctx.urls.base}/rest/api/3/issue/${issue.id}/remotelink/${existing.id}` },
      };
    }
    const link: JiraRemoteLink = { id: ctx.site.data.nextIds.remoteLink++, ...fields };
    issue.remoteLinks.push(link);
    return {
      status: 201,
      body: { id: link.id, self: `${ctx.urls.base}/rest/api/3/issue/${issue.id}/remotelink/${link.id}` },
    };
  });
}
