import type { Router } from "../../common/http";
import type { SentryProject } from "../../seed/sentry-types";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { paginate, parseLimit } from "../paging";
import type { OrgState } from "../store";
import { iso } from "../time-range";

const DAY_MS = 86_400_000;
const FEATURES = [
  "alert-filters",
  "minidump",
  "race-free-group-creation",
  "releases",
  "servicehooks",
  "similarity-indexing",
];

function serializeProject(org: OrgState, project: SentryProject) {
  const team = { id: org.data.team.id, name: org.data.team.name, slug: org.data.team.slug };
  const releases = org.data.releases.filter((r) => r.projectIds.includes(project.id));
  // Every environment the project has seen, through sessions or through events (an issue seen only in staging counts).
  const environments = [
    ...new Set([
      ...org.data.sessions.filter((s) => s.projectId === project.id).map((s) => s.environment),
      ...org.data.issues.filter((i) => i.projectId === project.id).flatMap((i) => [...i.environments]),
    ]),
  ].sort();
  const hasSessions = org.data.sessions.some((s) => s.projectId === project.id && s.total.total() > 0);
  return {
    latestDeploys: null,
    options: {},
    id: project.id,
    slug: project.slug,
    name: project.name,
    platform: project.platform,
    dateCreated: iso(project.dateCreated.getTime()),
    isBookmarked: false,
    isMember: true,
    features: FEATURES,
    firstEvent: iso(project.dateCreated.getTime() + DAY_MS),
    firstTransactionEvent: false,
    access: ["project:read", "project:write", "event:read", "event:write"],
    hasAccess: true,
    hasFeedbacks: false,
    hasFlags: false,
    hasMinifiedStackTrace: project.platform.startsWith("javascript"),
    hasMonitors: false,
    hasNewFeedbacks: false,
    hasProfiles: false,
    hasReplays: false,
    hasSessions,
    hasInsightsHttp: false,
    hasInsightsDb: false,
    hasInsightsAssets: false,
    hasInsightsAppStart: false,
    hasInsightsScreenLoad: false,
    hasInsightsVitals: false,
    hasInsightsCaches: false,
    hasInsightsQueues: false,
    hasInsightsAgentMonitoring: false,
    hasInsightsMCP: false,
    hasLogs: false,
    hasTraceMetrics: false,
    team,
    teams: [team],
    platforms: [project.platform],
    hasUserReports: false,
    environments: environments.length > 0 ? environments : ["production"],
    latestRelease:
      releases.length > 0 ? { version: (releases[releases.length - 1] as (typeof releases)[number]).version } : null,
  };
}

export function registerProjectRoutes(router: Router, app: SentryApp) {
  // GET /organizations/{org}/projects/ - the org's projects
  router.get(
    "/api/0/organizations/:org/projects/",
    orgRoute(app.store, (req, org) => {
      const query = (req.query.get("query") ?? "").toLowerCase();
      const projects = org.data.projects.filter(
        (p) => !query || p.slug.includes(query) || p.name.toLowerCase().includes(query),
      );
      const page = paginate(req, projects, parseLimit(req.query.get("per_page"), 100));
      return { status: 200, headers: page.headers, body: page.items.map((p) => serializeProject(org, p)) };
    }),
  );
}
