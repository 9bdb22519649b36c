import type { EmulatorRequest, EmulatorResponse, Handler } from "../common/http";
import { SENTRY_DEMO_AUTH_TOKEN } from "../seed/world";
import { BadRequest, ForbiddenProject, detail, notFound } from "./errors";
import type { OrgState, SentryStore } from "./store";

/**
 * Bearer-token auth (one demo token valid for both orgs) and org resolution by
 * slug or id. Handlers may throw BadRequest for a 400 `{detail}`.
 */

function checkToken(req: EmulatorRequest): EmulatorResponse | null {
  const header = req.headers.authorization;
  if (!header) return detail(401, "Authentication credentials were not provided.");
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m || m[1] !== SENTRY_DEMO_AUTH_TOKEN) return detail(401, "Invalid token");
  return null;
}

async function guarded(run: () => EmulatorResponse | Promise<EmulatorResponse>): Promise<EmulatorResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BadRequest) return detail(400, error.message);
    // Sentry answers 403, not 404, for a `project` the org does not have.
    if (error instanceof ForbiddenProject) return detail(403, "You do not have permission to perform this action.");
    throw error;
  }
}

export function authed(handler: Handler): Handler {
  return (req) => checkToken(req) ?? guarded(() => handler(req));
}

export type OrgHandler = (req: EmulatorRequest, org: OrgState) => EmulatorResponse | Promise<EmulatorResponse>;

export function orgRoute(store: SentryStore, handler: OrgHandler): Handler {
  return authed((req) => {
    const org = store.org(req.params.org ?? "");
    if (!org) return notFound();
    return handler(req, org);
  });
}
