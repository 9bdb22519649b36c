import type { JiraChangeHistory, JiraChangeItem } from "../model";
import type { JiraSite } from "../store";
import { type SiteUrls, jiraDateTime, serializeUser } from "./common";

/** Changelog entries (Changelog / PageOfChangelogs) as the issue changelog endpoints and `expand=changelog` show them. */
export const CHANGELOG_PAGE_LIMIT = 100;
type ChangelogContext = { site: JiraSite; urls: SiteUrls };

/**
 * Change items with all seven keys, null where Jira has no value (as Jira
 * sends them, although its description types them as strings). A missing
 * `toString` key would read as Object.prototype.toString in a client.
 */
export function serializeChangeItem(item: JiraChangeItem): JiraChangeItem {
  return { ...item };
}

export function serializeHistory(ctx: ChangelogContext, history: JiraChangeHistory, fieldIds?: Set<string>) {
  const author = ctx.site.findUser(history.authorId);
  const items = fieldIds ? history.items.filter((i) => fieldIds.has(i.fieldId)) : history.items;
  return {
    id: history.id,
    ...(author ? { author: serializeUser(ctx.urls, author) } : {}),
    created: jiraDateTime(history.created),
    items: items.map(serializeChangeItem),
  };
}

/** `expand=changelog` on an issue: its most recent changes, newest first (PageOfChangelogs). */
export function expandedChangelog(ctx: ChangelogContext, issueId: number) {
  const histories = ctx.site.data.changeHistories
    .filter((h) => h.issueId === issueId)
    .slice(-CHANGELOG_PAGE_LIMIT)
    .reverse();
  return {
    startAt: 0,
    maxResults: histories.length,
    total: histories.length,
    histories: histories.map((h) => serializeHistory(ctx, h)),
  };
}
