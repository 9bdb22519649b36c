import { Freshness } from "@/components/ui/freshness";
import type { OpenIssues } from "@/lib/features/members";
import { ReassignIssues } from "./reassign-issues";

/**
 * The open Jira issues of people who left, one reassignment form each. The
 * only Jira read of the members page, so it streams in behind its own skeleton.
 */
export async function DeactivatedMembersIssues({
  orgSlug,
  openIssues,
  candidates,
}: {
  orgSlug: string;
  openIssues: Promise<OpenIssues>;
  candidates: { userId: string; name: string }[];
}) {
  const result = await openIssues;
  if ("error" in result)
    return (
      <p className="text-sm text-amber-700 dark:text-amber-400">
        Could not check the open Jira issues of deactivated members: {result.error}
      </p>
    );
  const withIssues = result.data.lists.filter(({ issues }) => issues.length > 0);
  return (
    <>
      {result.data.freshness && withIssues.length > 0 && <Freshness {...result.data.freshness} now={new Date()} />}
      {withIssues.map(({ member, issues }) => (
        <ReassignIssues
          key={member.id}
          orgSlug={orgSlug}
          from={{ userId: member.user.id, name: member.user.name }}
          issues={issues}
          candidates={candidates}
        />
      ))}
    </>
  );
}
