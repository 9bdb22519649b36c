import { randomUUID, timingSafeEqual } from "node:crypto";
import { type EmulatorRequest, type EmulatorResponse, type Handler, parseForm, parseJson } from "../common/http";
import type { WorkosContext } from "./context";
import { ListParamsError } from "./pagination";

/** WorkOS API errors are `{message, code?}` (OAuth-style endpoints use `{error, error_description}`). */
export function workosError(status: number, message: string, code?: string): EmulatorResponse {
  return { status, body: code ? { message, code } : { message } };
}

export function errorBody(status: number, message: string) {
  if (status === 429) return { message, code: "rate_limit_exceeded" };
  if (status >= 500) return { message, code: "server_error" };
  return { message };
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Wraps an API route: Bearer API key required, list-parameter errors become 422, X-Request-ID on every answer. */
export function apiRoute(context: WorkosContext, handler: Handler): Handler {
  const guarded = authenticated(context, handler);
  return async (req) => {
    const response = await guarded(req);
    return { ...response, headers: { "x-request-id": randomUUID(), ...response.headers } };
  };
}

function authenticated(context: WorkosContext, handler: Handler): Handler {
  return async (req) => {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match)
      return workosError(401, "Unauthorized: no API key was provided in the Authorization header.", "unauthorized");
    if (!safeEqual(match[1] as string, context.config.apiKey))
      return workosError(401, "Unauthorized: the API key provided is invalid.", "unauthorized");
    try {
      return await handler(req);
    } catch (error) {
      if (error instanceof ListParamsError) return workosError(422, error.message, "invalid_request_parameters");
      throw error;
    }
  };
}

/** JSON or form-encoded request bodies as a flat record. */
export function readBody(req: EmulatorRequest): Record<string, unknown> {
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(parseForm(req));
  const body = parseJson<unknown>(req);
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** A query parameter that may be repeated or comma-separated (`events=a,b`, `statuses=active`). */
export function listQuery(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .concat(query.getAll(`${name}[]`))
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
}

export const stringField = (body: Record<string, unknown>, key: string): string | undefined =>
  typeof body[key] === "string" && body[key] !== "" ? (body[key] as string) : undefined;
