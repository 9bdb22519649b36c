import type { EmulatorRequest, Router } from "../../common/http";
import type { SentryRelease } from "../../seed/sentry-types";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { BadRequest, notFound } from "../errors";
import { projectFilter } from "../issue-list";
import { paginate, parseLimit } from "../paging";
import { isHealthPeriod } from "../release-health";
import { type ReleaseSerializeOptions, serializeRelease } from "../serialize-release";
import type { OrgState, SentryStore } from "../store";

const TRUE = new Set(["1", "true"]);

function serializeOptions(
  store: SentryStore,
  req: EmulatorRequest,
  healthProjects: Set<string> | null,
): ReleaseSerializeOptions {
  const summaryStatsPeriod = req.query.get("summaryStatsPeriod") ?? "14d";
  const healthStatsPeriod = req.query.get("healthStatsPeriod") ?? "24h";
  if (!isHealthPeriod(summaryStatsPeriod)) throw new BadRequest(`Invalid summaryStatsPeriod: "${summaryStatsPeriod}"`);
  if (!isHealthPeriod(healthStatsPeriod)) throw new BadRequest(`Invalid healthStatsPeriod: "${healthStatsPeriod}"`);
  const environments = req.query.getAll("environment").filter((e) => e !== "");
  return {
    health: TRUE.has(req.query.get("health") ?? "")
      ? { nowMs: store.now(), summaryStatsPeriod, healthStatsPeriod, environments }
      : null,
    healthProjects,
    adoptionStages: TRUE.has(req.query.get("adoptionStages") ?? ""),
  };
}

function filterReleases(org: OrgState, req: EmulatorRequest, projects: Set<string> | null): SentryRelease[] {
  const query = (req.query.get("query") ?? "").toLowerCase();
  const environments = req.query.getAll("environment").filter((e) => e !== "");
  const sort = req.query.get("sort") ?? "date";
  if (sort !== "date") throw new BadRequest(`Invalid sort: "${sort}"`);
  return org.data.releases
    .filter((r) => !projects || r.projectIds.some((id) => projects.has(id)))
    .filter((r) => !query || r.version.toLowerCase().includes(query))
    .filter(
      (r) =>
        environments.length === 0 ||
        environments.some(
          (env) =>
            (org.deploysByVersion.get(r.version) ?? []).some((d) => d.environment === env) ||
            org.data.sessions.some((s) => s.release === r.version && s.environment === env),
        ),
    )
    .sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime() || b.id - a.id);
}

export function registerReleaseRoutes(router: Router, app: SentryApp) {
  const { store } = app;

  // GET /organizations/{org}/releases/ - releases, newest first
  router.get(
    "/api/0/organizations/:org/releases/",
    orgRoute(store, (req, org) => {
      const projects: Set<string> | null = projectFilter(store, org, req.query.getAll("project"));
      const options = serializeOptions(store, req, projects);
      const page = paginate(req, filterReleases(org, req, projects), parseLimit(req.query.get("per_page"), 100));
      return {
        status: 200,
        headers: page.headers,
        body: page.items.map((r) => serializeRelease(store, org, r, options)),
      };
    }),
  );

  // GET /organizations/{org}/releases/{version}/ - one release, with healthData when health=1
  router.get(
    "/api/0/organizations/:org/releases/:version/",
    orgRoute(store, (req, org) => {
      const release = org.releaseByVersion.get(req.params.version ?? "");
      if (!release) return notFound();
      const projectParam = req.query.get("project") ?? req.query.get("project_id");
      let healthProjects: Set<string> | null = null;
      if (projectParam) {
        const project = store.findProject(org, projectParam);
        if (!project) return notFound();
        healthProjects = new Set([project.id]);
      }
      return { status: 200, body: serializeRelease(store, org, release, serializeOptions(store, req, healthProjects)) };
    }),
  );

  // GET /projects/{org}/{project}/releases/ - a project's releases
  router.get(
    "/api/0/projects/:org/:project/releases/",
    orgRoute(store, (req, org) => {
      const project = store.findProject(org, req.params.project ?? "");
      if (!project) return notFound();
      const projects = new Set([project.id]);
      const page = paginate(req, filterReleases(org, req, projects), parseLimit(req.query.get("per_page"), 100));
      const options = serializeOptions(store, req, projects);
      return {
        status: 200,
        headers: page.headers,
        body: page.items.map((r) => serializeRelease(store, org, r, options)),
      };
    }),
  );
}
