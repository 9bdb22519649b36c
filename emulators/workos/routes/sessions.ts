import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { apiRoute, readBody, stringField, workosError } from "../http-helpers";
import { parseListParams } from "../pagination";
import { serializeSession } from "../serializers";
import { renderMessage } from "../sign-in-page";
import { revokeSession } from "../tokens";
import { listPage } from "./resource-routes";

export function registerSessionRoutes(router: Router, context: WorkosContext) {
  // GET /sso/jwks/:clientId - public keys that verify access tokens
  router.get("/sso/jwks/:clientId", (req) => {
    if (req.params.clientId !== context.config.clientId)
      return workosError(404, `Client '${req.params.clientId}' not found.`);
    return {
      status: 200,
      headers: { "cache-control": "public, max-age=300" },
      body: { keys: [context.signingKey.jwk] },
    };
  });

  // GET /user_management/sessions/logout - browser sign-out: ends the session, then back to return_to
  router.get("/user_management/sessions/logout", async (req) => {
    const sessionId = req.query.get("session_id");
    if (!sessionId) return workosError(422, "session_id is required.");
    const session = context.store.sessions.get(sessionId);
    if (!session) return workosError(422, `Session '${sessionId}' not found.`);
    await revokeSession(context, session);
    const returnTo = req.query.get("return_to");
    if (returnTo) return { status: 302, headers: { location: returnTo, "cache-control": "no-store" } };
    return {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: renderMessage("Signed out", "You have been signed out. You can close this window."),
    };
  });

  // POST /user_management/sessions/revoke - server-side session revocation
  router.post(
    "/user_management/sessions/revoke",
    apiRoute(context, async (req) => {
      const sessionId = stringField(readBody(req), "session_id");
      if (!sessionId) return workosError(400, "session_id is required.");
      const session = context.store.sessions.get(sessionId);
      if (!session) return workosError(400, `Session '${sessionId}' not found.`);
      await revokeSession(context, session);
      return { status: 200 };
    }),
  );

  // GET /user_management/users/:id/sessions - a user's sessions, newest first
  router.get(
    "/user_management/users/:id/sessions",
    apiRoute(context, (req) => {
      if (!context.store.users.get(req.params.id as string))
        return workosError(404, `User '${req.params.id}' not found.`);
      const rows = context.store.sessions.all().filter((s) => s.userId === req.params.id);
      return listPage(context.store.sessions, rows, parseListParams(req.query), serializeSession);
    }),
  );
}
