/**
 * Dependency levels of the releases list's Sentry reads (figure 10): the release list is paged (each next page waits
 * for the cursor of the one before), the per-release feedback searches wait for the whole list (they need its
 * versions), and everything else — sessions, per-release performance and error events — needs nothing first.
 */
import type { ProxyEntry } from "./servers";

const pathOf = (entry: ProxyEntry) => new URL(entry.url, "http://x").pathname;
const isReleaseList = (entry: ProxyEntry) => entry.method === "GET" && pathOf(entry).endsWith("/releases/");
const isFeedbackSearch = (entry: ProxyEntry) =>
  pathOf(entry).endsWith("/issues/") &&
  (new URL(entry.url, "http://x").searchParams.get("query") ?? "").includes("issue.category:feedback");

export function releasesPageLevel(entry: ProxyEntry, load: ProxyEntry[]): number {
  const listPages = [...new Set(load.filter(isReleaseList).map((e) => e.url))];
  if (isReleaseList(entry)) return listPages.indexOf(entry.url) + 1;
  if (isFeedbackSearch(entry)) return listPages.length + 1;
  return 1;
}
