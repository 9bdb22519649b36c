import type { OwnershipFacts } from "./facts";
import { codeownersMatch, sentryGlobMatch } from "./glob";
import type { OwnerRef, OwnershipRule } from "./rules";

/**
 * Which rule owns an event, as Sentry decides it. Pure.
 *
 * CODEOWNERS entries are read first, top to bottom, then the ownership rules
 * top to bottom, and the LAST rule that matches wins — so any matching
 * ownership rule beats any CODEOWNERS entry, and a later rule beats an earlier
 * one. The winner's leftmost owner is the one an issue is assigned to.
 */
export type RuleMatch = {
  rule: OwnershipRule;
  /** The event value the pattern matched (a frame path, module, URL or tag value). */
  value: string;
};

/** The first value of the event this rule's pattern matches, or null. */
export function matchRule(rule: OwnershipRule, facts: OwnershipFacts): string | null {
  const { type, pattern, tag } = rule.matcher;
  switch (type) {
    case "path":
      return (
        facts.paths.find((p) => sentryGlobMatch(p, pattern, { caseInsensitive: true, pathNormalize: true })) ?? null
      );
    case "module":
      return (
        facts.modules.find((m) => sentryGlobMatch(m, pattern, { caseInsensitive: true, pathNormalize: true })) ?? null
      );
    case "url":
      return facts.url && sentryGlobMatch(facts.url, pattern, { caseInsensitive: true, pathNormalize: false })
        ? facts.url
        : null;
    case "tag": {
      if (!tag || !Object.hasOwn(facts.tags, tag)) return null;
      const value = facts.tags[tag] as string;
      return sentryGlobMatch(value, pattern, { caseInsensitive: false, pathNormalize: false }) ? value : null;
    }
    case "codeowners":
      return facts.paths.find((p) => codeownersMatch(p, pattern)) ?? null;
  }
}

/** The winning rule for these facts, or null when none matches. */
export function findOwningRule(rules: OwnershipRule[], facts: OwnershipFacts): RuleMatch | null {
  const ordered = [
    ...rules.filter((r) => r.matcher.type === "codeowners"),
    ...rules.filter((r) => r.matcher.type !== "codeowners"),
  ];
  let winner: RuleMatch | null = null;
  for (const rule of ordered) {
    const value = matchRule(rule, facts);
    if (value !== null) winner = { rule, value };
  }
  return winner;
}

/** Every rule that matches, in evaluation order: what the tester lists under the winner. */
export function findMatchingRules(rules: OwnershipRule[], facts: OwnershipFacts): RuleMatch[] {
  const ordered = [
    ...rules.filter((r) => r.matcher.type === "codeowners"),
    ...rules.filter((r) => r.matcher.type !== "codeowners"),
  ];
  return ordered.flatMap((rule) => {
    const value = matchRule(rule, facts);
    return value === null ? [] : [{ rule, value }];
  });
}

export type OwnerDirectory<M> = {
  /** Active members by lower-cased e-mail. */
  membersByEmail: Map<string, M>;
  /** Team members by team slug, in the team's order. */
  teamsBySlug: Map<string, M[]>;
  keyOf: (member: M) => string;
};

/**
 * The people a rule's owners name: teams expanded in place, each person once,
 * leftmost first. Owners Bosun cannot resolve (an unknown e-mail or team, a
 * GitHub handle) are listed apart so the page can say so.
 */
export function expandOwners<M>(
  owners: OwnerRef[],
  directory: OwnerDirectory<M>,
): { members: M[]; unresolved: OwnerRef[] } {
  const members: M[] = [];
  const seen = new Set<string>();
  const unresolved: OwnerRef[] = [];
  const add = (member: M) => {
    const key = directory.keyOf(member);
    if (seen.has(key)) return;
    seen.add(key);
    members.push(member);
  };
  for (const owner of owners) {
    if (owner.type === "user") {
      const member = directory.membersByEmail.get(owner.email);
      if (member) add(member);
      else unresolved.push(owner);
    } else if (owner.type === "team") {
      const team = directory.teamsBySlug.get(owner.slug);
      if (team) team.forEach(add);
      else unresolved.push(owner);
    } else unresolved.push(owner);
  }
  return { members, unresolved };
}
