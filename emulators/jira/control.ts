import { Router, parseJson } from "../common/http";
import { parseBudget, type RateLimiter } from "./rate-limit";
import type { JiraStore } from "./store";

/**
 * Jira-specific control routes under /__emulator/: the sites, a raw view of
 * one stored issue, and each site's request budget.
 */
export function createControlRouter(store: () => JiraStore, rateLimiter: RateLimiter): Router {
  const router = new Router();
  const siteOr404 = (slug: string) => store().sites.get(slug);

  // GET /__emulator/sites - each site with its counts and rate budget
  router.get("/sites", () => ({
    status: 200,
    body: {
      sites: [...store().sites.values()].map((site) => ({
        slug: site.slug,
        name: site.data.name,
        projects: site.data.projects.map((p) => p.key),
        boards: site.data.boards.map((b) => b.id),
        users: site.data.users.map((u) => u.email),
        issues: site.data.issues.length,
        sprints: site.data.sprints.length,
        rateLimit: rateLimiter.get(site.slug),
      })),
    },
  }));

  // GET /__emulator/sites/:site/issues/:key - the stored record of one issue, as kept in memory
  router.get("/sites/:site/issues/:key", (req) => {
    const site = siteOr404(req.params.site as string);
    const issue = site?.findIssue(req.params.key as string);
    if (!site || !issue) return { status: 404, body: { error: "no such site or issue" } };
    const links = site.data.links.filter((l) => l.inwardIssueId === issue.id || l.outwardIssueId === issue.id);
    return { status: 200, body: { issue, openSprint: site.openSprintOf(issue) ?? null, links } };
  });

  // GET/PUT/DELETE /__emulator/sites/:site/rate-limit - the site's request budget ({limit, windowSeconds}); off by default
  router.get("/sites/:site/rate-limit", (req) => {
    if (!siteOr404(req.params.site as string)) return { status: 404, body: { error: "no such site" } };
    return { status: 200, body: { rateLimit: rateLimiter.get(req.params.site as string) } };
  });
  router.put("/sites/:site/rate-limit", (req) => {
    if (!siteOr404(req.params.site as string)) return { status: 404, body: { error: "no such site" } };
    const budget = parseBudget(parseJson(req));
    if (typeof budget === "string") return { status: 400, body: { error: budget } };
    rateLimiter.set(req.params.site as string, budget);
    return { status: 200, body: { rateLimit: rateLimiter.get(req.params.site as string) } };
  });
  router.delete("/sites/:site/rate-limit", (req) => {
    rateLimiter.set(req.params.site as string, null);
    return { status: 200, body: { rateLimit: null } };
  });
  return router;
}
