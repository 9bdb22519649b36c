import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";
import { securityHeaders } from "@/lib/platform/security/response-headers";
import { acceptWebhook } from "./intake";

/**
 * The webhook front: `npm start` serves `POST /api/webhooks/{sentry,github,jira}/{orgSlug}` here, before Next.js's
 * router and the Sentry SDK's per-request work, which were most of an acknowledgement's cost. It calls the same
 * `acceptWebhook` the route handlers do, so signature, size limit, validation and deduplication are the same code;
 * everything else (other methods, a trailing slash, WorkOS's endpoint) goes to Next.js as before.
 */
export type WebhookRoute = { source: "sentry" | "github" | "jira"; orgSlug: string };

const WEBHOOK_PATH = /^\/api\/webhooks\/(sentry|github|jira)\/([^/]+)$/;

export function matchWebhookRoute(method: string | undefined, url: string | undefined): WebhookRoute | null {
  if (method !== "POST" || !url) return null;
  const query = url.indexOf("?");
  const match = WEBHOOK_PATH.exec(query === -1 ? url : url.slice(0, query));
  if (!match) return null;
  try {
    return { source: match[1] as WebhookRoute["source"], orgSlug: decodeURIComponent(match[2]!) };
  } catch {
    return null; // a malformed escape: Next.js answers it as it always has
  }
}

const HEADERS = securityHeaders({ production: env.nodeEnv === "production", publicUrl: env.publicUrl });

export async function serveWebhook(request: IncomingMessage, response: ServerResponse, route: WebhookRoute) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  let answer: Response;
  try {
    answer = await acceptWebhook({
      ...route,
      request: new Request(`http://localhost${request.url}`, {
        method: "POST",
        headers,
        // Read only as far as intake asks: a body over the limit is refused from its Content-Length or first chunks.
        body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
        duplex: "half",
      } as RequestInit),
    });
  } catch (error) {
    logger.error({ err: error, source: route.source }, "webhook intake failed");
    answer = Response.json(
      { error: "internal_error", message: "The delivery could not be recorded. Send it again." },
      { status: 500 },
    );
  }
  const body = Buffer.from(await answer.arrayBuffer());
  const out: Record<string, string> = {};
  for (const { key, value } of HEADERS) out[key.toLowerCase()] = value;
  answer.headers.forEach((value, key) => (out[key] = value));
  out["content-length"] = String(body.byteLength);
  response.writeHead(answer.status, out);
  response.end(body);
}
