import type { Router } from "../../common/http";
import { releaseCommits, repositoryOf, type SeedCommit } from "../../seed/sentry-commits";
import type { SentryEvent, SentryIssue, SentryRelease, SentryUser } from "../../seed/sentry-types";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { detail } from "../errors";
import type { OrgState, SentryStore } from "../store";
import { committerAuthor, serializeCommit } from "./commits-serialize";

/**
 * `GET /projects/{org}/{project}/events/{event_id}/committers/`: suspect
 * commits as Sentry finds them without SCM blame (src/sentry/utils/committers.py):
 * the commits of the issue's first release and the releases before it (5 in
 * all, by COALESCE(dateReleased, dateCreated)) whose changed files best match
 * the event's last 25 in-app frames by trailing path segments; a file-name-only
 * match is ignored when the changed path is longer. Each matching commit adds
 * 5, 4, 3, 2, 1 to its author's score, innermost frame first. 404s carry
 * Sentry's details.
 */

const FRAME_LIMIT = 25;
const RELEASE_LIMIT = 5;

function segments(path: string): string[] {
  return path
    .replace(/^[a-z][a-z0-9+.-]*:\/\/\/?/i, "")
    .split(/[\\/]/)
    .filter((s) => s !== "" && s !== ".")
    .reverse();
}

function matchLength(changed: string, frame: string): number {
  const a = segments(changed);
  const b = segments(frame);
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

type Candidate = { commit: SeedCommit; release: SentryRelease };

function bestMatches(candidates: Candidate[], path: string): { candidate: Candidate; score: number }[] {
  let best = 1;
  let found = new Map<string, { candidate: Candidate; score: number }>();
  for (const candidate of candidates) {
    for (const file of candidate.commit.files) {
      const score = matchLength(file.path, path);
      if (score > best) {
        best = score;
        found = new Map();
      }
      if (score !== best) continue;
      if (score === 1 && segments(file.path).length > 1) continue;
      found.set(candidate.commit.id, { candidate, score });
    }
  }
  return [...found.values()];
}

function findEvent(store: SentryStore, org: OrgState, projectId: string, eventId: string) {
  const issues = org.data.issues.filter((i) => i.projectId === projectId);
  // Events already served first: a caller asks about an event it has just read.
  const ordered = [...issues.filter((i) => i.eventsLoaded), ...issues.filter((i) => !i.eventsLoaded)];
  for (const issue of ordered) {
    const event = store.events(org, issue).find((e) => e.eventId === eventId);
    if (event) return { issue, event };
  }
  return null;
}

function previousReleases(org: OrgState, issue: SentryIssue): SentryRelease[] {
  const at = (r: SentryRelease) => (r.dateReleased ?? r.dateCreated).getTime();
  const sorted = org.data.releases
    .filter((r) => r.projectIds.includes(issue.projectId))
    .sort((a, b) => at(b) - at(a) || b.id - a.id);
  const index = sorted.findIndex((r) => r.version === issue.firstRelease);
  return index === -1 ? [] : sorted.slice(index, index + RELEASE_LIMIT);
}

function inAppPaths(event: SentryEvent): string[] {
  const frames = event.exception.flatMap((ex) => ex.stacktrace?.frames ?? []);
  return frames
    .filter((f) => f.in_app)
    .map((f) => f.filename ?? f.abs_path ?? "")
    .filter((p) => p !== "")
    .slice(-FRAME_LIMIT);
}

export function registerCommitterRoutes(router: Router, app: SentryApp) {
  const { store } = app;
  router.get(
    "/api/0/projects/:org/:project/events/:eventId/committers/",
    orgRoute(store, (req, org) => {
      const project = store.findProject(org, req.params.project ?? "");
      if (!project) return detail(404, "The requested resource does not exist");
      const found = findEvent(store, org, project.id, req.params.eventId ?? "");
      if (!found) return detail(404, "Event not found");
      const { issue, event } = found;
      if (!issue.firstRelease || !org.releaseByVersion.has(issue.firstRelease)) return detail(404, "Release not found");
      const releases = previousReleases(org, issue);
      const candidates = releases.flatMap((release) =>
        releaseCommits(store.data.seed, org.data, release).map((commit) => ({ commit, release })),
      );
      if (candidates.length === 0) return detail(404, "No Commits found for Release");

      const scores = new Map<string, number>();
      const commitsByAuthor = new Map<
        string,
        { author: SentryUser; commits: { candidate: Candidate; score: number }[] }
      >();
      let points = 5;
      for (const path of inAppPaths(event).reverse()) {
        if (points === 0) break;
        for (const match of bestMatches(candidates, path)) {
          const author = match.candidate.commit.author;
          if (!author) continue;
          scores.set(author.id, (scores.get(author.id) ?? 0) + points);
          const entry = commitsByAuthor.get(author.id) ?? { author, commits: [] };
          if (!entry.commits.some((c) => c.candidate.commit.id === match.candidate.commit.id))
            entry.commits.push(match);
          commitsByAuthor.set(author.id, entry);
          points--;
          if (points === 0) break;
        }
      }
      const repo = repositoryOf(org.data);
      const committers = [...commitsByAuthor.values()]
        .sort((a, b) => (scores.get(b.author.id) ?? 0) - (scores.get(a.author.id) ?? 0))
        .map(({ author, commits }) => ({
          author: committerAuthor(author),
          commits: commits.map(({ candidate, score }) => ({
            ...serializeCommit(org.data, repo, candidate.release, candidate.commit, "via commit in release"),
            score,
          })),
        }));
      return { status: 200, body: { committers } };
    }),
  );
}
