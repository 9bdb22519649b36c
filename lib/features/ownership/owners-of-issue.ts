import "server-only";
import { findOwnershipRuleSet } from "@/lib/db/queries/ownership-rules";
import {
  expandOwners,
  explainMatch,
  findMatchingRules,
  parseOwnershipRules,
  type OwnerRef,
  type OwnershipFacts,
} from "@/lib/domain/ownership";
import { loadOwnerDirectory, type OwnerCandidate } from "./owner-directory";

export type IssueOwner = { userId: string; membershipId: string; name: string; email: string };

export type OwnersVerdict = {
  owners: IssueOwner[];
  /** The rule that won (the last matching one), as written, or null. */
  rule: string | null;
  /** One sentence: "path:src/checkout/* matched src/checkout/cart.ts (the last matching rule)". or "No rule matches". */
  because: string;
};

/** The verdict with what the tester and ticket routing need besides: Jira accounts and owners naming nobody. */
export type DetailedVerdict = Omit<OwnersVerdict, "owners"> & {
  owners: OwnerCandidate[];
  unresolved: OwnerRef[];
  /** How many rules matched; the last one won. */
  matchingCount: number;
};

/** Evaluates rules text (saved or being edited) against one event's facts. */
export async function evaluateOwnership({
  orgId,
  raw,
  facts,
}: {
  orgId: string;
  raw: string;
  facts: OwnershipFacts;
}): Promise<DetailedVerdict> {
  const { rules } = parseOwnershipRules(raw);
  const matches = findMatchingRules(rules, facts);
  const winner = matches.at(-1) ?? null;
  if (!winner) return { owners: [], unresolved: [], rule: null, because: explainMatch(null), matchingCount: 0 };
  const { members, unresolved } = expandOwners(winner.rule.owners, await loadOwnerDirectory({ orgId }));
  return {
    owners: members,
    unresolved,
    rule: winner.rule.text,
    because: explainMatch(winner, matches.length),
    matchingCount: matches.length,
  };
}

/** An issue to find owners for: its Sentry project, whose saved rules apply, and its latest event's facts. */
type IssueOwnershipQuery = { orgId: string; projectSlug: string; facts: OwnershipFacts };

/**
 * Who owns an issue of this Sentry project, by the org's saved rules for it:
 * the last matching rule's owners, teams expanded, leftmost first.
 */
export async function ownersOfIssue(query: IssueOwnershipQuery): Promise<OwnersVerdict> {
  const verdict = await detailedOwnersOfIssue(query);
  return {
    owners: verdict.owners.map(({ userId, membershipId, name, email }) => ({ userId, membershipId, name, email })),
    rule: verdict.rule,
    because: verdict.because,
  };
}

/** Owners with their Jira accounts, for ticket routing: the same verdict, not narrowed to the shared type. */
export async function detailedOwnersOfIssue({
  orgId,
  projectSlug,
  facts,
}: IssueOwnershipQuery): Promise<DetailedVerdict> {
  const ruleSet = await findOwnershipRuleSet({ orgId, sentryProjectSlug: projectSlug });
  if (!ruleSet) return { owners: [], unresolved: [], rule: null, because: "No rule matches", matchingCount: 0 };
  return evaluateOwnership({ orgId, raw: ruleSet.raw, facts });
}
