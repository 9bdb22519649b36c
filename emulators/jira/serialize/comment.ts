import type { JiraComment, JiraIssue } from "../model";
import type { JiraSite } from "../store";
import { type SiteUrls, jiraDateTime, serializeUser } from "./common";

export function serializeComment(ctx: { site: JiraSite; urls: SiteUrls }, issue: JiraIssue, comment: JiraComment) {
  const author = ctx.site.findUser(comment.authorId);
  const user = author ? serializeUser(ctx.urls, author) : undefined;
  return {
    self: `${ctx.urls.base}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    ...(user ? { author: user, updateAuthor: user } : {}),
    body: comment.body,
    created: jiraDateTime(comment.created),
    updated: jiraDateTime(comment.updated),
    jsdPublic: true,
  };
}
