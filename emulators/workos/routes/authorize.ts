import type { EmulatorResponse, Router } from "../../common/http";
import { parseForm } from "../../common/http";
import type { WorkosContext } from "../context";
import { newSecret } from "../ids";
import type { FlowValidation, PendingAuthentication, SignInFlow } from "../sign-in-flow";
import { factorsOfUser, findUserByEmail, membershipsOfUser } from "../store";
import { verifyTotp } from "../totp";
import { renderMessage, renderOrganizationChooser, renderSignIn, renderTotp } from "../sign-in-page";
import { safeEqual } from "../http-helpers";

/**
 * The AuthKit hosted sign-in: GET /user_management/authorize validates the
 * request and shows the form; the form posts to /authkit/* on this server;
 * the flow ends with a 302 to `redirect_uri?code=…&state=…`.
 *
 * The same screens (password, TOTP, organisation choice) serve every
 * authorization request this emulator accepts: each kind is a `SignInFlow`
 * (this file's for /user_management/authorize, routes/oauth2.ts's for the
 * MCP authorization server at /oauth2/authorize) that validates its own
 * parameters and stores its own codes.
 */

/** The authorization-code request's own parameters, which every flow carries through its sign-in screens. */
export const CODE_FLOW_PARAMS = [
  "client_id",
  "redirect_uri",
  "response_type",
  "state",
  "code_challenge",
  "code_challenge_method",
];
const CARRIED_PARAMS = [...CODE_FLOW_PARAMS, "organization_id", "provider", "screen_hint"];
const PENDING_TTL_MS = 10 * 60_000;
export const CODE_TTL_MS = 10 * 60_000;

export const html = (status: number, body: string): EmulatorResponse => ({
  status,
  headers: {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  },
  body,
});

/** What every single-use code records, whichever flow issues it: a fresh code for this client, redirect and user. */
export function newCodeGrant(pending: PendingAuthentication, organizationId: string | null) {
  const { authorizeParams: params } = pending;
  return {
    code: newSecret(24),
    clientId: params.client_id as string,
    redirectUri: params.redirect_uri as string,
    userId: pending.userId,
    organizationId,
    expiresAt: Date.now() + CODE_TTL_MS,
    used: false,
  };
}

const invalidRequest = (message: string): FlowValidation => ({
  ok: false,
  response: html(400, renderMessage("Invalid sign-in request", message)),
});

/** A base64url S256 PKCE challenge (43 characters for SHA-256; up to 128 tolerated). */
export const isCodeChallenge = (value: string) => /^[A-Za-z0-9_-]{43,128}$/.test(value);

function userManagementFlow(context: WorkosContext): SignInFlow {
  return {
    signInAction: "/authkit/sign-in",
    validate(source) {
      const get = (key: string) => source.get(key) ?? "";
      if (!get("client_id")) return invalidRequest("client_id is required.");
      if (get("client_id") !== context.config.clientId)
        return invalidRequest(`Invalid client ID '${get("client_id")}'.`);
      const redirectUri = get("redirect_uri");
      let parsed: URL | null = null;
      try {
        parsed = new URL(redirectUri);
      } catch {
        parsed = null;
      }
      if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:"))
        return invalidRequest("redirect_uri must be an absolute http(s) URL.");
      if (context.config.redirectUris.length > 0 && !context.config.redirectUris.includes(redirectUri)) {
        return invalidRequest(`'${redirectUri}' is not an allowed redirect URI for this application.`);
      }
      if (get("response_type") !== "code") return invalidRequest("response_type must be 'code'.");
      const provider = get("provider") || "authkit";
      if (provider !== "authkit")
        return invalidRequest(`Provider '${provider}' is not configured for this environment; use provider=authkit.`);
      const method = get("code_challenge_method");
      if (method && method !== "S256") return invalidRequest("code_challenge_method must be 'S256'.");
      if (method && !get("code_challenge"))
        return invalidRequest("code_challenge is required when code_challenge_method is given.");
      if (get("code_challenge") && !isCodeChallenge(get("code_challenge")))
        return invalidRequest("code_challenge must be a base64url S256 challenge.");
      const organizationId = get("organization_id");
      if (organizationId && !context.store.organizations.get(organizationId))
        return invalidRequest(`Organization '${organizationId}' not found.`);
      const params: Record<string, string> = {};
      for (const key of CARRIED_PARAMS) if (source.get(key)) params[key] = source.get(key) as string;
      return { ok: true, params };
    },
    issueCode(pending, organizationId) {
      const grant = newCodeGrant(pending, organizationId);
      context.store.codes.set(grant.code, { ...grant, codeChallenge: pending.authorizeParams.code_challenge ?? null });
      return grant.code;
    },
  };
}

function redirectWithCode(
  context: WorkosContext,
  pending: PendingAuthentication,
  organizationId: string | null,
): EmulatorResponse {
  const { authorizeParams: params } = pending;
  const code = pending.flow.issueCode(pending, organizationId);
  context.store.pending.delete(pending.token);
  const user = context.store.users.get(pending.userId);
  if (user) user.lastSignInAt = new Date().toISOString();
  const location = new URL(params.redirect_uri as string);
  location.searchParams.set("code", code);
  if (params.state !== undefined) location.searchParams.set("state", params.state);
  return { status: 302, headers: { location: location.toString(), "cache-control": "no-store" } };
}

const signInPage = (
  flow: SignInFlow,
  input: { params: Record<string, string>; email?: string; error?: string; notice?: string },
) => renderSignIn({ action: flow.signInAction, lead: flow.lead?.(input.params), ...input });

/** Whether the user has an authenticator enrolled and has not yet typed a code from it. */
const needsTotp = (context: WorkosContext, pending: PendingAuthentication) =>
  !pending.totpVerified && factorsOfUser(context.store, pending.userId).length > 0;

