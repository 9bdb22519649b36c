/*
 * What pages, server actions, ticket routing and other features use of
 * ownership. Server-only: client components import schemas from ./schemas and
 * types with `import type`.
 */
import "server-only";

export {
  detailedOwnersOfIssue,
  evaluateOwnership,
  ownersOfIssue,
  type DetailedVerdict,
  type IssueOwner,
  type OwnersVerdict,
} from "./owners-of-issue";
export { importOwnershipFromSentry, type ImportResult } from "./import-from-sentry";
export { checkRules, listOwnershipRuleSets, saveProjectRules, type RuleWarning, type SaveRulesResult } from "./rules";
export { sentenceOf, testRule, type RuleTest } from "./test-rule";
export {
  addOrgTeamMember,
  createOrgTeam,
  deleteOrgTeam,
  linkTeamDirectoryGroup,
  listTeams,
  removeOrgTeamMember,
  renameOrgTeam,
  type TeamResult,
} from "./teams";
export { loadOwnershipPage, type OwnershipPage } from "./page";
export type { ChangeAuthor } from "./audit";
// Every input schema of the ownership settings, for the actions to parse with.
export * from "./schemas";
