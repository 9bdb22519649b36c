import "server-only";
import type { Role } from "@/lib/domain/permissions";
import type { PaletteEntry } from "@/lib/domain/palette/entry";
import { orgPageEntries } from "@/lib/domain/palette/pages";
import { asJiraKey } from "@/lib/domain/palette/query";
import { rankEntries } from "@/lib/domain/palette/rank";
import { readCachedBoards, readCachedIssues, readCachedReleaseVersions } from "./cached-reads";
import { jiraKeyEntry } from "./jira-key";

export const PALETTE_LIMIT = 20;

/**
 * The command palette's answer to `query`: the org's pages this role may use,
 * its Jira boards, Sentry releases and unresolved issues (by short id), and a
 * Jira key typed in full, ranked best first. Reads only the database.
 */
export async function searchPalette({
  orgId,
  orgSlug,
  role,
  query,
}: {
  orgId: string;
  orgSlug: string;
  role: Role;
  query: string;
}): Promise<PaletteEntry[]> {
  const pages = orgPageEntries(orgSlug, role);
  // An empty query lists the pages only: the cached reads would not change what is shown.
  if (!query) return rankEntries(pages, "", PALETTE_LIMIT);

  const jiraKey = asJiraKey(query);
  const [boards, versions, issues, jira] = await Promise.all([
    readCachedBoards(orgId),
    readCachedReleaseVersions(orgId),
    readCachedIssues(orgId),
    jiraKey ? jiraKeyEntry({ orgId, orgSlug, jiraKey }) : null,
  ]);
  const entries: PaletteEntry[] = [
    ...pages,
    ...(jira ? [jira] : []),
    ...issues.map((issue) => ({
      kind: "error" as const,
      label: issue.shortId,
      detail: issue.title,
      href: `/${orgSlug}/errors/${encodeURIComponent(issue.id)}/investigation`,
    })),
    ...versions.map((version) => ({
      kind: "release" as const,
      label: version,
      href: `/${orgSlug}/releases/${encodeURIComponent(version)}`,
    })),
    ...boards.map((board) => ({
      kind: "board" as const,
      label: board.name,
      detail: board.projectKey ? `Board of ${board.projectKey}` : undefined,
      href: `/${orgSlug}/sprints?board=${board.id}`,
      keywords: board.projectKey ? [board.projectKey] : undefined,
    })),
  ];
  return rankEntries(entries, query, PALETTE_LIMIT);
}