/** Runs the remaining steps for a password-verified user: TOTP, organisation choice, redirect. */
function continueSignIn(context: WorkosContext, pending: PendingAuthentication): EmulatorResponse {
  const user = context.store.users.get(pending.userId);
  if (!user) return html(400, renderMessage("Sign-in failed", "This account no longer exists."));
  if (needsTotp(context, pending))
    return html(200, renderTotp({ action: "/authkit/mfa", token: pending.token, email: user.email }));
  const active = membershipsOfUser(context.store, user.id).filter((m) => m.status === "active");
  const requested = pending.authorizeParams.organization_id;
  if (requested) {
    if (!active.some((m) => m.organizationId === requested)) {
      context.store.pending.delete(pending.token);
      return html(
        403,
        signInPage(pending.flow, {
          params: pending.authorizeParams,
          email: user.email,
          error: "Your account is not a member of the organization you are signing in to.",
        }),
      );
    }
    return redirectWithCode(context, pending, requested);
  }
  if (active.length > 1) {
    const organizations = active.map((m) => ({
      id: m.organizationId,
      name: context.store.organizations.get(m.organizationId)?.name ?? m.organizationId,
    }));
    return html(
      200,
      renderOrganizationChooser({ action: "/authkit/organization", token: pending.token, organizations }),
    );
  }
  return redirectWithCode(context, pending, active[0]?.organizationId ?? null);
}

function findPending(context: WorkosContext, token: string | null): PendingAuthentication | null {
  const pending = token ? context.store.pending.get(token) : undefined;
  if (!pending || pending.expiresAt < Date.now()) return null;
  return pending;
}

const expired = () =>
  html(
    400,
    renderMessage("Sign-in expired", "This sign-in attempt has expired. Go back to the application and sign in again."),
  );

/** GET side of a flow: validates the query and shows the sign-in form. */
export function openSignIn(flow: SignInFlow, query: URLSearchParams, notice?: string): EmulatorResponse {
  const result = flow.validate(query);
  if (!result.ok) return result.response;
  return html(200, signInPage(flow, { params: result.params, email: query.get("login_hint") ?? "", notice }));
}

/** Registers `POST flow.signInAction`: the email and password from the hosted form. */
export function registerSignInFlow(router: Router, context: WorkosContext, flow: SignInFlow) {
  router.post(flow.signInAction, (req) => {
    const form = parseForm(req);
    const result = flow.validate(form);
    if (!result.ok) return result.response;
    const email = form.get("email")?.trim() ?? "";
    const password = form.get("password") ?? "";
    if (!email || !password)
      return html(400, signInPage(flow, { params: result.params, email, error: "Enter your email and password." }));
    const user = findUserByEmail(context.store, email);
    if (!user || !safeEqual(password, user.password)) {
      return html(401, signInPage(flow, { params: result.params, email, error: "Incorrect email or password." }));
    }
    const pending: PendingAuthentication = {
      token: newSecret(18),
      userId: user.id,
      authorizeParams: result.params,
      totpVerified: false,
      expiresAt: Date.now() + PENDING_TTL_MS,
      flow,
    };
    context.store.pending.set(pending.token, pending);
    return continueSignIn(context, pending);
  });
}

export function registerAuthorizeRoutes(router: Router, context: WorkosContext) {
  const flow = userManagementFlow(context);

  // GET /user_management/authorize - hosted sign-in page (AuthKit)
  router.get("/user_management/authorize", (req) => {
    const notice =
      req.query.get("screen_hint") === "sign-up"
        ? "Sign-up is not available here: sign in with an existing account."
        : undefined;
    return openSignIn(flow, req.query, notice);
  });

  // POST /authkit/sign-in - email and password from the hosted form
  registerSignInFlow(router, context, flow);

  // POST /authkit/mfa - the TOTP step for users with an authenticator enrolled (every flow)
  router.post("/authkit/mfa", (req) => {
    const form = parseForm(req);
    const pending = findPending(context, form.get("pending_authentication_token"));
    if (!pending) return expired();
    const user = context.store.users.get(pending.userId);
    const factors = factorsOfUser(context.store, pending.userId);
    if (!user || factors.length === 0) return expired();
    const code = (form.get("code") ?? "").replace(/\s/g, "");
    if (!factors.some((f) => verifyTotp(f.secret, code))) {
      return html(
        401,
        renderTotp({
          action: "/authkit/mfa",
          token: pending.token,
          email: user.email,
          error: "That code is incorrect or has expired. Enter the current code from your authenticator app.",
        }),
      );
    }
    pending.totpVerified = true;
    return continueSignIn(context, pending);
  });

  // POST /authkit/organization - organisation chosen by a user who belongs to several (every flow)
  router.post("/authkit/organization", (req) => {
    const form = parseForm(req);
    const pending = findPending(context, form.get("pending_authentication_token"));
    if (!pending) return expired();
    const user = context.store.users.get(pending.userId);
    if (!user || needsTotp(context, pending)) return expired();
    const chosen = form.get("organization_id") ?? "";
    const active = membershipsOfUser(context.store, user.id).filter((m) => m.status === "active");
    if (!active.some((m) => m.organizationId === chosen)) {
      const organizations = active.map((m) => ({
        id: m.organizationId,
        name: context.store.organizations.get(m.organizationId)?.name ?? m.organizationId,
      }));
      return html(
        400,
        renderOrganizationChooser({
          action: "/authkit/organization",
          token: pending.token,
          organizations,
          error: "Choose one of your organizations.",
        }),
      );
    }
    return redirectWithCode(context, pending, chosen);
  });
}
