import type { RuleMatch } from "./evaluate";
import { formatOwner, type OwnerRef } from "./rules";

/**
 * The "because" of an ownership verdict, in one sentence. Pure.
 */
export function explainMatch(match: RuleMatch | null, matchingCount = match ? 1 : 0): string {
  if (!match) return "No rule matches";
  const { rule, value } = match;
  const { type, pattern } = rule.matcher;
  const written = type === "tag" ? `tags.${rule.matcher.tag}:${pattern}` : `${type}:${pattern}`;
  const what = type === "codeowners" ? `CODEOWNERS entry ${pattern} matched ${value}` : `${written} matched ${value}`;
  const which =
    matchingCount > 1
      ? `the last of ${matchingCount} matching rules, line ${rule.line}`
      : `the last matching rule, line ${rule.line}`;
  return `${what} (${which})`;
}

/** "alice@acme.test, #payments" — the owners as the rule wrote them. */
export function describeOwners(owners: OwnerRef[]): string {
  return owners.map(formatOwner).join(", ");
}

/** Why some owners name nobody in Bosun, for the tester. */
export function describeUnresolved(owners: OwnerRef[]): string | null {
  if (owners.length === 0) return null;
  const parts = owners.map((o) =>
    o.type === "user"
      ? `${o.email} is not a member`
      : o.type === "team"
        ? `#${o.slug} is not a team`
        : `@${o.handle} is a GitHub name Bosun cannot map to a member`,
  );
  return `${parts.join("; ")}.`;
}
