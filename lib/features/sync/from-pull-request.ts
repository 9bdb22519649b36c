import "server-only";
import { findSyncLinkForSentryIssue } from "@/lib/db/queries/sync-links";
import type { AutomationEvent } from "@/lib/domain/automations";
import { extractFixedShortIds, type SyncDecision, type SyncResult } from "@/lib/domain/sync";
import { getSentryConfig } from "@/lib/integrations/connections";
import { resolveShortId } from "@/lib/integrations/sentry/short-ids";
import { applyDecisions } from "./apply";
import { getSyncSettings } from "./settings";

/**
 * A merged pull request whose title or description says "Fixes WEB-G" (or Resolves/Closes, several
 * ids) resolves those Sentry issues in the next release. Each id is looked up by short id; one Sentry
 * does not know (often a Jira key, which looks the same) is recorded as unmatched.
 */
export type SyncFromPullRequestInput = { orgId: string; event: AutomationEvent; deliveryId: string };

export async function syncFromPullRequest({
  orgId,
  event,
  deliveryId,
}: SyncFromPullRequestInput): Promise<SyncResult[]> {
  if (event.type !== "git.pull_request" || event.action !== "merged") return [];
  const shortIds = extractFixedShortIds(event.title, event.body);
  if (shortIds.length === 0) return [];
  const settings = await getSyncSettings({ orgId });
  if (!settings.commitMessages) return [];
  const sentry = await getSentryConfig({ orgId });
  if (!sentry) return [];
  const trigger = `Pull request #${event.number} merged in ${event.repo}`;
  const results: SyncResult[] = [];
  for (const shortId of shortIds) {
    const found = await resolveShortId(sentry, shortId);
    const link = found ? await findSyncLinkForSentryIssue({ orgId, sentryIssueId: found.issueId }) : null;
    const base = {
      direction: "github_to_sentry" as const,
      field: "resolve-by-commit",
      trigger: `${trigger}: fixes ${shortId}`,
    };
    const decision: SyncDecision = !found
      ? { ...base, ...nothing, outcome: "unmatched", detail: `Sentry has no issue ${shortId} in this organization` }
      : found.status === "resolved"
        ? { ...base, ...nothing, outcome: "skipped", detail: `${shortId} is already resolved in Sentry` }
        : {
            ...base,
            ...nothing,
            outcome: "applied",
            detail: `Resolved ${shortId} in Sentry in the next release`,
            write: { kind: "sentry.status", issueId: found.issueId, status: "resolved", inNextRelease: true },
            echo: { service: "sentry", objectId: found.issueId, field: "status", value: "resolved" },
          };
    results.push(
      ...(await applyDecisions([decision], {
        orgId,
        pair: {
          linkId: link?.id ?? null,
          jiraIssueKey: link?.jiraIssueKey ?? null,
          sentryIssueId: found?.issueId ?? null,
        },
        eventKey: `github:${deliveryId}:${shortId}`,
        occurredAt: new Date(),
        requestId: `webhook-${deliveryId}`,
      })),
    );
  }
  return results;
}

const nothing = { write: null, echo: null, matchedEchoId: null, staleEchoIds: [], observed: null, conflict: null };
