import "server-only";
import type { TagBreakdown } from "@/lib/domain/investigation/types";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { createSentryClient } from "./client";
import { toTagBreakdown } from "./commits-transform";
import type { SentryClientConfig } from "./types";

/** How an issue's events split by one tag key; null when no event has the tag (Sentry answers 404). */
export async function getIssueTag(
  config: SentryClientConfig,
  issueId: string,
  key: string,
): Promise<TagBreakdown | null> {
  const client = createSentryClient(config);
  try {
    const answer = await client.get<unknown>(
      `/organizations/${config.organizationSlug}/issues/${encodeURIComponent(issueId)}/tags/${encodeURIComponent(key)}/`,
    );
    return toTagBreakdown(answer.data);
  } catch (error) {
    if (error instanceof IntegrationError && error.status === 404) return null;
    throw error;
  }
}
