/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { forgetDeactivatedMembersOpenIssues } from "./deactivated-issues";
export { loadMembersPage, type OpenIssues } from "./members-page";
