import type { Router } from "../../common/http";
import { releaseCommits, repositoryOf } from "../../seed/sentry-commits";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { notFound } from "../errors";
import { paginate, parseLimit } from "../paging";
import { serializeCommit, serializeFileChanges } from "./commits-serialize";

/** A release's commits and the files they changed, org-wide and per project. */
export function registerCommitRoutes(router: Router, app: SentryApp) {
  const { store } = app;

  const listCommits = orgRoute(store, (req, org) => {
    if (req.params.project !== undefined && !store.findProject(org, req.params.project)) return notFound();
    const release = org.releaseByVersion.get(req.params.version ?? "");
    if (!release) return notFound();
    const repo = repositoryOf(org.data);
    const commits = releaseCommits(store.data.seed, org.data, release);
    const page = paginate(req, commits, parseLimit(req.query.get("per_page"), 100));
    return {
      status: 200,
      headers: page.headers,
      body: page.items.map((c) => serializeCommit(org.data, repo, release, c)),
    };
  });

  // GET /organizations/{org}/releases/{version}/commits/ - the release's commits, newest first
  router.get("/api/0/organizations/:org/releases/:version/commits/", listCommits);
  // GET /projects/{org}/{project}/releases/{version}/commits/
  router.get("/api/0/projects/:org/:project/releases/:version/commits/", listCommits);

  // GET /organizations/{org}/releases/{version}/commitfiles/ - every file the release's commits changed
  router.get(
    "/api/0/organizations/:org/releases/:version/commitfiles/",
    orgRoute(store, (req, org) => {
      const release = org.releaseByVersion.get(req.params.version ?? "");
      if (!release) return notFound();
      const files = serializeFileChanges(
        org.data,
        repositoryOf(org.data),
        releaseCommits(store.data.seed, org.data, release),
      );
      const page = paginate(req, files, parseLimit(req.query.get("per_page"), 100));
      return { status: 200, headers: page.headers, body: page.items };
    }),
  );
}
