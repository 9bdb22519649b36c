import { type Router, parseJson } from "../../common/http";
import type { SentryDeploy } from "../../seed/sentry-types";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { parseDeployInput, projectsOutsideRelease } from "../deploy-input";
import { detail, fieldErrors, notFound } from "../errors";
import { projectFilter } from "../issue-list";
import { paginate, parseLimit } from "../paging";
import { serializeDeploy } from "../serialize-deploy";

/**
 * A release's deploys. Like Sentry, the list holds the latest deploy of the release to each environment (in
 * the projects asked for), newest finished first: Sentry lists the deploys its release-project-environment
 * rows point at, and each new deploy replaces the one before it there.
 */

function latestPerEnvironment(deploys: readonly SentryDeploy[], projects: Set<string> | null): SentryDeploy[] {
  const latest = new Map<string, SentryDeploy>();
  for (const deploy of deploys) {
    if (projects && !deploy.projectIds.some((id) => projects.has(id))) continue;
    latest.set(deploy.environment, deploy);
  }
  return [...latest.values()].sort(
    (a, b) => b.dateFinished.getTime() - a.dateFinished.getTime() || Number(b.id) - Number(a.id),
  );
}

export function registerDeployRoutes(router: Router, app: SentryApp) {
  const { store } = app;

  // GET /organizations/{org}/releases/{version}/deploys/ - the release's latest deploy per environment
  router.get(
    "/api/0/organizations/:org/releases/:version/deploys/",
    orgRoute(store, (req, org) => {
      const release = org.releaseByVersion.get(req.params.version ?? "");
      if (!release) return notFound();
      const projects = projectFilter(store, org, req.query.getAll("project"));
      const deploys = latestPerEnvironment(org.deploysByVersion.get(release.version) ?? [], projects);
      const page = paginate(req, deploys, parseLimit(req.query.get("per_page"), 100));
      return { status: 200, headers: page.headers, body: page.items.map(serializeDeploy) };
    }),
  );

  // POST /organizations/{org}/releases/{version}/deploys/ - records a deploy; 201 with it
  router.post(
    "/api/0/organizations/:org/releases/:version/deploys/",
    orgRoute(store, (req, org) => {
      const release = org.releaseByVersion.get(req.params.version ?? "");
      if (!release) return notFound();
      const parsed = parseDeployInput(store, org, parseJson(req));
      if ("errors" in parsed) return fieldErrors(parsed.errors);
      const { input } = parsed;
      const outside = input.projects ? projectsOutsideRelease(release, input.projects) : [];
      if (outside.length > 0)
        return detail(400, `Invalid projects (${outside.join(", ")}) for release ${release.version}`);
      const deploy = store.addDeploy(org, release, {
        environment: input.environment,
        dateStarted: input.dateStarted,
        dateFinished: input.dateFinished ?? new Date(store.now()),
        name: input.name,
        url: input.url,
        projectIds: input.projects ? input.projects.map((p) => p.id) : [...release.projectIds],
      });
      return { status: 201, body: serializeDeploy(deploy) };
    }),
  );
}
