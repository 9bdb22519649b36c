import { readFileSync } from "node:fs";
import path from "node:path";
import type { OpenApiSpec } from "../conformance/trim-spec";
import { createSpecValidator } from "../conformance/validator";
import { SENTRY_DEMO_AUTH_TOKEN } from "../seed/world";
import { type RunningSentryEmulator, startSentryEmulator } from "./index";

/** Shared setup for the Sentry emulator's tests: a fixed clock, raw fetch helpers and the spec validator. */

export const NOW = new Date("2026-11-20T12:00:00Z");
export const ORG = "/api/0/organizations/{organization_id_or_slug}";

export const spec = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "spec/sentry-api.trimmed.json"), "utf8"),
) as OpenApiSpec;
export const validator = createSpecValidator(spec);

// Responses are arbitrary JSON that each test narrows by what it asserts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiResponse<T = any> = { status: number; headers: Headers; body: T };

export function startTestEmulator(
  options: { bosunUrl?: string; size?: "demo" | "large" } = {},
): Promise<RunningSentryEmulator> {
  return startSentryEmulator({ port: 0, now: NOW, seed: 42, ...options });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(
  em: { url: string },
  method: string,
  path: string,
  body?: unknown,
  token: string | null = SENTRY_DEMO_AUTH_TOKEN,
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${em.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as T) : (undefined as T) };
}

/** Next page URL from a Sentry Link header, or null when `results="false"`. */
export function nextLink(link: string | null): string | null {
  const next = (link ?? "").split(/,\s*(?=<)/).find((part) => part.includes('rel="next"'));
  if (!next || !next.includes('results="true"')) return null;
  return /<([^>]+)>/.exec(next)?.[1] ?? null;
}
