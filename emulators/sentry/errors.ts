import { randomUUID } from "node:crypto";
import type { EmulatorResponse } from "../common/http";

/** Sentry's error shapes: `{detail}` for most failures, `{field: [messages]}` for body validation. */
export function detail(status: number, message: string): EmulatorResponse {
  return { status, body: { detail: message } };
}

export function fieldErrors(errors: Record<string, string[]>): EmulatorResponse {
  return { status: 400, body: errors };
}

export const NOT_FOUND = "The requested resource does not exist";

export function notFound(): EmulatorResponse {
  return detail(404, NOT_FOUND);
}

/** What Sentry answers for an unhandled server error (e.g. a database constraint): a generic detail and the error's event id. */
export function internalError(): EmulatorResponse {
  return { status: 500, body: { detail: "Internal Error", errorId: randomUUID().replace(/-/g, "") } };
}

/** Thrown by query parsing deep inside a handler; routes turn it into a 400 `{detail}`. */
export class BadRequest extends Error {}

/** A `project` query value the org does not have. */
export class ForbiddenProject extends Error {}
