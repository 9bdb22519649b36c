import { AgileClient, Version3Client } from "jira.js";
import { type JiraEmulator, startJiraEmulator } from "./index";

/** Shared set-up for the Jira emulator's tests: a running emulator, jira.js clients and raw fetch. */
export const TEST_NOW = new Date("2026-11-20T12:00:00.000Z");
export const ADA = { email: "ada@acme.test", apiToken: "jira-demo-token" };

export type RawResponse = { status: number; headers: Headers; body: unknown };

export async function startTestEmulator(size: "demo" | "large" = "demo"): Promise<JiraEmulator> {
  return startJiraEmulator({ port: 0, now: TEST_NOW, size, seed: 42 });
}

export function clientsFor(emulator: JiraEmulator, site = "acme", credentials = ADA) {
  const config = { host: `${emulator.url}/${site}`, authentication: { basic: credentials } };
  return { v3: new Version3Client(config), agile: new AgileClient(config) };
}

export function basicAuth(email = ADA.email, token = ADA.apiToken): string {
  return `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}`;
}

/** A request as a client would send it, with the demo credentials unless others are given. */
export async function raw(
  emulator: JiraEmulator,
  method: string,
  path: string,
  body?: unknown,
  authorization: string | null = basicAuth(),
): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (authorization) headers.authorization = authorization;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Non-JSON bodies stay as text.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The error a jira.js call rejected with: its HTTP status and Jira error body. */
export async function sdkError(
  call: Promise<unknown>,
): Promise<{ status: number; data: { errorMessages?: string[]; errors?: Record<string, string> } }> {
  try {
    await call;
  } catch (error) {
    const e = error as {
      status?: number;
      response?: { status?: number; data?: unknown };
      cause?: { response?: { status?: number; data?: unknown } };
    };
    const status = e.status ?? e.response?.status ?? e.cause?.response?.status ?? 0;
    const data = (e.response?.data ?? e.cause?.response?.data ?? {}) as { errorMessages?: string[] };
    return { status, data };
  }
  throw new Error("expected the call to fail");
}
