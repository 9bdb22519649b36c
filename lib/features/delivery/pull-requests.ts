import "server-only";
import { upsertPullRequest, type PullRequestInput } from "@/lib/db/queries/delivery-history";
import { readPullRequestRecord } from "@/lib/integrations/github/webhook-transform";

export type { PullRequestInput };

/**
 * A pull request GitHub told of (opened, reopened, closed or merged): kept so lead time can be split into review
 * (open → merge) and release (merge → deploy) where a release's commit is the PR's merge commit or head.
 */
export async function recordPullRequest({ orgId, pullRequest }: { orgId: string; pullRequest: PullRequestInput }) {
  await upsertPullRequest({ orgId, pullRequest });
}

/** Records the pull request a stored GitHub `pull_request` delivery tells of; other deliveries are left alone. */
export async function recordPullRequestFromDelivery({
  orgId,
  delivery,
}: {
  orgId: string;
  delivery: { source: string; eventType: string; payload: unknown };
}): Promise<boolean> {
  if (delivery.source !== "github" || delivery.eventType.split(".")[0] !== "pull_request") return false;
  const pullRequest = readPullRequestRecord(delivery.payload);
  if (!pullRequest) return false;
  await upsertPullRequest({ orgId, pullRequest });
  return true;
}
