import { Router, parseJson } from "../common/http";
import type { WorkosContext } from "./context";
import { applyDirectoryUserChange, parseDirectoryUserChange } from "./directory-sync";

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
  router.get("/tokens", () => ({ status: 200, body: { accessTokenTtlSeconds: context.config.accessTokenTtlSeconds, kid: context.signingKey.kid } }));
  router.put("/tokens", (req) => {
    const { accessTokenTtlSeconds } = parseJson<{ accessTokenTtlSeconds?: unknown }>(req);
    if (typeof accessTokenTtlSeconds !== "number" || !Number.isInteger(accessTokenTtlSeconds) || accessTokenTtlSeconds < 1 || accessTokenTtlSeconds > 86_400) {
      return { status: 400, body: { error: "accessTokenTtlSeconds must be an integer between 1 and 86400" } };
    }
    context.config.accessTokenTtlSeconds = accessTokenTtlSeconds;
    return { status: 200, body: { accessTokenTtlSeconds } };
  });

  // GET /__emulator/audit-logs - audit-log events received (WorkOS itself has no list endpoint)
  router.get("/audit-logs", (req) => {
    const organizationId = req.query.get("organization_id");
    const events = context.store.auditLogEvents.all().filter((e) => !organizationId || e.organizationId === organizationId);
    return { status: 200, body: { events } };
  });

  // GET /__emulator/sessions - every session with its status (sign-out and revocation checks)
  router.get("/sessions", (req) => {
    const userId = req.query.get("user_id");
    return { status: 200, body: { sessions: context.store.sessions.all().filter((s) => !userId || s.userId === userId) } };
  });

  return router;
}
