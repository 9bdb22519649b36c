import { type EmulatorStartOptions, type RunningEmulator, Router, createEmulatorServer } from "../common/http";
import { createWebhookLog } from "../common/webhooks";
import { BOSUN_DSN_PUBLIC_KEY, BOSUN_PROJECT, SENTRY_APP, SENTRY_INSTALLATION_UUIDS } from "../seed/sentry";
import type { SeedSize } from "../seed/world";
import type { SentryApp } from "./app";
import { buildControlRouter } from "./control";
import { createHookSender } from "./hooks";
import { registerEnvelopeRoutes } from "./routes/envelope";
import { registerEventRoutes } from "./routes/events";
import { registerExploreRoutes } from "./routes/explore";
import { registerInstallationRoutes } from "./routes/installations";
import { registerIssueRoutes } from "./routes/issues";
import { registerOwnershipRoutes } from "./routes/ownership";
import { registerProjectRoutes } from "./routes/projects";
import { registerReleaseRoutes } from "./routes/releases";
import { registerSessionRoutes } from "./routes/sessions";
import { registerShortIdRoutes } from "./routes/short-ids";
import { registerStatsRoutes } from "./routes/stats";
import { registerCommitRoutes } from "./routes/commits";
import { registerCommitterRoutes } from "./routes/committers";
import { registerDeployRoutes } from "./routes/deploys";
import { registerTagRoutes } from "./routes/tags";
import { SentryStore } from "./store";

export { BOSUN_DSN_PUBLIC_KEY, BOSUN_PROJECT, SENTRY_APP, SENTRY_INSTALLATION_UUIDS };
export { signBody } from "./hooks";
export { pythonJsonDumps } from "./python-json";

export type RunningSentryEmulator = RunningEmulator & {
  store: SentryStore;
  /** DSN of a project, e.g. `dsnFor("acme", "bosun")`. */
  dsnFor: (org: string, projectSlug: string) => string;
  setBosunUrl: (url: string | null) => void;
};

/** Starts the Sentry emulator (web API /api/0/, envelope ingestion, integration webhooks). */
export async function startSentryEmulator(options: EmulatorStartOptions = {}): Promise<RunningSentryEmulator> {
  let size: SeedSize = options.size ?? "demo";
  let seed = options.seed ?? 42;
  const store = new SentryStore({ size, seed, now: options.now });
  const webhooks = createWebhookLog();
  const target = { bosunUrl: options.bosunUrl ?? null };
  const app: SentryApp = {
    store,
    hooks: createHookSender(webhooks, target),
    target,
    baseUrl: { value: "http://127.0.0.1" },
  };

  const router = new Router();
  registerProjectRoutes(router, app);
  registerIssueRoutes(router, app);
  registerShortIdRoutes(router, app);
  registerEventRoutes(router, app);
  registerTagRoutes(router, app);
  registerCommitRoutes(router, app);
  registerCommitterRoutes(router, app);
  registerStatsRoutes(router, app);
  registerExploreRoutes(router, app);
  registerSessionRoutes(router, app);
  registerReleaseRoutes(router, app);
  registerDeployRoutes(router, app);
  registerInstallationRoutes(router, app);
  registerEnvelopeRoutes(router, app);
  registerOwnershipRoutes(router, app);

  const server = createEmulatorServer({
    name: "sentry",
    router,
    control: buildControlRouter(app),
    webhooks,
    errorBody: (_status, message) => ({ detail: message }),
    reset: (body) => {
      size = (body.size as SeedSize | undefined) ?? "demo";
      seed = body.seed ?? options.seed ?? 42;
      store.reset(size, seed);
    },
    describe: () => ({
      size,
      seed,
      now: new Date(store.now()).toISOString(),
      bosunUrl: target.bosunUrl,
      orgs: store.orgStates().map((o) => ({
        slug: o.data.slug,
        projects: o.data.projects.length,
        issues: o.data.issues.length,
        releases: o.data.releases.length,
        regressedRelease: o.data.regressedRelease,
        hotfixRelease: o.data.releases.find((r) => r.hotfixOf === o.data.regressedRelease)?.version ?? null,
        deploys: o.data.deploys.length,
      })),
    }),
  });
  const running = await server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  app.baseUrl.value = running.url;
  return {
    ...running,
    store,
    dsnFor: (orgSlug, projectSlug) => {
      const org = store.org(orgSlug);
      const project = org && store.findProject(org, projectSlug);
      if (!project) throw new Error(`No Sentry project ${orgSlug}/${projectSlug}`);
      return `http://${project.dsnPublicKey}@${new URL(running.url).host}/${project.id}`;
    },
    setBosunUrl: (url) => {
      target.bosunUrl = url;
    },
  };
}
