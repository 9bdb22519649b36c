import type { CommitAuthor, ReportFrame, SuspectCommit } from "./types";

/**
 * Suspect commits from release data, as Sentry computes them when it has no
 * SCM blame (src/sentry/utils/committers.py): the commits of the issue's first
 * release and the releases before it (5 in all) whose changed files match the
 * event's in-app frames by the longest run of trailing path segments. Scores
 * follow Sentry's: the innermost matching frame gives 5 points, the next 4, and
 * so on. Pure.
 */

export const RELEASES_SEARCHED = 5;
export const FRAME_LIMIT = 25;

export type ReleaseRef = { version: string; dateReleased: string | null; dateCreated: string };

/** The first release and the ones before it, newest first, by `COALESCE(dateReleased, dateCreated)`. */
export function releasesToSearch(firstRelease: string | null, releases: ReleaseRef[]): string[] {
  if (!firstRelease) return [];
  const at = (r: ReleaseRef) => Date.parse(r.dateReleased ?? r.dateCreated) || 0;
  const sorted = [...releases].sort((a, b) => at(b) - at(a) || b.version.localeCompare(a.version));
  const index = sorted.findIndex((r) => r.version === firstRelease);
  if (index === -1) return [firstRelease];
  return sorted.slice(index, index + RELEASES_SEARCHED).map((r) => r.version);
}

/** Path segments, last first; either separator, empty segments and `.` dropped, URL schemes ignored. */
export function tokenizePath(path: string): string[] {
  const withoutScheme = path.replace(/^[a-z][a-z0-9+.-]*:\/\/\/?/i, "");
  return withoutScheme
    .split(/[\\/]/)
    .filter((s) => s !== "" && s !== ".")
    .reverse();
}

/** How many trailing segments two paths share (`src/a/b.ts` vs `lib/a/b.ts` → 2). */
export function trailingMatchLength(changedPath: string, framePath: string): number {
  const a = tokenizePath(changedPath);
  const b = tokenizePath(framePath);
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export type ReleaseCommit = {
  id: string;
  message: string;
  author: CommitAuthor | null;
  dateCreated: string | null;
  release: string;
  files: string[];
};

/** The path Sentry matches for a frame: its filename, else its absolute path. */
export function framePath(frame: Pick<ReportFrame, "filename" | "absPath">): string | null {
  return frame.filename || frame.absPath || null;
}

/** The commits whose files best match one frame path; ties all count, a lone file-name match does not (see below). */
export function commitsMatchingPath(
  commits: ReleaseCommit[],
  path: string,
): { commit: ReleaseCommit; file: string; length: number }[] {
  let best = 1;
  let matches = new Map<string, { commit: ReleaseCommit; file: string; length: number }>();
  for (const commit of commits) {
    for (const file of commit.files) {
      const length = trailingMatchLength(file, path);
      if (length < best) continue;
      // Only the file name matches while the changed path says more: `src/a/index.ts` is not `lib/b/index.ts`.
      if (length === 1 && tokenizePath(file).length > 1) continue;
      if (length > best) {
        best = length;
        matches = new Map();
      }
      if (!matches.has(commit.id)) matches.set(commit.id, { commit, file, length });
    }
  }
  return [...matches.values()];
}

/**
 * Suspects for the in-app frames (innermost last, as in the event): going from
 * the innermost frame outwards, each commit matching a frame gets 5 points, the
 * next match 4, then 3, 2, 1. Highest score first, then newest.
 */
export function suspectCommitsFromReleases(
  frames: ReportFrame[],
  commits: ReleaseCommit[],
  limit = 5,
): SuspectCommit[] {
  const appFrames = frames.filter((f) => f.inApp && framePath(f)).slice(-FRAME_LIMIT);
  const innermostFirst = [...appFrames].reverse();
  const found = new Map<string, { commit: ReleaseCommit; score: number; reasons: string[] }>();
  let points = 5;
  for (const [index, frame] of innermostFirst.entries()) {
    if (points === 0) break;
    const path = framePath(frame) as string;
    const matching = commitsMatchingPath(commits, path);
    for (const { commit, file } of matching) {
      const entry = found.get(commit.id) ?? { commit, score: 0, reasons: [] };
      entry.score += points;
      const where = `frame ${index + 1}${frame.function ? ` (${frame.function})` : ""}`;
      entry.reasons.push(
        file === path ? `changed ${file}, in-app ${where}` : `changed ${file}, matching ${path} in ${where}`,
      );
      found.set(commit.id, entry);
      // As Sentry counts: each match spends one step of 5, 4, 3, 2, 1, so the innermost frames weigh most.
      points--;
      if (points === 0) break;
    }
  }
  return [...found.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        (Date.parse(b.commit.dateCreated ?? "") || 0) - (Date.parse(a.commit.dateCreated ?? "") || 0),
    )
    .slice(0, limit)
    .map(({ commit, score, reasons }) => ({
      id: commit.id,
      message: commit.message,
      author: commit.author,
      dateCreated: commit.dateCreated,
      release: commit.release,
      score,
      source: "release-files" as const,
      why: `In release ${commit.release}: ${reasons.join("; ")}.`,
    }));
}
