/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { loadReleaseDetail } from "./detail";
export { loadReleaseDetailPage, type ReleaseDetail, type ReleaseNewIssue } from "./detail-page";
export { readJiraVersionList, type VersionCheck } from "./known-versions";
export { loadReleasesPage, type ReleasesPage } from "./load";
export { readIssuesFirstSeenIn } from "./new-issues";
export type { VersionRead } from "./version-read";
