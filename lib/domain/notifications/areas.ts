import { parseOwnershipRules } from "@/lib/domain/ownership";

/**
 * The Sentry projects a person owns some part of: any rule of the project's
 * ownership rules names them by e-mail or names one of their teams. Pure.
 * "Their areas" in the weekly digest are these plus what they watch.
 */
export function projectsOwnedBy({
  ruleSets,
  email,
  teamSlugs,
}: {
  ruleSets: { sentryProjectSlug: string; raw: string }[];
  email: string;
  teamSlugs: string[];
}): string[] {
  const address = email.toLowerCase();
  const teams = new Set(teamSlugs);
  return ruleSets
    .filter(({ raw }) =>
      parseOwnershipRules(raw).rules.some((rule) =>
        rule.owners.some(
          (owner) =>
            (owner.type === "user" && owner.email.toLowerCase() === address) ||
            (owner.type === "team" && teams.has(owner.slug)),
        ),
      ),
    )
    .map((set) => set.sentryProjectSlug);
}
