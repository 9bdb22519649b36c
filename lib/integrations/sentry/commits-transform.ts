import "server-only";
import { z } from "zod";
import type { ReleaseCommit } from "@/lib/domain/investigation/suspects";
import type { CommitAuthor, SuspectCommit, TagBreakdown } from "@/lib/domain/investigation/types";

/**
 * Pure mapping from Sentry's tag, commit, commit-file and committer answers
 * to the investigation report's shapes. Malformed items are dropped.
 */

const authorSchema = z.object({ name: z.string().nullish(), email: z.string().nullish() }).nullish().catch(null);

const toAuthor = (a: z.infer<typeof authorSchema>): CommitAuthor | null =>
  a && (a.name || a.email) ? { name: a.name ?? null, email: a.email ?? null } : null;

const tagSchema = z.object({
  key: z.string(),
  name: z.string().nullish(),
  totalValues: z.number().nullish(),
  topValues: z
    .array(
      z
        .object({
          value: z.string().nullable(),
          name: z.string().nullish(),
          count: z.number().nullish(),
          lastSeen: z.string().nullish(),
        })
        .nullable()
        .catch(null),
    )
    .nullish()
    .catch([]),
});

export function toTagBreakdown(answer: unknown): TagBreakdown | null {
  const parsed = tagSchema.safeParse(answer);
  if (!parsed.success) return null;
  const t = parsed.data;
  const topValues = (t.topValues ?? []).flatMap((v) =>
    v && v.value !== null
      ? [{ value: v.value, name: v.name ?? v.value, count: v.count ?? 0, lastSeen: v.lastSeen ?? null }]
      : [],
  );
  return {
    key: t.key,
    name: t.name ?? t.key,
    totalValues: t.totalValues ?? topValues.reduce((n, v) => n + v.count, 0),
    topValues,
  };
}

const commitSchema = z.object({
  id: z.string(),
  message: z.string().nullish(),
  dateCreated: z.string().nullish(),
  author: authorSchema,
  score: z.number().nullish(),
  suspectCommitType: z.string().nullish(),
  releases: z
    .array(z.object({ version: z.string() }).catch({ version: "" }))
    .nullish()
    .catch([]),
});

export type ListedCommit = { id: string; message: string; author: CommitAuthor | null; dateCreated: string | null };

export function toCommits(answer: unknown): ListedCommit[] {
  if (!Array.isArray(answer)) return [];
  return answer.flatMap((item) => {
    const parsed = commitSchema.safeParse(item);
    if (!parsed.success) return [];
    const c = parsed.data;
    return [{ id: c.id, message: c.message ?? "", author: toAuthor(c.author), dateCreated: c.dateCreated ?? null }];
  });
}

const fileSchema = z.object({
  filename: z.string(),
  commitMessage: z.string().nullish(),
  author: authorSchema,
});

export type CommitFile = { filename: string; commitMessage: string; authorEmail: string | null };

export function toCommitFiles(answer: unknown): CommitFile[] {
  if (!Array.isArray(answer)) return [];
  return answer.flatMap((item) => {
    const parsed = fileSchema.safeParse(item);
    if (!parsed.success) return [];
    const f = parsed.data;
    return [{ filename: f.filename, commitMessage: f.commitMessage ?? "", authorEmail: f.author?.email ?? null }];
  });
}

/**
 * A release's commits with the files each changed. Sentry's commit-file list
 * names each file's commit only by message and author, so files are joined to
 * commits on both; a file whose pair matches several commits counts for each.
 */
export function joinCommitFiles(release: string, commits: ListedCommit[], files: CommitFile[]): ReleaseCommit[] {
  const key = (message: string, email: string | null) => `${message}\u0000${(email ?? "").toLowerCase()}`;
  const filesByKey = new Map<string, string[]>();
  for (const f of files) {
    const k = key(f.commitMessage, f.authorEmail);
    filesByKey.set(k, [...(filesByKey.get(k) ?? []), f.filename]);
  }
  return commits.map((c) => ({
    id: c.id,
    message: c.message,
    author: c.author,
    dateCreated: c.dateCreated,
    release,
    files: filesByKey.get(key(c.message, c.author?.email ?? null)) ?? [],
  }));
}

const committersSchema = z.object({
  committers: z.array(
    z.object({
      author: authorSchema,
      commits: z.array(z.unknown()).catch([]),
    }),
  ),
});

/**
 * Sentry's committers answer → suspect commits, one per commit (a committer's
 * commits share the author), ordered by Sentry's order of committers.
 */
export function toSuspectsFromCommitters(answer: unknown): SuspectCommit[] {
  const parsed = committersSchema.safeParse(answer);
  if (!parsed.success) return [];
  const seen = new Set<string>();
  const suspects: SuspectCommit[] = [];
  for (const committer of parsed.data.committers) {
    for (const raw of committer.commits) {
      const c = commitSchema.safeParse(raw);
      if (!c.success || seen.has(c.data.id)) continue;
      seen.add(c.data.id);
      const release = c.data.releases?.find((r) => r.version !== "")?.version ?? null;
      const type = c.data.suspectCommitType || "via commit in release";
      suspects.push({
        id: c.data.id,
        message: c.data.message ?? "",
        author: toAuthor(committer.author) ?? toAuthor(c.data.author),
        dateCreated: c.data.dateCreated ?? null,
        release,
        // Sentry's per-commit score is a path-match length, not the report's 5-4-3 points: said in `why` instead.
        score: null,
        source: "sentry-committers",
        why: `Sentry names it a suspect ${type}${release ? ` (release ${release})` : ""}${c.data.score ? `: its changed files match ${c.data.score} trailing path segment${c.data.score === 1 ? "" : "s"} of an in-app frame` : ""}.`,
      });
    }
  }
  return suspects;
}
