/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { loadReleaseDetail } from "./detail";
export { checkReleaseVersion, readJiraVersionList, type VersionCheck } from "./known-versions";
export { loadReleasesPage } from "./load";
export { readIssuesFirstSeenIn } from "./new-issues";
