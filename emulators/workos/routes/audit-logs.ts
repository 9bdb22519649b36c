import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { apiRoute, readBody, workosError } from "../http-helpers";
import { newId } from "../ids";

/**
 * POST /audit_logs/events: validated like WorkOS does (required fields,
 * ISO dates, metadata limits) and stored; WorkOS has no list endpoint, so
 * stored events are read back through the emulator's control API.
 */

type Issue = { instancePath: string; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function checkString(value: unknown, path: string, issues: Issue[], required = true) {
  if (value === undefined && !required) return;
  if (typeof value !== "string" || value === "")
    issues.push({ instancePath: path, message: value === undefined ? "is required" : "must be a non-empty string" });
}

function checkMetadata(value: unknown, path: string, issues: Issue[]) {
  if (value === undefined) return;
  if (!isObject(value)) return issues.push({ instancePath: path, message: "must be an object" });
  const entries = Object.entries(value);
  if (entries.length > 50) issues.push({ instancePath: path, message: "must have at most 50 keys" });
  for (const [key, item] of entries) {
    if (!/^[a-zA-Z0-9_-]{0,40}$/.test(key))
      issues.push({ instancePath: `${path}/${key}`, message: "key must be at most 40 letters, digits, '_' or '-'" });
    else if (!(
      typeof item === "number" ||
      typeof item === "boolean" ||
      (typeof item === "string" && item.length <= 500)
    )) {
      issues.push({
        instancePath: `${path}/${key}`,
        message: "must be a string (at most 500 characters), number or boolean",
      });
    }
  }
}

function checkEntity(value: unknown, path: string, issues: Issue[]) {
  if (!isObject(value)) return issues.push({ instancePath: path, message: "must be an object with id and type" });
  checkString(value.id, `${path}/id`, issues);
  checkString(value.type, `${path}/type`, issues);
  checkString(value.name, `${path}/name`, issues, false);
  checkMetadata(value.metadata, `${path}/metadata`, issues);
}

export function validateAuditLogEvent(event: unknown): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(event)) return [{ instancePath: "/event", message: "is required" }];
  checkString(event.action, "/event/action", issues);
  if (typeof event.occurred_at !== "string" || Number.isNaN(Date.parse(event.occurred_at)))
    issues.push({ instancePath: "/event/occurred_at", message: "must be an ISO-8601 date-time" });
  checkEntity(event.actor, "/event/actor", issues);
  if (!Array.isArray(event.targets)) issues.push({ instancePath: "/event/targets", message: "must be an array" });
  else event.targets.forEach((target, i) => checkEntity(target, `/event/targets/${i}`, issues));
  if (!isObject(event.context))
    issues.push({ instancePath: "/event/context", message: "must be an object with location" });
  else {
    checkString(event.context.location, "/event/context/location", issues);
    checkString(event.context.user_agent, "/event/context/user_agent", issues, false);
  }
  checkMetadata(event.metadata, "/event/metadata", issues);
  if (event.version !== undefined && !Number.isInteger(event.version))
    issues.push({ instancePath: "/event/version", message: "must be an integer" });
  return issues;
}

export function registerAuditLogRoutes(router: Router, context: WorkosContext) {
  // POST /audit_logs/events - record one audit-log event for an organisation
  router.post(
    "/audit_logs/events",
    apiRoute(context, (req) => {
      const { store } = context;
      const body = readBody(req);
      const organizationId = body.organization_id;
      if (typeof organizationId !== "string" || organizationId === "") {
        return {
          status: 400,
          body: {
            message: "Audit Log could not be processed due to missing or incorrect data.",
            code: "invalid_audit_log",
            errors: [{ instancePath: "/organization_id", message: "is required" }],
          },
        };
      }
      if (!store.organizations.get(organizationId))
        return workosError(404, `Organization '${organizationId}' not found.`);
      const issues = validateAuditLogEvent(body.event);
      if (issues.length > 0)
        return {
          status: 400,
          body: {
            message: "Audit Log could not be processed due to missing or incorrect data.",
            code: "invalid_audit_log",
            errors: issues,
          },
        };
      const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
      if (idempotencyKey) {
        const previous = store.auditLogEvents.all().find((e) => e.idempotencyKey === idempotencyKey);
        if (previous) {
          const same =
            previous.organizationId === organizationId && JSON.stringify(previous.event) === JSON.stringify(body.event);
          return same
            ? { status: 200, body: { success: true } }
            : workosError(
                400,
                `Another request with idempotency key '${idempotencyKey}' had different parameters. Use a different idempotency key.`,
              );
        }
      }
      store.auditLogEvents.insert({
        id: newId("audit_log_event"),
        organizationId,
        idempotencyKey,
        receivedAt: new Date().toISOString(),
        event: body.event as Record<string, unknown>,
      });
      return { status: 200, body: { success: true } };
    }),
  );
}
