import "server-only";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { createSentryClient } from "./client";
import type { SentryClientConfig } from "./types";

/**
 * The latest event of an issue, as Sentry's REST API gives it, left unparsed:
 * callers read only what they need from it (ownership rules read its frames,
 * request URL and tags through lib/domain/ownership/facts.ts). Null when the
 * organization has no such issue or the issue has no event (404).
 */
export async function readLatestEvent(config: SentryClientConfig, issueId: string): Promise<unknown> {
  const client = createSentryClient(config);
  try {
    const answer = await client.get<unknown>(
      `/organizations/${encodeURIComponent(config.organizationSlug)}/issues/${encodeURIComponent(issueId)}/events/latest/`,
    );
    return answer.data;
  } catch (error) {
    if (error instanceof IntegrationError && error.status === 404) return null;
    throw error;
  }
}
