import { BadJsonError, type EmulatorRequest, type EmulatorResponse, type Router } from "../common/http";
import { JIRA_DEMO_API_TOKEN } from "../seed/world";
import { JiraHttpError, jiraError } from "./errors";
import { JqlError } from "./jql/parser";
import type { JiraUser } from "./model";
import type { RateLimiter } from "./rate-limit";
import type { JiraSite, JiraStore } from "./store";
import type { SiteUrls } from "./serialize/common";
import { requestBaseUrl } from "./paging";
import type { WebhookEmitter } from "./webhooks/emitter";

/**
 * Mounts Jira API routes under a site prefix (`/acme/rest/api/3/...`, the way
 * jira.js joins `host` and path) and runs every request through site lookup,
 * authentication and the site's rate budget before the handler.
 */
export type SiteRequest = {
  req: EmulatorRequest;
  site: JiraSite;
  user: JiraUser;
  urls: SiteUrls;
  now: number;
  /** Sends the site's admin webhooks for a state change (after this request has been answered). */
  hooks: WebhookEmitter;
};

export type SiteHandler = (ctx: SiteRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export type SiteRouterDeps = {
  store: () => JiraStore;
  rateLimiter: RateLimiter;
  now: () => number;
  hooks: WebhookEmitter;
};

const UNAUTHENTICATED = "Client must be authenticated to access this resource.";

/** Basic `email:token` for any of the site's people, or Bearer with the demo token (acting as the site's first person). */
export function authenticate(site: JiraSite, header: string | undefined): JiraUser | null {
  if (!header) return null;
  const [scheme, credentials = ""] = header.split(" ", 2);
  if (scheme?.toLowerCase() === "bearer")
    return credentials === JIRA_DEMO_API_TOKEN ? (site.data.users[0] ?? null) : null;
  if (scheme?.toLowerCase() !== "basic") return null;
  const decoded = Buffer.from(credentials, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const email = decoded.slice(0, colon);
  const token = decoded.slice(colon + 1);
  if (token !== JIRA_DEMO_API_TOKEN) return null;
  return site.findUserByEmail(email) ?? null;
}

export function createSiteRouter(router: Router, deps: SiteRouterDeps) {
  const wrap =
    (handler: SiteHandler) =>
    async (req: EmulatorRequest): Promise<EmulatorResponse> => {
      const slug = req.params.site as string;
      const site = deps.store().sites.get(slug);
      if (!site) return jiraError(404, `Site '${slug}' does not exist.`);
      const user = authenticate(site, req.headers.authorization);
      if (!user)
        return {
          status: 401,
          headers: { "www-authenticate": 'Basic realm="protected-area"' },
          body: { errorMessages: [UNAUTHENTICATED], errors: {} },
        };
      const now = deps.now();
      // Rate windows run on the wall clock: Retry-After and X-RateLimit-Reset are read by real clients.
      const decision = deps.rateLimiter.take(slug, Date.now());
      if (!decision.allowed)
        return {
          status: 429,
          headers: decision.headers,
          body: { errorMessages: ["Rate limit exceeded."], errors: {} },
        };
      try {
        const response = await handler({
          req,
          site,
          user,
          urls: { base: requestBaseUrl(req, slug) },
          now,
          hooks: deps.hooks,
        });
        return { ...response, headers: { ...decision.headers, ...response.headers } };
      } catch (error) {
        if (error instanceof JiraHttpError)
          return { ...jiraError(error.status, error.messages, error.errors), headers: decision.headers };
        if (error instanceof JqlError) return { ...jiraError(400, error.message), headers: decision.headers };
        if (error instanceof BadJsonError)
          return {
            ...jiraError(400, "Unexpected character in the request body: it is not valid JSON."),
            headers: decision.headers,
          };
        throw error;
      }
    };
  const add = (method: string) => (path: string, handler: SiteHandler) => {
    router.add(method, `/:site${path}`, wrap(handler));
  };
  return { get: add("GET"), post: add("POST"), put: add("PUT"), delete: add("DELETE") };
}

export type SiteRoutes = ReturnType<typeof createSiteRouter>;
