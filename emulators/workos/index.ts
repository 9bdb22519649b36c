import type { KeyObject } from "node:crypto";
import { type EmulatorStartOptions, type RunningEmulator, Router, createEmulatorServer } from "../common/http";
import { createWebhookLog } from "../common/webhooks";
import { buildWorkosSeed } from "../seed/workos";
import { WORKOS_DEMO_API_KEY, WORKOS_DEMO_CLIENT_ID, WORKOS_WEBHOOK_SECRET, buildWorld } from "../seed/world";
import type { WorkosConfig } from "./config";
import { type WorkosContext, createEmit } from "./context";
import { createWorkosControlRouter } from "./control";
import { errorBody } from "./http-helpers";
import { type SigningKey, createSigningKey } from "./keys";
import { registerAuditLogRoutes } from "./routes/audit-logs";
import { registerAuthFactorRoutes } from "./routes/auth-factors";
import { registerAuthenticateRoutes } from "./routes/authenticate";
import { registerAuthorizeRoutes } from "./routes/authorize";
import { registerDirectoryRoutes } from "./routes/directories";
import { registerEventRoutes } from "./routes/events";
import { registerInvitePageRoutes } from "./routes/invite-page";
import { registerInvitationRoutes } from "./routes/invitations";
import { registerMembershipRoutes } from "./routes/memberships";
import { registerOAuthRoutes } from "./routes/oauth2";
import { registerOrganizationRoutes } from "./routes/organizations";
import { registerSessionRoutes } from "./routes/sessions";
import { registerUserRoutes } from "./routes/users";
import { type Store, createStore } from "./store";

export { totp, verifyTotp } from "./totp";
export { signWorkosWebhook } from "./webhooks";
export type { SigningKey } from "./keys";

export type WorkosStartOptions = EmulatorStartOptions & {
  apiKey?: string;
  clientId?: string;
  webhookSecret?: string;
  /** Access-token lifetime; WorkOS's default is 5 minutes. */
  accessTokenTtlSeconds?: number;
  /** PEM or KeyObject of the RSA key that signs access tokens; generated when absent. */
  signingKey?: KeyObject | string;
  /** Allowed redirect URIs; any http(s) URI is accepted when empty. */
  redirectUris?: string[];
};

export type RunningWorkosEmulator = RunningEmulator & {
  apiKey: string;
  clientId: string;
  signingKey: SigningKey;
  /** The live state (replaced on reset), for assertions. */
  readonly store: Store;
  config: WorkosConfig;
};

export async function startWorkosEmulator(options: WorkosStartOptions = {}): Promise<RunningWorkosEmulator> {
  const seedStore = (size: "demo" | "large" = options.size ?? "demo", seed = options.seed ?? 42) =>
    createStore(buildWorkosSeed(buildWorld({ size, seed, now: options.now })));
  const config: WorkosConfig = {
    apiKey: options.apiKey ?? WORKOS_DEMO_API_KEY,
    clientId: options.clientId ?? WORKOS_DEMO_CLIENT_ID,
    baseUrl: "",
    bosunUrl: options.bosunUrl?.replace(/\/$/, "") ?? null,
    webhookSecret: options.webhookSecret ?? WORKOS_WEBHOOK_SECRET,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 300,
    redirectUris: options.redirectUris ?? [],
  };
  const webhooks = createWebhookLog();
  const context: WorkosContext = {
    store: seedStore(),
    config,
    signingKey: createSigningKey(options.signingKey),
    webhooks,
    emit: (...args) => emit(...args),
  };
  const emit = createEmit(context);

  const router = new Router();
  registerAuthorizeRoutes(router, context);
  registerAuthenticateRoutes(router, context);
  registerSessionRoutes(router, context);
  registerUserRoutes(router, context);
  registerAuthFactorRoutes(router, context);
  registerOrganizationRoutes(router, context);
  registerMembershipRoutes(router, context);
  registerInvitationRoutes(router, context);
  registerInvitePageRoutes(router, context);
  registerEventRoutes(router, context);
  registerDirectoryRoutes(router, context);
  registerAuditLogRoutes(router, context);
  registerOAuthRoutes(router, context);

  const emulator = createEmulatorServer({
    name: "workos",
    router,
    control: createWorkosControlRouter(context),
    webhooks,
    errorBody,
    reset: ({ size, seed }) => {
      context.store = seedStore(size as "demo" | "large" | undefined, seed);
    },
    describe: () => ({
      users: context.store.users.size,
      organizations: context.store.organizations.size,
      memberships: context.store.memberships.size,
      events: context.store.events.size,
      sessions: context.store.sessions.size,
      oauthClients: context.store.oauthClients.size,
      accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    }),
  });
  const running = await emulator.listen(options.port ?? 0, options.host);
  config.baseUrl = running.url;
  return {
    ...running,
    apiKey: config.apiKey,
    clientId: config.clientId,
    signingKey: context.signingKey,
    config,
    get store() {
      return context.store;
    },
  };
}
