import "server-only";
import type { ReleaseCommit } from "@/lib/domain/investigation/suspects";
import { createSentryClient } from "./client";
import { joinCommitFiles, toCommitFiles, toCommits } from "./commits-transform";
import type { SentryClientConfig } from "./types";

/** A release's commits with the files each changed (two lists read side by side), at most `maxPages` pages each. */
export async function listReleaseCommitsWithFiles(
  config: SentryClientConfig,
  version: string,
  { maxPages = 2 }: { maxPages?: number } = {},
): Promise<ReleaseCommit[]> {
  const client = createSentryClient(config);
  const base = `/organizations/${config.organizationSlug}/releases/${encodeURIComponent(version)}`;
  const all = async (path: string) => {
    const items: unknown[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await client.get<unknown>(path, { per_page: 100, cursor });
      if (Array.isArray(answer.data)) items.push(...(answer.data as unknown[]));
      if (!answer.cursors.next) break;
      cursor = answer.cursors.next;
    }
    return items;
  };
  const [commits, files] = await Promise.all([all(`${base}/commits/`), all(`${base}/commitfiles/`)]);
  return joinCommitFiles(version, toCommits(commits), toCommitFiles(files));
}
