import "server-only";
import type { SuspectCommit } from "@/lib/domain/investigation/types";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { createSentryClient } from "./client";
import { toSuspectsFromCommitters } from "./commits-transform";
import type { SentryClientConfig } from "./types";

export type CommittersAnswer = { status: "ok"; suspects: SuspectCommit[] } | { status: "none"; reason: string };

/**
 * Sentry's suspect commits for an event (`/events/{id}/committers/`, not in
 * the public spec). A 404 is an answer, not a failure: its detail says why
 * there are none ("Release not found", "No Commits found for Release", …).
 */
export async function getEventCommitters(
  config: SentryClientConfig,
  { projectSlug, eventId }: { projectSlug: string; eventId: string },
): Promise<CommittersAnswer> {
  const client = createSentryClient(config);
  try {
    const answer = await client.get<unknown>(
      `/projects/${config.organizationSlug}/${encodeURIComponent(projectSlug)}/events/${encodeURIComponent(eventId)}/committers/`,
      { frameLimit: 25 },
    );
    return { status: "ok", suspects: toSuspectsFromCommitters(answer.data) };
  } catch (error) {
    if (error instanceof IntegrationError && error.status === 404) {
      // The client puts Sentry's `detail` after the last ": " of its message.
      const detail = /: ([^:]+)$/.exec(error.message)?.[1]?.trim();
      return { status: "none", reason: detail || "Sentry has no suspect commits for this event" };
    }
    throw error;
  }
}
