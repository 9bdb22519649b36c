import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";
import { MAX_BODY_BYTES } from "@/lib/platform/security/body-limit";
import { securityHeaders } from "@/lib/platform/security/response-headers";
import { type IntakeAnswer, takeWebhook } from "./intake";

/**
 * The webhook front: `npm start` serves `POST /api/webhooks/{sentry,github,jira}/{orgSlug}` here, before Next.js's
 * router and the Sentry SDK's per-request work, which were most of an acknowledgement's cost. It calls the same
 * `takeWebhook` the route handlers do (through `acceptWebhook`), on Node's request without building a Web Request,
 * so signature, size limit, validation and deduplication are the same code;
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

const SECURITY_HEADERS = Object.fromEntries(
  securityHeaders({ production: env.nodeEnv === "production", publicUrl: env.publicUrl }).map(({ key, value }) => [
    key.toLowerCase(),
    value,
  ]),
);

/**
 * The body as `takeWebhook` wants it, read straight from Node's stream: a declared Content-Length over the limit is
 * refused before a byte is read, a chunked body as soon as it passes the limit. The rest is then left unread, not
 * destroyed, so the 413 can still be written (as readLimitedBody does for a Web Request). Decoded as
 * readLimitedBody decodes, so the signature is checked over the same text on either path.
 */
export function readNodeBody(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<{ ok: true; text: string } | { ok: false }> {
  if (Number(request.headers["content-length"] ?? 0) > limit) return Promise.resolve({ ok: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received <= limit) return void chunks.push(chunk);
      stop();
      request.pause();
      resolve({ ok: false });
    };
    const onEnd = () => {
      stop();
      resolve({ ok: true, text: new TextDecoder().decode(Buffer.concat(chunks, received)) });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}

const header = (request: IncomingMessage) => (name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
};

export async function serveWebhook(request: IncomingMessage, response: ServerResponse, route: WebhookRoute) {
  let answer: IntakeAnswer;
  try {
    answer = await takeWebhook({
      ...route,
      delivery: { header: header(request), readBody: () => readNodeBody(request) },
    });
  } catch (error) {
    logger.error({ err: error, source: route.source }, "webhook intake failed");
    answer = {
      status: 500,
      body: { error: "internal_error", message: "The delivery could not be recorded. Send it again." },
    };
  }
  const body = Buffer.from(JSON.stringify(answer.body));
  response.writeHead(answer.status, {
    ...SECURITY_HEADERS,
    "content-type": "application/json",
    ...answer.headers,
    "content-length": String(body.byteLength),
  });
  response.end(body);
}
