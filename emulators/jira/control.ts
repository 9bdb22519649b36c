import { Router, parseJson } from "../common/http";
import { parseBudget, type RateLimiter } from "./rate-limit";
import type { JiraStore } from "./store";
import type { WebhookDispatcher } from "./webhooks/dispatcher";

/**
 * Jira-specific control routes under /__emulator/: the sites, a raw view of
 * one stored issue, each site's request budget, and webhook delivery faults
 * and retry delays.
 */
function parseDeliveryFaults(body: { dropCount?: unknown; drop?: unknown }) {
  if (body.dropCount !== undefined && (!Number.isInteger(body.dropCount) || (body.dropCount as number) < 0))
    return "dropCount must be a non-negative integer";
  if (body.drop !== undefined && typeof body.drop !== "boolean") return "drop must be true or false";
  return { dropCount: body.dropCount as number | undefined, drop: body.drop as boolean | undefined };
}

function registerDeliveryRoutes(router: Router, deliveries: WebhookDispatcher) {
  // GET/PUT/DELETE /__emulator/webhooks/faults - {dropCount: n} drops the next n deliveries, {drop: true} all of them
  router.get("/webhooks/faults", () => ({ status: 200, body: deliveries.faults() }));
  router.put("/webhooks/faults", (req) => {
    const faults = parseDeliveryFaults(parseJson(req));
    if (typeof faults === "string") return { status: 400, body: { error: faults } };
    deliveries.setFaults(faults);
    return { status: 200, body: deliveries.faults() };
  });
  router.delete("/webhooks/faults", () => {
    deliveries.setFaults({ dropCount: 0, drop: false });
    return { status: 200, body: deliveries.faults() };
  });
  // GET/PUT /__emulator/webhooks/retries - {delaysMs: [..]}: the wait before each retry of a failed delivery
  router.get("/webhooks/retries", () => ({ status: 200, body: { delaysMs: deliveries.retryDelaysMs() } }));
  router.put("/webhooks/retries", (req) => {
    const { delaysMs } = parseJson<{ delaysMs?: unknown }>(req);
    if (!Array.isArray(delaysMs) || delaysMs.length > 10 || delaysMs.some((d) => !Number.isInteger(d) || d < 0))
      return { status: 400, body: { error: "delaysMs must be a list of at most 10 non-negative integers" } };
    deliveries.setRetryDelaysMs(delaysMs as number[]);
    return { status: 200, body: { delaysMs: deliveries.retryDelaysMs() } };
  });
}

export function createControlRouter(
  store: () => JiraStore,
  rateLimiter: RateLimiter,
  deliveries: WebhookDispatcher,
): Router {
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
  registerDeliveryRoutes(router, deliveries);
  return router;
}
