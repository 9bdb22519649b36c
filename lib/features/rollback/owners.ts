import "server-only";
import { ownershipFactsFromEvent } from "@/lib/domain/ownership/facts";
import { ownersOfIssue } from "@/lib/features/ownership";
import type { ReleaseNewIssue } from "@/lib/features/releases";
import type { SentryClientConfig } from "@/lib/integrations/sentry";
import { readLatestEvent } from "@/lib/integrations/sentry/latest-event";
import { logger } from "@/lib/platform/observability/logger";

/** How many of the release's new issues (Critical first) are asked for their owners. */
const ISSUES_ASKED = 3;

/**
 * Who owns a regressed release: the owners the org's ownership rules give its top new issues (read from each
 * issue's latest event). Failing that, nobody by name, and the caller falls back to the release's and its
 * projects' watchers. A Sentry read that fails only narrows who is told; it never stops the gate.
 */
export async function findReleaseOwnerIds({
  orgId,
  sentry,
  newIssues,
}: {
  orgId: string;
  sentry: SentryClientConfig;
  newIssues: ReleaseNewIssue[];
}): Promise<string[]> {
  const owners = new Set<string>();
  for (const issue of newIssues.slice(0, ISSUES_ASKED)) {
    try {
      const facts = ownershipFactsFromEvent(await readLatestEvent(sentry, issue.id));
      const verdict = await ownersOfIssue({ orgId, projectSlug: issue.project.slug, facts });
      for (const owner of verdict.owners) owners.add(owner.userId);
    } catch (error) {
      logger.warn({ err: error, orgId, issueId: issue.id }, "could not read the owners of a release's new issue");
    }
  }
  return [...owners];
}
