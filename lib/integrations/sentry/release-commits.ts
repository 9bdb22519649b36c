import "server-only";
import { createSentryClient } from "./client";
import { toCommits, type ListedCommit } from "./commits-transform";
import type { SentryClientConfig } from "./types";

const MAX_COMMIT_PAGES = 10;

/** A release's commits without their files (one list, not the commit-file list beside it), at most 1,000. */
export async function listReleaseCommits(config: SentryClientConfig, version: string): Promise<ListedCommit[]> {
  const client = createSentryClient(config);
  const path = `/organizations/${config.organizationSlug}/releases/${encodeURIComponent(version)}/commits/`;
  const commits: ListedCommit[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_COMMIT_PAGES; page++) {
    const answer = await client.get<unknown>(path, { per_page: 100, cursor });
    commits.push(...toCommits(answer.data));
    if (!answer.cursors.next) break;
    cursor = answer.cursors.next;
  }
  return commits;
}
