import { type EmulatorStartOptions, type RunningEmulator, Router, createEmulatorServer } from "../common/http";
import { buildJiraSites } from "../seed/jira";
import { DEFAULT_PORTS, type SeedSize, buildWorld } from "../seed/world";
import { createControlRouter } from "./control";
import { errorCollection } from "./errors";
import { createRateLimiter, type RateLimiter } from "./rate-limit";
import { registerBoardRoutes } from "./routes/agile-boards";
import { registerAgileIssueRoutes } from "./routes/agile-issues";
import { registerSprintRoutes } from "./routes/agile-sprints";
import { registerIssueRoutes } from "./routes/issues";
import { registerLinkRoutes } from "./routes/links";
import { registerMetaRoutes } from "./routes/meta";
import { registerProjectRoutes } from "./routes/projects";
import { registerSearchRoutes } from "./routes/search";
import { registerWorkflowRoutes } from "./routes/workflow";
import { createSiteRouter } from "./site-router";
import { type JiraStore, createStore } from "./store";
import { createWebhookLog } from "../common/webhooks";
import { addDemoJiraWebhooks } from "../seed/jira-webhooks";
import { registerChangelogRoutes } from "./routes/changelog";
import { registerPermissionRoutes } from "./routes/permissions";
import { registerAdminWebhookRoutes } from "./routes/admin-webhooks";
import { type WebhookDispatcher, DEFAULT_RETRY_DELAYS_MS, createWebhookDispatcher } from "./webhooks/dispatcher";
import { createWebhookEmitter } from "./webhooks/emitter";

/**
 * Jira Cloud emulator: one process, one site per org under a path prefix
 * (`http://127.0.0.1:4102/acme` is the jira.js `host`), platform REST v3 and
 * Agile 1.0, seeded from the shared world.
 */
export type JiraEmulator = RunningEmulator & {
  store: () => JiraStore;
  rateLimiter: RateLimiter;
  /** Admin webhook deliveries: faults, retry delays, and `idle()` to wait until all were sent. */
  deliveries: WebhookDispatcher;
};

export type JiraEmulatorOptions = EmulatorStartOptions & {
  /** Waits before each retry of a failed webhook delivery (its length is the number of retries). */
  webhookRetryDelaysMs?: number[];
};

/** With a Bosun URL, every site starts with an admin webhook to Bosun's Jira endpoint. */
export function buildJiraStore(size: SeedSize, seed: number, now: Date, bosunUrl: string | null = null): JiraStore {
  return createStore(addDemoJiraWebhooks(buildJiraSites(buildWorld({ size, seed, now })), bosunUrl, now.getTime()));
}

export async function startJiraEmulator(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
  const startedAt = Date.now();
  const seedNow = options.now ?? new Date(startedAt);
  // The clock starts at `now` (fixed in tests) and runs forward in real time, so writes get fresh timestamps.
  const clock = () => seedNow.getTime() + (Date.now() - startedAt);
  let state = { size: options.size ?? "demo", seed: options.seed ?? 42 };
  const bosunUrl = options.bosunUrl ?? null;
  let store = buildJiraStore(state.size, state.seed, seedNow, bosunUrl);
  const getStore = () => store;
  const rateLimiter = createRateLimiter();
  const webhooks = createWebhookLog();
  const deliveries = createWebhookDispatcher(webhooks, options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
  const hooks = createWebhookEmitter(deliveries);

  const router = new Router();
  const routes = createSiteRouter(router, { store: getStore, rateLimiter, now: clock, hooks });
  registerSearchRoutes(routes);
  registerIssueRoutes(routes);
  registerWorkflowRoutes(routes);
  registerLinkRoutes(routes);
  registerProjectRoutes(routes);
  registerMetaRoutes(routes);
  registerBoardRoutes(routes);
  registerSprintRoutes(routes);
  registerAgileIssueRoutes(routes);
  registerChangelogRoutes(routes);
  registerPermissionRoutes(routes);
  registerAdminWebhookRoutes(routes);

  const server = createEmulatorServer({
    name: "jira",
    router,
    control: createControlRouter(getStore, rateLimiter, deliveries),
    webhooks,
    errorBody: (_status, message) => errorCollection(message),
    reset: ({ size, seed }) => {
      state = { size: (size as SeedSize | undefined) ?? "demo", seed: seed ?? options.seed ?? 42 };
      store = buildJiraStore(state.size, state.seed, options.now ?? new Date(clock()), bosunUrl);
      rateLimiter.clear();
      deliveries.clear();
    },
    describe: () => ({
      size: state.size,
      seed: state.seed,
      bosunUrl,
      sites: [...store.sites.values()].map((s) => ({
        slug: s.slug,
        issues: s.data.issues.length,
        sprints: s.data.sprints.length,
        rateLimit: rateLimiter.get(s.slug),
      })),
    }),
  });
  const running = await server.listen(options.port ?? DEFAULT_PORTS.jira, options.host ?? "127.0.0.1");
  return {
    ...running,
    store: getStore,
    rateLimiter,
    deliveries,
    close: async () => {
      deliveries.clear();
      await running.close();
    },
  };
}
