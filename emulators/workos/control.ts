import { Router, parseJson } from "../common/http";
import type { WorkosContext } from "./context";
import { applyDirectoryUserChange, parseDirectoryUserChange } from "./directory-sync";
import { parseClientMetadata, registerOAuthClient, serializeOAuthClient } from "./oauth";
import { startSession } from "./tokens";

/** WorkOS-specific routes under /__emulator/ (the shared ones come from common/http). */
export function createWorkosControlRouter(context: WorkosContext): Router {
  const router = new Router();

  // POST /__emulator/directory/users - simulate a SCIM change from the organisation's IdP
  router.post("/directory/users", async (req) => {
    const change = parseDirectoryUserChange(parseJson<Record<string, unknown>>(req));
    if (typeof change === "string") return { status: 400, body: { error: change } };
    const result = await applyDirectoryUserChange(context, change);
    if (!result.ok) return { status: result.status, body: { error: result.message } };
    return {
      status: 200,
      body: {
        directory_user: result.directoryUser,
        events: result.emitted.map(({ event }) => ({ id: event.id, event: event.event })),
        webhooks: result.emitted.flatMap(({ delivery }) => (delivery ? [delivery] : [])),
      },
    };
  });

  // GET/PUT /__emulator/tokens - access-token lifetime (shorten it to exercise refresh)
  router.get("/tokens", () => ({
    status: 200,
    body: { accessTokenTtlSeconds: context.config.accessTokenTtlSeconds, kid: context.signingKey.kid },
  }));
  router.put("/tokens", (req) => {
    const { accessTokenTtlSeconds } = parseJson<{ accessTokenTtlSeconds?: unknown }>(req);
    if (
      typeof accessTokenTtlSeconds !== "number" ||
      !Number.isInteger(accessTokenTtlSeconds) ||
      accessTokenTtlSeconds < 1 ||
      accessTokenTtlSeconds > 86_400
    ) {
      return { status: 400, body: { error: "accessTokenTtlSeconds must be an integer between 1 and 86400" } };
    }
    context.config.accessTokenTtlSeconds = accessTokenTtlSeconds;
    return { status: 200, body: { accessTokenTtlSeconds } };
  });

  // GET /__emulator/audit-logs - audit-log events received (WorkOS itself has no list endpoint)
  router.get("/audit-logs", (req) => {
    const organizationId = req.query.get("organization_id");
    const events = context.store.auditLogEvents
      .all()
      .filter((e) => !organizationId || e.organizationId === organizationId);
    return { status: 200, body: { events } };
  });

  // GET /__emulator/sessions - every session with its status (sign-out and revocation checks)
  router.get("/sessions", (req) => {
    const userId = req.query.get("user_id");
    return {
      status: 200,
      body: { sessions: context.store.sessions.all().filter((s) => !userId || s.userId === userId) },
    };
  });

  // POST /__emulator/sessions - start a session for a user, as signing in would (sessions to revoke on deprovisioning)
  router.post("/sessions", async (req) => {
    const { user_id: userId, organization_id: organizationId } = parseJson<{
      user_id?: unknown;
      organization_id?: unknown;
    }>(req);
    if (typeof userId !== "string" || !context.store.users.get(userId))
      return { status: 400, body: { error: "user_id must name an existing user" } };
    if (
      organizationId !== undefined &&
      organizationId !== null &&
      (typeof organizationId !== "string" || !context.store.organizations.get(organizationId))
    ) {
      return { status: 400, body: { error: "organization_id must be null or name an existing organization" } };
    }
    const session = await startSession(context, {
      userId,
      organizationId: (organizationId as string | null | undefined) ?? null,
      ipAddress: null,
      userAgent: "Bosun emulator control",
    });
    return { status: 201, body: { session } };
  });

  // GET /__emulator/oauth/clients - clients of the MCP authorization server (/oauth2/*), secrets included
  router.get("/oauth/clients", () => ({
    status: 200,
    body: { clients: context.store.oauthClients.all().map(serializeOAuthClient) },
  }));

  // POST /__emulator/oauth/clients - pre-register a client (RFC 7591 metadata, plus an optional fixed client_id / client_secret)
  router.post("/oauth/clients", (req) => {
    const body = parseJson<Record<string, unknown>>(req);
    const parsed = parseClientMetadata(body);
    if (!parsed.ok) return { status: 400, body: parsed.error };
    const { client_id: id, client_secret: secret } = body;
    if (id !== undefined && (typeof id !== "string" || !/^[A-Za-z0-9_.:-]{1,128}$/.test(id)))
      return { status: 400, body: { error: "client_id must be 1-128 characters of A-Z a-z 0-9 _ . : -" } };
    if (secret !== undefined && (typeof secret !== "string" || secret === ""))
      return { status: 400, body: { error: "client_secret must be a non-empty string" } };
    if (typeof id === "string" && context.store.oauthClients.get(id))
      return { status: 409, body: { error: `Client '${id}' already exists` } };
    const client = registerOAuthClient(context, parsed.metadata, {
      id: id as string | undefined,
      secret: secret as string | undefined,
    });
    return { status: 201, body: serializeOAuthClient(client) };
  });

  return router;
}
