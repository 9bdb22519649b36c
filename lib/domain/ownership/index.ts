export { ownershipFactsFromEvent, type OwnershipFacts } from "./facts";
export { codeownersMatch, sentryGlobMatch } from "./glob";
export {
  formatOwner,
  MAX_RULES_LENGTH,
  parseOwnershipRules,
  type MatcherType,
  type OwnerRef,
  type OwnershipRule,
  type ParsedRules,
  type RuleError,
} from "./rules";
export {
  expandOwners,
  findMatchingRules,
  findOwningRule,
  matchRule,
  type OwnerDirectory,
  type RuleMatch,
} from "./evaluate";
export { describeOwners, describeUnresolved, explainMatch } from "./explain";
