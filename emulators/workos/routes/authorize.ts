import type { EmulatorResponse, Router } from "../../common/http";
import { parseForm } from "../../common/http";
import type { WorkosContext } from "../context";
import { newSecret } from "../ids";
import { factorsOfUser, findUserByEmail, membershipsOfUser, type PendingAuthentication } from "../store";
import { verifyTotp } from "../totp";
import { renderMessage, renderOrganizationChooser, renderSignIn, renderTotp } from "../sign-in-page";
import { safeEqual } from "../http-helpers";

/**
 * The AuthKit hosted sign-in: GET /user_management/authorize validates the
 * request and shows the form; the form posts to /authkit/* on this server;
 * the flow ends with a 302 to `redirect_uri?code=…&state=…`.
 */

const CARRIED_PARAMS = ["client_id", "redirect_uri", "response_type", "state", "code_challenge", "code_challenge_method", "organization_id", "provider", "screen_hint"];
const PENDING_TTL_MS = 10 * 60_000;
const CODE_TTL_MS = 10 * 60_000;

const html = (status: number, body: string): EmulatorResponse => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" },
  body,
});

type Validated = { ok: true; params: Record<string, string> } | { ok: false; message: string };

function validateAuthorizeParams(context: WorkosContext, source: URLSearchParams): Validated {
  const get = (key: string) => source.get(key) ?? "";
  if (!get("client_id")) return { ok: false, message: "client_id is required." };
  if (get("client_id") !== context.config.clientId) return { ok: false, message: `Invalid client ID '${get("client_id")}'.` };
  const redirectUri = get("redirect_uri");
  let parsed: URL | null = null;
  try {
    parsed = new URL(redirectUri);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) return { ok: false, message: "redirect_uri must be an absolute http(s) URL." };
  if (context.config.redirectUris.length > 0 && !context.config.redirectUris.includes(redirectUri)) {
    return { ok: false, message: `'${redirectUri}' is not an allowed redirect URI for this application.` };
  }
  if (get("response_type") !== "code") return { ok: false, message: "response_type must be 'code'." };
  const provider = get("provider") || "authkit";
  if (provider !== "authkit") return { ok: false, message: `Provider '${provider}' is not configured for this environment; use provider=authkit.` };
  const method = get("code_challenge_method");
  if (method && method !== "S256") return { ok: false, message: "code_challenge_method must be 'S256'." };
  if (method && !get("code_challenge")) return { ok: false, message: "code_challenge is required when code_challenge_method is given." };
  if (get("code_challenge") && !/^[A-Za-z0-9_-]{43,128}$/.test(get("code_challenge"))) return { ok: false, message: "code_challenge must be a base64url S256 challenge." };
  const organizationId = get("organization_id");
  if (organizationId && !context.store.organizations.get(organizationId)) return { ok: false, message: `Organization '${organizationId}' not found.` };
  const params: Record<string, string> = {};
  for (const key of CARRIED_PARAMS) if (source.get(key)) params[key] = source.get(key) as string;
  return { ok: true, params };
}

function redirectWithCode(context: WorkosContext, pending: PendingAuthentication, organizationId: string | null): EmulatorResponse {
  const { authorizeParams: params } = pending;
  const code = newSecret(24);
  context.store.codes.set(code, {
    code,
    clientId: params.client_id as string,
    redirectUri: params.redirect_uri as string,
    userId: pending.userId,
    organizationId,
    codeChallenge: params.code_challenge ?? null,
    expiresAt: Date.now() + CODE_TTL_MS,
    used: false,
  });
  context.store.pending.delete(pending.token);
  const user = context.store.users.get(pending.userId);
  if (user) user.lastSignInAt = new Date().toISOString();
  const location = new URL(params.redirect_uri as string);
  location.searchParams.set("code", code);
  if (params.state !== undefined) location.searchParams.set("state", params.state);
  return { status: 302, headers: { location: location.toString(), "cache-control": "no-store" } };
}

/** Whether the user has an authenticator enrolled and has not yet typed a code from it. */
const needsTotp = (context: WorkosContext, pending: PendingAuthentication) => !pending.totpVerified && factorsOfUser(context.store, pending.userId).length > 0;

