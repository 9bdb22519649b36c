import { parseJson } from "../../common/http";
import { badRequest, errorCollection, jiraError, notFound } from "../errors";
import { type CreateInput, createIssue, editIssue, transitionIssue } from "../issue-ops";
import type { JiraIssue } from "../model";
import { boolParam, listParam } from "../paging";
import { FIELD_IDS_ALL, FIELD_IDS_NAVIGABLE, selectFields } from "../serialize/field-catalog";
import { serializeIssue } from "../serialize/issue";
import type { SiteRequest, SiteRoutes } from "../site-router";
import { issueCreated, issueDeleted, trackIssues } from "../webhooks/activity";
import { expandedChangelog } from "../serialize/changelog";
import { findIssueType } from "../reference";

/** Issue create (single and bulk), read, edit and assign. */
const BULK_LIMIT = 50;

export function requireIssue(ctx: SiteRequest, idOrKey: string): JiraIssue {
  const issue = ctx.site.findIssue(idOrKey);
  if (!issue) throw notFound("Issue does not exist or you do not have permission to see it.");
  return issue;
}

function created(ctx: SiteRequest, issue: JiraIssue) {
  return { id: String(issue.id), key: issue.key, self: `${ctx.urls.base}/rest/api/3/issue/${issue.id}` };
}

/** An optional `transition: {id}` in a create body is run right after creation, as Jira does. */
function runCreateTransition(ctx: SiteRequest, issue: JiraIssue, transition: unknown) {
  const id = (transition as { id?: unknown } | undefined)?.id;
  if (id === undefined) return undefined;
  const change = trackIssues(ctx, [issue]);
  const ok = transitionIssue(ctx.site, issue, String(id), ctx.now);
  change.commit("issue_generic");
  return ok
    ? { status: 200, errorCollection: errorCollection([]) }
    : { status: 400, errorCollection: errorCollection(`Transition id '${String(id)}' is not valid for this issue.`) };
}

export function registerIssueRoutes(routes: SiteRoutes) {
  // POST /rest/api/3/issue - create one issue
  routes.post("/rest/api/3/issue", (ctx) => {
    const body = parseJson<CreateInput>(ctx.req);
    const result = createIssue(ctx.site, body, ctx.user, ctx.now);
    if (!result.issue) return jiraError(400, result.messages, result.errors);
    issueCreated(ctx, result.issue);
    const transition = runCreateTransition(ctx, result.issue, body.transition);
    return { status: 201, body: { ...created(ctx, result.issue), ...(transition ? { transition } : {}) } };
  });

  // POST /rest/api/3/issue/bulk - create up to 50 issues; failures are reported per element
  routes.post("/rest/api/3/issue/bulk", (ctx) => {
    const body = parseJson<{ issueUpdates?: unknown }>(ctx.req);
    if (!Array.isArray(body.issueUpdates) || body.issueUpdates.length === 0)
      throw badRequest("Issue updates must be a non-empty list.");
    if (body.issueUpdates.length > BULK_LIMIT) {
      return jiraError(400, `The number of issues exceeds the limit of ${BULK_LIMIT} issues per request.`);
    }
    const issues: ReturnType<typeof created>[] = [];
    const errors: { status: number; elementErrors: ReturnType<typeof errorCollection>; failedElementNumber: number }[] =
      [];
    body.issueUpdates.forEach((update: CreateInput, index: number) => {
      const result = createIssue(ctx.site, update ?? {}, ctx.user, ctx.now);
      if (result.issue) {
        issues.push(created(ctx, result.issue));
        issueCreated(ctx, result.issue);
      } else
        errors.push({
          status: 400,
          elementErrors: errorCollection(result.messages, result.errors),
          failedElementNumber: index,
        });
    });
    return { status: issues.length > 0 ? 201 : 400, body: { issues, errors } };
  });

  // GET /rest/api/3/issue/{issueIdOrKey} - one issue, all fields unless `fields` narrows them
  routes.get("/rest/api/3/issue/:issueIdOrKey", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const requested = listParam(ctx.req.query, "fields");
    const fieldIds = [...selectFields(requested, FIELD_IDS_ALL), "key"];
    const expand = listParam(ctx.req.query, "expand");
    const body = serializeIssue(ctx, issue, fieldIds, { names: expand.includes("names") });
    if (!expand.includes("changelog")) return { status: 200, body };
    return { status: 200, body: { ...body, changelog: expandedChangelog(ctx, issue.id) } };
  });

  // PUT /rest/api/3/issue/{issueIdOrKey} - edit fields (`fields` and `update`)
  routes.put("/rest/api/3/issue/:issueIdOrKey", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const body = parseJson<CreateInput>(ctx.req);
    const change = trackIssues(ctx, [issue]);
    const errors = editIssue(ctx.site, issue, body, ctx.now);
    if (errors) return jiraError(400, [], errors);
    change.commit();
    if (boolParam(ctx.req.query, "returnIssue"))
      return { status: 200, body: serializeIssue(ctx, issue, [...FIELD_IDS_NAVIGABLE, "key"]) };
    return { status: 204 };
  });

  // PUT /rest/api/3/issue/{issueIdOrKey}/assignee - assign, or unassign with accountId null
  routes.put("/rest/api/3/issue/:issueIdOrKey/assignee", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const body = parseJson<{ accountId?: unknown }>(ctx.req);
    if (!("accountId" in body))
      throw badRequest("", { assignee: "Specify the accountId of the assignee, or null to unassign." });
    const change = trackIssues(ctx, [issue]);
    const errors = editIssue(
      ctx.site,
      issue,
      { fields: { assignee: body.accountId === null ? null : { accountId: body.accountId } } },
      ctx.now,
    );
    if (errors) return jiraError(400, [], errors);
    change.commit("issue_assigned");
    return { status: 204 };
  });

  // DELETE /rest/api/3/issue/{issueIdOrKey} - delete; an issue with subtasks needs deleteSubtasks=true
  routes.delete("/rest/api/3/issue/:issueIdOrKey", (ctx) => {
    const issue = requireIssue(ctx, ctx.req.params.issueIdOrKey as string);
    const subtasks = (ctx.site.indexes().children.get(issue.id) ?? []).filter(
      (child) => findIssueType(child.issueTypeId).subtask,
    );
    if (subtasks.length > 0 && ctx.req.query.get("deleteSubtasks") !== "true")
      throw badRequest("The issue has subtasks. Set deleteSubtasks to true to delete the issue and its subtasks.");
    for (const removed of [...subtasks, issue]) {
      issueDeleted(ctx, removed);
      ctx.site.removeIssue(removed);
    }
    return { status: 204 };
  });
}
