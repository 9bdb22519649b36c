/*
 * What pages, server actions, route handlers, jobs and other features use of
 * this feature. Server-only: client components import its types with `import type`.
 */
export { forgetDeactivatedMembersOpenIssues } from "./deactivated-issues";
export { loadMembersPage, type OpenIssues } from "./members-page";
export {
  changeMemberRole,
  changeRoleSchema,
  inviteMember,
  inviteSchema,
  reassignOpenIssues,
  reassignSchema,
  removeMember,
  removeMemberSchema,
  revokeInvitation,
  revokeInvitationSchema,
  type MemberWriteResult,
} from "./manage";
export { eraseDepartedMemberData, eraseSchema } from "./erase";
export { resetMemberMfa, resetMfaSchema } from "./reset-mfa";
export type { JiraIssueSummary } from "@/lib/integrations/jira";