/** Runs the remaining steps for a password-verified user: TOTP, organisation choice, redirect. */
function continueSignIn(context: WorkosContext, pending: PendingAuthentication): EmulatorResponse {
  const user = context.store.users.get(pending.userId);
  if (!user) return html(400, renderMessage("Sign-in failed", "This account no longer exists."));
  if (needsTotp(context, pending)) return html(200, renderTotp({ action: "/authkit/mfa", token: pending.token, email: user.email }));
  const active = membershipsOfUser(context.store, user.id).filter((m) => m.status === "active");
  const requested = pending.authorizeParams.organization_id;
  if (requested) {
    if (!active.some((m) => m.organizationId === requested)) {
      context.store.pending.delete(pending.token);
      return html(403, renderSignIn({ action: "/authkit/sign-in", params: pending.authorizeParams, email: user.email, error: "Your account is not a member of the organization you are signing in to." }));
    }
    return redirectWithCode(context, pending, requested);
  }
  if (active.length > 1) {
    const organizations = active.map((m) => ({ id: m.organizationId, name: context.store.organizations.get(m.organizationId)?.name ?? m.organizationId }));
    return html(200, renderOrganizationChooser({ action: "/authkit/organization", token: pending.token, organizations }));
  }
  return redirectWithCode(context, pending, active[0]?.organizationId ?? null);
}

function findPending(context: WorkosContext, token: string | null): PendingAuthentication | null {
  const pending = token ? context.store.pending.get(token) : undefined;
  if (!pending || pending.expiresAt < Date.now()) return null;
  return pending;
}

const expired = () => html(400, renderMessage("Sign-in expired", "This sign-in attempt has expired. Go back to the application and sign in again."));

export function registerAuthorizeRoutes(router: Router, context: WorkosContext) {
  // GET /user_management/authorize - hosted sign-in page (AuthKit)
  router.get("/user_management/authorize", (req) => {
    const result = validateAuthorizeParams(context, req.query);
    if (!result.ok) return html(400, renderMessage("Invalid sign-in request", result.message));
    const notice = result.params.screen_hint === "sign-up" ? "Sign-up is not available here: sign in with an existing account." : undefined;
    return html(200, renderSignIn({ action: "/authkit/sign-in", params: result.params, email: req.query.get("login_hint") ?? "", notice }));
  });

  // POST /authkit/sign-in - email and password from the hosted form
  router.post("/authkit/sign-in", (req) => {
    const form = parseForm(req);
    const result = validateAuthorizeParams(context, form);
    if (!result.ok) return html(400, renderMessage("Invalid sign-in request", result.message));
    const email = form.get("email")?.trim() ?? "";
    const password = form.get("password") ?? "";
    if (!email || !password) return html(400, renderSignIn({ action: "/authkit/sign-in", params: result.params, email, error: "Enter your email and password." }));
    const user = findUserByEmail(context.store, email);
    if (!user || !safeEqual(password, user.password)) {
      return html(401, renderSignIn({ action: "/authkit/sign-in", params: result.params, email, error: "Incorrect email or password." }));
    }
    const pending: PendingAuthentication = { token: newSecret(18), userId: user.id, authorizeParams: result.params, totpVerified: false, expiresAt: Date.now() + PENDING_TTL_MS };
    context.store.pending.set(pending.token, pending);
    return continueSignIn(context, pending);
  });

  // POST /authkit/mfa - the TOTP step for users with an authenticator enrolled
  router.post("/authkit/mfa", (req) => {
    const form = parseForm(req);
    const pending = findPending(context, form.get("pending_authentication_token"));
    if (!pending) return expired();
    const user = context.store.users.get(pending.userId);
    const factors = factorsOfUser(context.store, pending.userId);
    if (!user || factors.length === 0) return expired();
    const code = (form.get("code") ?? "").replace(/\s/g, "");
    if (!factors.some((f) => verifyTotp(f.secret, code))) {
      return html(401, renderTotp({ action: "/authkit/mfa", token: pending.token, email: user.email, error: "That code is incorrect or has expired. Enter the current code from your authenticator app." }));
    }
    pending.totpVerified = true;
    return continueSignIn(context, pending);
  });

  // POST /authkit/organization - organisation chosen by a user who belongs to several
  router.post("/authkit/organization", (req) => {
    const form = parseForm(req);
    const pending = findPending(context, form.get("pending_authentication_token"));
    if (!pending) return expired();
    const user = context.store.users.get(pending.userId);
    if (!user || needsTotp(context, pending)) return expired();
    const chosen = form.get("organization_id") ?? "";
    const active = membershipsOfUser(context.store, user.id).filter((m) => m.status === "active");
    if (!active.some((m) => m.organizationId === chosen)) {
      const organizations = active.map((m) => ({ id: m.organizationId, name: context.store.organizations.get(m.organizationId)?.name ?? m.organizationId }));
      return html(400, renderOrganizationChooser({ action: "/authkit/organization", token: pending.token, organizations, error: "Choose one of your organizations." }));
    }
    return redirectWithCode(context, pending, chosen);
  });
}
