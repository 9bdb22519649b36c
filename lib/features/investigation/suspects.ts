import "server-only";
import { releasesToSearch, suspectCommitsFromReleases } from "@/lib/domain/investigation/suspects";
import type { InvestigationIssue, ReportEvent, SuspectCommit } from "@/lib/domain/investigation/types";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { listReleases, type SentryClientConfig } from "@/lib/integrations/sentry";
import { getEventCommitters } from "@/lib/integrations/sentry/committers";
import { listReleaseCommitsWithFiles } from "@/lib/integrations/sentry/commits";
import { readThrough } from "@/lib/platform/cache/read-through";

/**
 * Suspect commits for an issue's latest event. Sentry's own answer (its
 * committers for the event) comes first: one request. When Sentry names none,
 * Bosun searches the release data itself, as Sentry's fallback does: the
 * commits and changed files of the issue's first release and the four before
 * it, matched against the event's in-app frames (lib/domain/investigation/suspects.ts).
 * A release's commits do not change once it is cut, so they are cached longer.
 */

const COMMITTERS_TTL_MS = 10 * 60_000;
const RELEASES_TTL_MS = 5 * 60_000;
const COMMITS_TTL_MS = 60 * 60_000;

export async function findSuspects({
  orgId,
  config,
  issue,
  event,
}: {
  orgId: string;
  config: SentryClientConfig;
  issue: InvestigationIssue;
  event: ReportEvent | null;
}): Promise<{ suspects: SuspectCommit[]; note: string }> {
  if (!event) return { suspects: [], note: "The issue has no event to match commits against." };
  let sentrySays: string;
  try {
    const answer = (
      await readThrough({
        orgId,
        key: `sentry:event:${event.eventId}:committers`,
        ttlMs: COMMITTERS_TTL_MS,
        load: () => getEventCommitters(config, { projectSlug: issue.projectSlug, eventId: event.eventId }),
      })
    ).value;
    if (answer.status === "ok" && answer.suspects.length > 0)
      return { suspects: answer.suspects.slice(0, 5), note: "Sentry's suspect commits for the latest event." };
    sentrySays = answer.status === "none" ? `Sentry: ${answer.reason}` : "Sentry named no suspect commit";
  } catch (error) {
    // Sentry's committers are one way; the release data below is the other, so a failure here is not the end.
    if (!(error instanceof IntegrationError)) throw error;
    sentrySays = `Sentry's suspect commits could not be read (${error.message})`;
  }

  const releases = (
    await readThrough({ orgId, key: "sentry:releases:list", ttlMs: RELEASES_TTL_MS, load: () => listReleases(config) })
  ).value.filter((r) => r.projects.length === 0 || r.projects.includes(issue.projectSlug));
  const versions = releasesToSearch(issue.firstRelease, releases);
  if (versions.length === 0)
    return { suspects: [], note: `${sentrySays}; the issue has no first release whose commits could be searched.` };
  const commits = (
    await Promise.all(
      versions.map(
        async (version) =>
          (
            await readThrough({
              orgId,
              key: `sentry:release:${version}:commits`,
              ttlMs: COMMITS_TTL_MS,
              load: () => listReleaseCommitsWithFiles(config, version),
            })
          ).value,
      ),
    )
  ).flat();
  const frames = event.exceptions.flatMap((e) => e.frames);
  const suspects = suspectCommitsFromReleases(frames, commits);
  return {
    suspects,
    note:
      suspects.length > 0
        ? `${sentrySays}; found from the files changed in releases ${versions.join(", ")}.`
        : `${sentrySays}; no commit of releases ${versions.join(", ")} changed a file of the stack trace's in-app frames.`,
  };
}
