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

/**
 * Jira Cloud emulator: one process, one site per org under a path prefix
 * (`http://127.0.0.1:4102/acme` is the jira.js `host`), platform REST v3 and
 * Agile 1.0, seeded from the shared world.
 */
export type JiraEmulator = RunningEmulator & { store: () => JiraStore; rateLimiter: RateLimiter };

export function buildJiraStore(size: SeedSize, seed: number, now: Date): JiraStore {
  return createStore(buildJiraSites(buildWorld({ size, seed, now })));
}

export async function startJiraEmulator(options: EmulatorStartOptions = {}): Promise<JiraEmulator> {
  const startedAt = Date.now();
  const seedNow = options.now ?? new Date(startedAt);
  // The clock starts at `now` (fixed in tests) and runs forward in real time, so writes get fresh timestamps.
  const clock = () => seedNow.getTime() + (Date.now() - startedAt);
  let state = { size: options.size ?? "demo", seed: options.seed ?? 42 };
  let store = buildJiraStore(state.size, state.seed, seedNow);
  const getStore = () => store;
  const rateLimiter = createRateLimiter();

  const router = new Router();
  const routes = createSiteRouter(router, { store: getStore, rateLimiter, now: clock });
  registerSearchRoutes(routes);
  registerIssueRoutes(routes);
  registerWorkflowRoutes(routes);
  registerLinkRoutes(routes);
  registerProjectRoutes(routes);
  registerMetaRoutes(routes);
  registerBoardRoutes(routes);
  registerSprintRoutes(routes);
  registerAgileIssueRoutes(routes);

  const server = createEmulatorServer({
    name: "jira",
    router,
    control: createControlRouter(getStore, rateLimiter),
    errorBody: (_status, message) => errorCollection(message),
    reset: ({ size, seed }) => {
      state = { size: (size as SeedSize | undefined) ?? "demo", seed: seed ?? options.seed ?? 42 };
      store = buildJiraStore(state.size, state.seed, options.now ?? new Date(clock()));
      rateLimiter.clear();
    },
    describe: () => ({
      size: state.size,
      seed: state.seed,
      sites: [...store.sites.values()].map((s) => ({
        slug: s.slug,
        issues: s.data.issues.length,
        sprints: s.data.sprints.length,
        rateLimit: rateLimiter.get(s.slug),
      })),
    }),
  });
  const running = await server.listen(options.port ?? DEFAULT_PORTS.jira, options.host ?? "127.0.0.1");
  return { ...running, store: getStore, rateLimiter };
}
