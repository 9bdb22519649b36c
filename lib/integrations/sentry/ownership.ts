import "server-only";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { createSentryClient } from "./client";
import { toProjectOwnership, type SentryProjectOwnership } from "./ownership-transform";
import type { SentryClientConfig } from "./types";

export type { SentryProjectOwnership } from "./ownership-transform";

/**
 * A Sentry project's ownership rules; null when Sentry has no such project
 * (404). Throws IntegrationError when Sentry cannot answer or answers in
 * another shape.
 */
export async function readProjectOwnership(
  config: SentryClientConfig,
  projectSlug: string,
): Promise<SentryProjectOwnership | null> {
  const client = createSentryClient(config);
  const path = `/projects/${encodeURIComponent(config.organizationSlug)}/${encodeURIComponent(projectSlug)}/ownership/`;
  try {
    const answer = await client.get<unknown>(path);
    const ownership = toProjectOwnership(answer.data);
    if (!ownership)
      throw new IntegrationError({
        service: "sentry",
        reason: "invalid_response",
        status: 200,
        message: `Sentry's answer to GET ${path} is not an ownership configuration`,
      });
    return ownership;
  } catch (error) {
    if (error instanceof IntegrationError && error.status === 404) return null;
    throw error;
  }
}
