import { NextResponse, type NextRequest } from "next/server";
import { applyResponseHeaders, authkit, partitionAuthkitHeaders } from "@workos-inc/authkit-nextjs";
import { coalesceSessionRefresh } from "@/lib/platform/auth/refresh-coalescer";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/platform/observability/request-id";
import { buildContentSecurityPolicy, createNonce, originOf } from "@/lib/platform/security/csp";

/**
 * The first line of defence only: it gives every request an id and a CSP
 * nonce, and lets AuthKit refresh the session cookie. Authorisation happens in
 * each page, action and route (requireOrg), never here.
 */

const workosOrigin = `${env.workos.apiHttps ? "https" : "http"}://${env.workos.apiHostname}${env.workos.apiPort ? `:${env.workos.apiPort}` : ""}`;
const connectOrigins = [originOf(env.sentry.dsn)].filter((o): o is string => o !== null);
const isDevelopment = env.nodeEnv === "development";

// Machine-to-machine endpoints carry no session cookie; skip the AuthKit work for them. (Webhooks and MCP skip
// this proxy altogether — see the matcher: Next.js copies the body of every request a proxy sees, whole, before
// the route runs, and their routes must count body bytes off the socket to refuse a huge one early.)
const SESSIONLESS_PREFIXES = ["/api/health", "/api/webhooks/", "/api/mcp", "/.well-known/"];
// Pages anyone may open. API routes answer 401 themselves instead of redirecting.
const PUBLIC_PAGES = new Set(["/", "/sign-in", "/sign-out", "/callback"]);

/** A signed-out browser opening a page (not an API call, prefetch or RSC fetch) goes to sign in first. */
function needsSignIn(request: NextRequest, signedIn: boolean) {
  const { pathname } = request.nextUrl;
  if (signedIn || PUBLIC_PAGES.has(pathname) || pathname.startsWith("/api/") || pathname.startsWith("/.well-known/"))
    return false;
  // An e-mail's unsubscribe link works signed out: its token is the credential.
  if (pathname.startsWith("/unsubscribe/")) return false;
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  return request.headers.get("rsc") === null && request.headers.get("next-router-prefetch") === null;
}

export default async function proxy(request: NextRequest) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  logger.info({ requestId, method: request.method, path: request.nextUrl.pathname }, "request");
  const nonce = createNonce();
  const csp = buildContentSecurityPolicy({
    nonce,
    isDevelopment,
    connectOrigins,
    formActionOrigins: [workosOrigin],
    upgradeInsecureRequests: env.publicUrl.startsWith("https://"),
  });

  const sessionless = SESSIONLESS_PREFIXES.some((prefix) => request.nextUrl.pathname.startsWith(prefix));
  const auth = sessionless
    ? null
    : await coalesceSessionRefresh(request, (req) => authkit(req, { redirectUri: env.workos.redirectUri }));
  const { requestHeaders, responseHeaders } = auth
    ? partitionAuthkitHeaders(request, auth.headers)
    : { requestHeaders: new Headers(request.headers), responseHeaders: new Headers() };

  if (auth?.authorizationUrl && needsSignIn(request, Boolean(auth.session.user))) {
    // The redirect carries AuthKit's PKCE cookie; the callback brings the user back to this page.
    return withSecurityHeaders(
      applyResponseHeaders(NextResponse.redirect(auth.authorizationUrl, 307), responseHeaders),
      csp,
      requestId,
    );
  }

  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  // Next.js reads the nonce from the request's CSP header and adds it to its own scripts.
  requestHeaders.set("content-security-policy", csp);

  return withSecurityHeaders(
    applyResponseHeaders(NextResponse.next({ request: { headers: requestHeaders } }), responseHeaders),
    csp,
    requestId,
  );
}

function withSecurityHeaders(response: NextResponse, csp: string, requestId: string) {
  response.headers.set("content-security-policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/webhooks/|api/mcp).*)"],
};
