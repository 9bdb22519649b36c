import "server-only";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { createSentryClient } from "./client";
import type { SentryClientConfig } from "./types";

/**
 * A short id ("WEB-G") resolved to its issue, as `GET /organizations/{org}/shortids/{id}/` answers;
 * null when the organization has no such issue (a Jira key in a commit message looks the same).
 */
export type ResolvedShortId = { issueId: string; shortId: string; projectSlug: string; status: string };

export async function resolveShortId(config: SentryClientConfig, shortId: string): Promise<ResolvedShortId | null> {
  const client = createSentryClient(config);
  try {
    const answer = await client.get<{
      groupId: string;
      projectSlug: string;
      group: { shortId: string; status: string };
    }>(`/organizations/${config.organizationSlug}/shortids/${encodeURIComponent(shortId)}/`);
    const { groupId, projectSlug, group } = answer.data;
    return { issueId: String(groupId), shortId: group.shortId, projectSlug, status: group.status };
  } catch (error) {
    if (error instanceof IntegrationError && error.status === 404) return null;
    throw error;
  }
}
