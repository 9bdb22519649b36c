import { parseJson } from "../../common/http";
import { badRequest, jiraError } from "../errors";
import { editIssue, transitionIssue, transitionsFrom } from "../issue-ops";
import type { AdfDoc } from "../model";
import { intParam, stringParam } from "../paging";
import { TRANSITIONS, findStatus } from "../reference";
import { serializeComment } from "../serialize/comment";
import { serializeStatus } from "../serialize/reference";
import type { SiteRoutes } from "../site-router";
import { requireIssue } from "./issues";
import { commentAdded, trackIssues } from "../webhooks/activity";

/** Workflow transitions and ADF comments on an issue. */
export function registerWorkflowRoutes(routes: SiteRoutes) {
  // GET /rest/api/3/issue/{issueIdOrKey}/transitions - transitions available from the current status
  routes.get("/rest/api/3/issue/:issueIdOrKey/transitions", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const includeUnavailable = ctx.req.query.get("includeUnavailableTransitions") === "true";
    const only = stringParam(ctx.req.query, "transitionId");
    const available = new Set(transitionsFrom(issue).map((t) => t.id));
    const listed = (includeUnavailable ? TRANSITIONS : TRANSITIONS.filter((t) => available.has(t.id))).filter(
      (t) => !only || t.id === only,
    );
    return {
      status: 200,
      body: {
        expand: "transitions",
        transitions: listed.map((t) => ({
          id: t.id,
          name: t.name,
          to: serializeStatus(ctx.urls, findStatus(t.to)),
          hasScreen: false,
          isGlobal: false,
          isInitial: false,
          isAvailable: available.has(t.id),
          isConditional: false,
          looped: false,
        })),
      },
    };
  });

  // POST /rest/api/3/issue/{issueIdOrKey}/transitions - move the issue through the workflow
  routes.post("/rest/api/3/issue/:issueIdOrKey/transitions", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const body = parseJson<{ transition?: { id?: unknown }; fields?: unknown; update?: unknown }>(ctx.req);
    const id = body.transition?.id;
    if (id === undefined || id === null) throw badRequest("", { transition: "A transition id must be specified." });
    if (!transitionsFrom(issue).some((t) => t.id === String(id)))
      return jiraError(400, `Transition id '${String(id)}' is not valid for this issue.`);
    const change = trackIssues(ctx, [issue]);
    if (body.fields || body.update) {
      const errors = editIssue(ctx.site, issue, { fields: body.fields, update: body.update }, ctx.now);
      if (errors) return jiraError(400, [], errors);
    }
    transitionIssue(ctx.site, issue, String(id), ctx.now);
    change.commit("issue_generic");
    return { status: 204 };
  });

  // GET /rest/api/3/issue/{issueIdOrKey}/comment - comments, oldest first unless orderBy=-created
  routes.get("/rest/api/3/issue/:issueIdOrKey/comment", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const startAt = intParam(ctx.req.query, "startAt", 0);
    const maxResults = Math.min(intParam(ctx.req.query, "maxResults", 100), 5000);
    const order = stringParam(ctx.req.query, "orderBy");
    const comments = order === "-created" || order === "-updated" ? [...issue.comments].reverse() : issue.comments;
    return {
      status: 200,
      body: {
        comments: comments.slice(startAt, startAt + maxResults).map((c) => serializeComment(ctx, issue, c)),
        maxResults,
        total: comments.length,
        startAt,
      },
    };
  });

  // POST /rest/api/3/issue/{issueIdOrKey}/comment - add an ADF comment as the caller
  routes.post("/rest/api/3/issue/:issueIdOrKey/comment", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const body = parseJson<{ body?: unknown }>(ctx.req);
    const doc = body.body as AdfDoc | undefined;
    if (!doc || typeof doc !== "object" || doc.type !== "doc" || !Array.isArray(doc.content)) {
      return jiraError(400, [], {
        comment: "Comment body is not valid! It must be an Atlassian Document (see the Atlassian Document Format).",
      });
    }
    const comment = {
      id: String(ctx.site.data.nextIds.comment++),
      authorId: ctx.user.accountId,
      body: doc,
      created: ctx.now,
      updated: ctx.now,
    };
    issue.comments.push(comment);
    issue.updated = ctx.now;
    ctx.site.touch();
    commentAdded(ctx, issue, comment);
    return { status: 201, body: serializeComment(ctx, issue, comment) };
  });
}
