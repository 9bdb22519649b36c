import "server-only";
import { z } from "zod";
import { readCacheEntry } from "@/lib/db/queries/cache";

/**
 * What the palette searches, read from the org's cached upstream reads (the
 * ones the sprint, release and error pages fill) and never from Jira or
 * Sentry: a palette asks on every keystroke. An entry past its freshness
 * window still names boards and releases well enough to jump to, so age is
 * ignored. Values are parsed leniently: a shape this code does not know reads
 * as nothing rather than failing the search.
 */

const boardsSchema = z.array(z.object({ id: z.number(), name: z.string(), projectKey: z.string().nullish() }));
const releaseListSchema = z.array(z.object({ version: z.string() }));
const releasesPageSchema = z.object({ releases: releaseListSchema });
const issuesSchema = z.object({
  issues: z.array(z.object({ id: z.string(), shortId: z.string(), title: z.string() })),
});

async function readValue<T>(orgId: string, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const entry = await readCacheEntry({ orgId, key });
  if (!entry?.changed) return null;
  const parsed = schema.safeParse(entry.value);
  return parsed.success ? parsed.data : null;
}

export type CachedBoard = { id: number; name: string; projectKey: string | null };

export async function readCachedBoards(orgId: string): Promise<CachedBoard[]> {
  const boards = (await readValue(orgId, "jira:boards", boardsSchema)) ?? [];
  return boards.map((b) => ({ id: b.id, name: b.name, projectKey: b.projectKey ?? null }));
}

/** Release versions from the releases page's read and the investigation's list, newest first as Sentry lists them. */
export async function readCachedReleaseVersions(orgId: string): Promise<string[]> {
  const [page, list] = await Promise.all([
    readValue(orgId, "sentry:releases", releasesPageSchema),
    readValue(orgId, "sentry:releases:list", releaseListSchema),
  ]);
  return [...new Set([...(page?.releases ?? []), ...(list ?? [])].map((r) => r.version))];
}

export type CachedIssue = { id: string; shortId: string; title: string };

/** Unresolved issues from the errors page's reads across all environments (the 14-day and the 24-hour list). */
export async function readCachedIssues(orgId: string): Promise<CachedIssue[]> {
  const lists = await Promise.all(
    ["sentry:issues:14d:*", "sentry:issues:24h:*"].map((key) => readValue(orgId, key, issuesSchema)),
  );
  const byId = new Map<string, CachedIssue>();
  for (const issue of lists.flatMap((list) => list?.issues ?? [])) byId.set(issue.id, issue);
  return [...byId.values()];
}
