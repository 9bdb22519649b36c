// /api/mcp - Bosun's MCP endpoint (Streamable HTTP, stateless), for org API keys and AuthKit OAuth tokens.
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { NextResponse } from "next/server";
import { authenticateMcpRequest, MCP_RATE_LIMIT, TokenBuckets, createBosunMcpServer } from "@/lib/features/agents";
import { logger } from "@/lib/platform/observability/logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/platform/observability/request-id";
import { MAX_BODY_BYTES } from "@/lib/platform/security/body-limit";
import { readLimitedBody } from "@/lib/platform/security/read-limited-body";

const globalForMcp = globalThis as { bosunMcpBuckets?: TokenBuckets };
const buckets = (globalForMcp.bosunMcpBuckets ??= new TokenBuckets(
  MCP_RATE_LIMIT.capacity,
  MCP_RATE_LIMIT.refillPerSecond,
));

async function handle(request: Request): Promise<Response> {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  // proxy.ts does not see this route (so the body reaches it unbuffered); the request line is logged here instead.
  logger.info({ requestId, method: request.method, path: "/api/mcp" }, "request");
  const auth = await authenticateMcpRequest(request.headers.get("authorization"), requestId);
  if (!auth.ok)
    return NextResponse.json(
      { error: auth.error, error_description: auth.description },
      { status: auth.status, headers: { "www-authenticate": auth.challenge, [REQUEST_ID_HEADER]: requestId } },
    );

  const limit = buckets.take(auth.rateKey, Date.now());
  if (!limit.allowed) {
    return NextResponse.json(
      { error: "rate_limited", error_description: `Too many calls; try again in ${limit.retryAfterSeconds} s.` },
      { status: 429, headers: { "retry-after": String(limit.retryAfterSeconds), [REQUEST_ID_HEADER]: requestId } },
    );
  }

  // The body is counted off the socket here, so the SDK only ever parses bytes that were within the limit.
  const read = await readLimitedBody(request);
  if (!read.ok) {
    read.response.headers.set(REQUEST_ID_HEADER, requestId);
    return read.response;
  }
  const counted = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: read.bytes.byteLength ? read.bytes : null,
  });

  const server = createBosunMcpServer(auth.ctx);
  // Stateless: no session ids, plain JSON answers; every request carries its own credentials.
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MAX_BODY_BYTES,
  });
  await server.connect(transport);
  try {
    const response = await transport.handleRequest(counted);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } finally {
    await server.close();
  }
}

export const POST = handle;
export const DELETE = handle;

/**
 * A stateless server has no standalone SSE stream to offer: the transport's stream would be closed as soon as
 * this request's server closes, and SDK clients reconnect to a closed stream every second, forever — burning the
 * caller's rate limit and a database read each time. 405 is the spec's way to say "no stream here".
 */
export async function GET(request: Request): Promise<Response> {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  return NextResponse.json(
    {
      jsonrpc: "2.0",
      error: { code: -32000, message: "Method not allowed: this server answers POST requests only." },
      id: null,
    },
    { status: 405, headers: { allow: "POST, DELETE", [REQUEST_ID_HEADER]: requestId } },
  );
}
