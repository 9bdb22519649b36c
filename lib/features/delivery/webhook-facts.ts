import "server-only";
import type { AutomationEvent } from "@/lib/domain/automations";
import { resolveCriticalIssue } from "./incidents";
import { recordPullRequestFromDelivery } from "./pull-requests";

/**
 * What a processed webhook delivery adds to delivery history: a GitHub pull request (opened, updated, merged), or a
 * Sentry issue resolved (which ends its critical-issue incident, if it was one). Idempotent, so a retried job is safe.
 */
export async function recordDeliveryFacts({
  orgId,
  delivery,
  event,
}: {
  orgId: string;
  delivery: { source: string; eventType: string; payload: unknown; receivedAt: Date };
  event: AutomationEvent;
}): Promise<void> {
  await recordPullRequestFromDelivery({ orgId, delivery });
  if (event.type === "sentry.issue_change" && event.action === "resolved")
    await resolveCriticalIssue({ orgId, issueId: event.issueId, resolvedAt: delivery.receivedAt });
}
