import type { EmulatorRequest, EmulatorResponse, Router } from "../../common/http";
import type { SentryProject } from "../../seed/sentry-types";
import { type SentryApp, contextFor, deliverLater } from "../app";
import { EnvelopeError, decodeBody, parseEnvelope } from "../envelope-parse";
import { issueHookData } from "../hook-payloads";
import { ingestEvent, ingestSession, ingestSessionAggregates } from "../ingest";
import type { OrgState } from "../store";

/**
 * Ingestion as Relay answers it: `POST /api/{project_id}/envelope/` (and the
 * legacy `/store/`), authenticated by the DSN public key from X-Sentry-Auth,
 * `sentry_key=` or the envelope header's `dsn`. CORS is open like Relay's.
 */

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "x-sentry-error, x-sentry-rate-limits, retry-after",
};

function relayError(status: number, message: string): EmulatorResponse {
  return { status, headers: CORS, body: { detail: message } };
}

function keyFromHeader(header: string | undefined): string | null {
  const m = /sentry_key=([^,\s]+)/.exec(header ?? "");
  return m ? (m[1] as string) : null;
}

function keyFromDsn(dsn: unknown): string | null {
  if (typeof dsn !== "string") return null;
  try {
    return new URL(dsn).username || null;
  } catch {
    return null;
  }
}

function findProjectByKey(app: SentryApp, key: string): { org: OrgState; project: SentryProject } | null {
  for (const org of app.store.orgStates()) {
    const project = org.data.projects.find((p) => p.dsnPublicKey === key);
    if (project) return { org, project };
  }
  return null;
}

function resolveProject(app: SentryApp, req: EmulatorRequest, envelopeDsn: unknown) {
  const key =
    keyFromHeader(req.headers["x-sentry-auth"] as string | undefined) ??
    req.query.get("sentry_key") ??
    keyFromDsn(envelopeDsn);
  if (!key) return relayError(401, "missing authorization information");
  const found = findProjectByKey(app, key);
  if (!found) return relayError(401, "invalid authorization: unknown public key");
  if (found.project.id !== req.params.projectId)
    return relayError(403, "event submission rejected: project id mismatch");
  return found;
}

/**
 * The body, decompressed as its content-encoding says, then parsed; a body that cannot be decoded or parsed is
 * answered 400 with the reason as `describe` words it.
 */
function parseBody<T>(
  req: EmulatorRequest,
  parse: (bytes: Buffer) => T,
  describe: (message: string) => string,
): { ok: true; value: T } | { ok: false; response: EmulatorResponse } {
  try {
    const bytes = decodeBody(
      req.rawBytes ?? Buffer.from(req.rawBody),
      req.headers["content-encoding"] as string | undefined,
    );
    return { ok: true, value: parse(bytes) };
  } catch (error) {
    if (error instanceof EnvelopeError) return { ok: false, response: relayError(400, describe(error.message)) };
    throw error;
  }
}

function parseJsonObject(bytes: Buffer): Record<string, unknown> | null {
  try {
    const value = JSON.parse(bytes.toString("utf8")) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function ingestAndNotify(
  app: SentryApp,
  org: OrgState,
  project: SentryProject,
  payload: Record<string, unknown>,
): string | null {
  const ingested = ingestEvent(app.store, org, project, payload);
  // A new issue sends issue.created; a regression (an event on a resolved issue) sends issue.unresolved.
  if (ingested?.created || ingested?.regressed)
    deliverLater(
      app.hooks(
        org,
        "issue",
        ingested.created ? "created" : "unresolved",
        issueHookData(contextFor(app, org), ingested.issue),
      ),
    );
  return ingested?.event.eventId ?? null;
}

export function registerEnvelopeRoutes(router: Router, app: SentryApp) {
  const preflight = () => ({
    status: 200,
    headers: {
      ...CORS,
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "content-type, x-sentry-auth, content-encoding",
      "access-control-max-age": "3600",
    },
  });
  router.add("OPTIONS", "/api/:projectId/envelope/", preflight);
  router.add("OPTIONS", "/api/:projectId/store/", preflight);

  // POST /api/{project_id}/envelope/ - SDK envelopes (events, sessions; other items are accepted and dropped)
  router.post("/api/:projectId/envelope/", (req) => {
    const parsed = parseBody(req, parseEnvelope, (message) => `invalid envelope: ${message}`);
    if (!parsed.ok) return parsed.response;
    const envelope = parsed.value;
    const target = resolveProject(app, req, envelope.headers.dsn);
    if ("status" in target) return target;
    const { org, project } = target;
    let eventId = typeof envelope.headers.event_id === "string" ? envelope.headers.event_id : null;
    for (const item of envelope.items) {
      const type = item.headers.type;
      if (type !== "event" && type !== "session" && type !== "sessions") continue;
      const payload = parseJsonObject(item.payload);
      if (!payload) return relayError(400, `invalid envelope: ${type} item is not a JSON object`);
      if (type === "event") eventId = ingestAndNotify(app, org, project, payload) ?? eventId;
      else if (type === "session") ingestSession(app.store, org, project, payload);
      else ingestSessionAggregates(app.store, org, project, payload);
    }
    return { status: 200, headers: CORS, body: eventId ? { id: eventId } : {} };
  });

  // POST /api/{project_id}/store/ - the legacy single-event endpoint
  router.post("/api/:projectId/store/", (req) => {
    const parsed = parseBody(req, parseJsonObject, (message) => message);
    if (!parsed.ok) return parsed.response;
    const payload = parsed.value;
    if (!payload) return relayError(400, "invalid event: body is not a JSON object");
    const target = resolveProject(app, req, null);
    if ("status" in target) return target;
    const eventId = ingestAndNotify(app, target.org, target.project, payload);
    return { status: 200, headers: CORS, body: eventId ? { id: eventId } : {} };
  });
}
