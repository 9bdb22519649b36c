import "server-only";
import { forgetCached, readThrough, type Cached } from "@/lib/platform/cache/read-through";
import { listOpenIssuesAssignedToAny } from "@/lib/integrations/jira/assigned-issues";
import type { JiraClientConfig, JiraIssueSummary } from "@/lib/integrations/jira";

/**
 * The open Jira issues of an org's deactivated members, for the members page:
 * one batched search, cached under a single key per org (so no one can mint
 * new keys by visiting the page) for as long as issue data is worth trusting.
 */
const KEY = "jira:deactivated-members:open-issues";
const TTL_MS = 2 * 60_000;

type Stored = { accountIds: string[]; byAssignee: Record<string, JiraIssueSummary[]> };

export async function readDeactivatedMembersOpenIssues({
  orgId,
  config,
  accountIds,
}: {
  orgId: string;
  config: JiraClientConfig;
  accountIds: string[];
}): Promise<Cached<Record<string, JiraIssueSummary[]>>> {
  const wanted = [...new Set(accountIds)].sort();
  const read = (force: boolean) =>
    readThrough<Stored>({
      orgId,
      key: KEY,
      ttlMs: TTL_MS,
      force,
      load: async () => ({ accountIds: wanted, byAssignee: await listOpenIssuesAssignedToAny(config, wanted) }),
    });
  let cached = await read(false);
  // Someone was deactivated (or came back) since the entry was written: its answer is for other people.
  if (cached.value.accountIds.join("\n") !== wanted.join("\n")) cached = await read(true);
  return { ...cached, value: pick(cached.value, wanted) };
}

/** The lists of the people asked about; someone the entry does not cover shows no issues rather than someone else's. */
function pick(stored: Stored, wanted: string[]): Record<string, JiraIssueSummary[]> {
  return Object.fromEntries(
    wanted.map((id) => [id, Object.hasOwn(stored.byAssignee, id) ? (stored.byAssignee[id] ?? []) : []]),
  );
}

/** After issues were reassigned, the next members page view searches again. */
export async function forgetDeactivatedMembersOpenIssues({ orgId }: { orgId: string }) {
  await forgetCached({ orgId, prefix: KEY });
}
