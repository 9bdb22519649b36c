import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, buildWorld } from "../seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator, totp } from "./index";
import { authorizeUrl, createPkcePair, readForm, submitForm } from "./test-support";

const world = buildWorld();
const person = (key: string) => world.people.find((p) => p.key === key)!;
const acmeId = world.orgs[0]!.workosOrgId;
const globexId = world.orgs[1]!.workosOrgId;
const REDIRECT_URI = "http://127.0.0.1:6274/oauth/callback";
const RESOURCE = "http://127.0.0.1:3000/api/mcp";

let emulator: RunningWorkosEmulator;
beforeAll(async () => {
  emulator = await startWorkosEmulator({ port: 0 });
});
afterAll(() => emulator.close());

type Client = { client_id: string; client_secret?: string; redirect_uris: string[] };

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const form = typeof body === "string";
  const response = await fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": form ? "application/x-www-form-urlencoded" : "application/json", ...headers },
    body: form ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function register(metadata: Record<string, unknown> = {}): Promise<Client> {
  const { status, body } = await post("/oauth2/register", {
    client_name: "Test MCP client",
    redirect_uris: [REDIRECT_URI],
    ...metadata,
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

function oauthAuthorizeUrl(client: Client, params: Record<string, string | undefined>) {
  const url = new URL("/oauth2/authorize", emulator.url);
  const query: Record<string, string> = {
    response_type: "code",
    client_id: client.client_id,
    redirect_uri: client.redirect_uris[0]!,
    code_challenge_method: "S256",
    state: "mcp-state",
  };
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) delete query[key];
    else query[key] = value;
  }
  url.search = new URLSearchParams(query).toString();
  return url;
}

/** Drives the hosted pages like a browser until the 302 to the client. */
async function authorize(
  client: Client,
  options: { user?: string; resource?: string; scope?: string; chooseOrg?: string } = {},
) {
  const pkce = createPkcePair();
  const page = await fetch(
    oauthAuthorizeUrl(client, { code_challenge: pkce.challenge, resource: options.resource, scope: options.scope }),
    { redirect: "manual" },
  );
  expect(page.status).toBe(200);
  const html = await page.text();
  let response = await submitForm(emulator.url, readForm(html), {
    email: person(options.user ?? "grace").email,
    password: DEMO_PASSWORD,
  });
  if (options.chooseOrg) {
    expect(response.status).toBe(200);
    response = await submitForm(emulator.url, readForm(await response.text()), { organization_id: options.chooseOrg });
  }
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!);
  return { pkce, html, location, code: location.searchParams.get("code")! };
}

const tokenForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function exchange(client: Client, code: string, verifier: string, extra: Record<string, string> = {}) {
  return post(
    "/oauth2/token",
    tokenForm({
      grant_type: "authorization_code",
      code,
      redirect_uri: client.redirect_uris[0]!,
      client_id: client.client_id,
      code_verifier: verifier,
      ...extra,
    }),
  );
}

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

describe("discovery", () => {
  it("serves RFC 8414 metadata and OpenID configuration at the AuthKit domain", async () => {
    const metadata = await (await fetch(`${emulator.url}/.well-known/oauth-authorization-server`)).json();
    const base = emulator.url;
    expect(metadata).toEqual({
      issuer: base,
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      registration_endpoint: `${base}/oauth2/register`,
      jwks_uri: `${base}/oauth2/jwks`,
      introspection_endpoint: `${base}/oauth2/introspection`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none", "client_secret_post", "client_secret_basic"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
    });
    const oidc = await (await fetch(`${base}/.well-known/openid-configuration`)).json();
    expect(oidc).toEqual({
      ...metadata,
      userinfo_endpoint: `${base}/oauth2/userinfo`,
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
    });
  });

  it("serves the signing keys at /oauth2/jwks, the same as /sso/jwks/:clientId, with CORS", async () => {
    const response = await fetch(`${emulator.url}/oauth2/jwks`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const jwks = await response.json();
    expect(jwks).toEqual(await (await fetch(`${emulator.url}/sso/jwks/${emulator.clientId}`)).json());
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", kid: emulator.signingKey.kid });
    const preflight = await fetch(`${emulator.url}/oauth2/token`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
  });
});

describe("dynamic client registration", () => {
  it("registers a public client with defaults and echoes its metadata", async () => {
    const { status, headers, body } = await post("/oauth2/register", {
      client_name: "Claude",
      redirect_uris: [REDIRECT_URI, "https://claude.ai/api/mcp/auth_callback"],
      client_uri: "https://claude.ai",
    });
    expect(status).toBe(201);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({
      client_id: expect.stringMatching(/^client_[0-9A-Z]{26}$/),
      client_id_issued_at: expect.any(Number),
      client_name: "Claude",
      redirect_uris: [REDIRECT_URI, "https://claude.ai/api/mcp/auth_callback"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      client_uri: "https://claude.ai",
    });
    expect(Math.abs(body.client_id_issued_at - Date.now() / 1000)).toBeLessThan(60);
    const listed = await (await fetch(`${emulator.url}/__emulator/oauth/clients`)).json();
    expect(listed.clients.map((c: Client) => c.client_id)).toContain(body.client_id);
  });

  it("gives confidential clients a secret", async () => {
    const client = await register({ token_endpoint_auth_method: "client_secret_basic" });
    expect(client).toMatchObject({
      token_endpoint_auth_method: "client_secret_basic",
      client_secret: expect.any(String),
      client_secret_expires_at: 0,
    });
  });

  it("rejects bad redirect URIs and metadata", async () => {
    for (const redirect_uris of [
      undefined,
      [],
      ["javascript:alert(1)"],
      ["http://evil.example/callback"],
      ["not a uri"],
      ["https://app.example/cb#frag"],
    ]) {
      const { status, body } = await post("/oauth2/register", { client_name: "x", redirect_uris });
      expect(status, JSON.stringify(redirect_uris)).toBe(400);
      expect(body).toEqual({ error: "invalid_redirect_uri", error_description: expect.any(String) });
    }
    for (const metadata of [
      { token_endpoint_auth_method: "private_key_jwt" },
      { grant_types: ["client_credentials"] },
      { response_types: ["token"] },
      { client_name: 7 },
    ]) {
      const { status, body } = await post("/oauth2/register", { redirect_uris: [REDIRECT_URI], ...metadata });
      expect(status, JSON.stringify(metadata)).toBe(400);
      expect(body).toEqual({ error: "invalid_client_metadata", error_description: expect.any(String) });
    }
    expect(
      (await post("/oauth2/register", { redirect_uris: ["http://localhost:33418/callback", "http://[::1]:8080/cb"] }))
        .status,
    ).toBe(201);
  });
});

describe("authorization endpoint", () => {
  it("shows an error page for an unknown client or an unregistered redirect URI", async () => {
    const client = await register();
    const challenge = createPkcePair().challenge;
    for (const params of [
      { client_id: "client_unknown" },
      { redirect_uri: "http://127.0.0.1:6274/other" },
      { client_id: undefined },
    ]) {
      const response = await fetch(oauthAuthorizeUrl(client, { code_challenge: challenge, ...params }), {
        redirect: "manual",
      });
      expect(response.status, JSON.stringify(params)).toBe(400);
      expect(await response.text()).toContain("Invalid authorization request");
    }
  });

  it("redirects other errors to the client with error and state", async () => {
    const client = await register();
    const challenge = createPkcePair().challenge;
    const cases: [Record<string, string | undefined>, string][] = [
      [{ code_challenge: undefined }, "invalid_request"],
      [{ code_challenge: challenge, code_challenge_method: "plain" }, "invalid_request"],
      [{ code_challenge: challenge, response_type: "token" }, "unsupported_response_type"],
      [{ code_challenge: challenge, scope: "openid admin:everything" }, "invalid_scope"],
      [{ code_challenge: challenge, resource: "not-a-uri" }, "invalid_target"],
    ];
    for (const [params, error] of cases) {
      const response = await fetch(oauthAuthorizeUrl(client, params), { redirect: "manual" });
      expect(response.status, error).toBe(302);
      const location = new URL(response.headers.get("location")!);
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
      expect(location.searchParams.get("error")).toBe(error);
      expect(location.searchParams.get("state")).toBe("mcp-state");
    }
  });
});

describe("authorization code + PKCE", () => {
  it("signs grace in through the hosted page and issues a JWT for the MCP resource", async () => {
    const client = await register({ client_name: "Cursor" });
    const { pkce, html, location, code } = await authorize(client, {
      resource: RESOURCE,
      scope: "openid profile email offline_access",
    });
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain("Continue to Bosun from Cursor");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("mcp-state");

    const { status, headers, body } = await exchange(client, code, pkce.verifier, { resource: RESOURCE });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 300,
      refresh_token: expect.any(String),
      scope: "openid profile email offline_access",
      id_token: expect.any(String),
    });

    const jwks = createRemoteJWKSet(new URL(`${emulator.url}/oauth2/jwks`));
    const { payload } = await jwtVerify(body.access_token, jwks, {
      issuer: emulator.url,
      audience: RESOURCE,
      algorithms: ["RS256"],
    });
    expect(decodeProtectedHeader(body.access_token)).toMatchObject({ alg: "RS256", kid: emulator.signingKey.kid });
    expect(payload).toMatchObject({
      iss: emulator.url,
      sub: person("grace").workosUserId,
      aud: RESOURCE,
      client_id: client.client_id,
      org_id: acmeId,
      role: "manager",
      scope: "openid profile email offline_access",
    });
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(emulator.store.sessions.get(payload.sid as string)?.userId).toBe(person("grace").workosUserId);
    expect(typeof payload.jti).toBe("string");

    const idToken = await jwtVerify(body.id_token, jwks, { issuer: emulator.url, audience: client.client_id });
    expect(idToken.payload).toMatchObject({
      sub: person("grace").workosUserId,
      email: "grace@acme.test",
      name: "Grace Hopper",
    });
  });

  it("uses the client id as audience without a resource, and accepts JSON bodies", async () => {
    const client = await register();
    const { pkce, code } = await authorize(client, { scope: "openid" });
    const { status, body } = await post("/oauth2/token", {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      client_id: client.client_id,
      code_verifier: pkce.verifier,
    });
    expect(status).toBe(200);
    expect(body.scope).toBe("openid");
    expect(claimsOf(body.access_token)).toMatchObject({ aud: client.client_id, scope: "openid" });
  });

  it("shares the organisation chooser with AuthKit sign-in", async () => {
    const client = await register();
    const { pkce, code } = await authorize(client, { user: "margaret", chooseOrg: globexId, resource: RESOURCE });
    const { body } = await exchange(client, code, pkce.verifier);
    expect(claimsOf(body.access_token)).toMatchObject({
      sub: person("margaret").workosUserId,
      org_id: globexId,
      role: "manager",
    });
  });

  it("shares the TOTP step with AuthKit sign-in", async () => {
    const client = await register();
    const barbara = person("barbara");
    const pkce = createPkcePair();
    const page = await (await fetch(oauthAuthorizeUrl(client, { code_challenge: pkce.challenge }))).text();
    const step = await submitForm(emulator.url, readForm(page), { email: barbara.email, password: DEMO_PASSWORD });
    const mfaPage = await step.text();
    expect(mfaPage).toContain('<label for="code">Authentication code</label>');
    const done = await submitForm(emulator.url, readForm(mfaPage), { code: totp(barbara.totpSecret!) });
    expect(done.status).toBe(302);
    const code = new URL(done.headers.get("location")!).searchParams.get("code")!;
    expect((await exchange(client, code, pkce.verifier)).status).toBe(200);
  });

  it("rejects a wrong code_verifier, and the code is spent after it", async () => {
    const client = await register();
    const { pkce, code } = await authorize(client);
    const wrong = await exchange(client, code, createPkcePair().verifier);
    expect(wrong).toMatchObject({
      status: 400,
      body: { error: "invalid_grant", error_description: expect.stringContaining("code_verifier") },
    });
    expect((await exchange(client, code, pkce.verifier)).body.error).toBe("invalid_grant");
  });

  it("accepts each code once and revokes the first grant when a code is replayed", async () => {
    const client = await register();
    const { pkce, code } = await authorize(client);
    const first = await exchange(client, code, pkce.verifier);
    expect(first.status).toBe(200);
    const replay = await exchange(client, code, pkce.verifier);
    expect(replay).toEqual({
      status: 400,
      headers: expect.anything(),
      body: { error: "invalid_grant", error_description: expect.any(String) },
    });
    expect((await post("/oauth2/introspection", tokenForm({ token: first.body.access_token }))).body).toEqual({
      active: false,
    });
    const refresh = await post(
      "/oauth2/token",
      tokenForm({ grant_type: "refresh_token", refresh_token: first.body.refresh_token, client_id: client.client_id }),
    );
    expect(refresh.body.error).toBe("invalid_grant");
  });

  it("rejects a mismatched redirect_uri, resource or client", async () => {
    const client = await register({ redirect_uris: [REDIRECT_URI, "http://127.0.0.1:6274/second"] });
    const other = await register();
    const a = await authorize(client);
    expect(
      (await exchange(client, a.code, a.pkce.verifier, { redirect_uri: "http://127.0.0.1:6274/second" })).body.error,
    ).toBe("invalid_grant");
    const b = await authorize(client, { resource: RESOURCE });
    expect(
      (await exchange(client, b.code, b.pkce.verifier, { resource: "http://127.0.0.1:3000/other" })).body.error,
    ).toBe("invalid_target");
    const c = await authorize(client);
    expect((await exchange(other, c.code, c.pkce.verifier)).body.error).toBe("invalid_grant");
  });

  it("checks the token request", async () => {
    const client = await register();
    expect(
      (await post("/oauth2/token", tokenForm({ grant_type: "client_credentials", client_id: client.client_id }))).body
        .error,
    ).toBe("unsupported_grant_type");
    expect((await post("/oauth2/token", tokenForm({ client_id: client.client_id }))).body.error).toBe(
      "invalid_request",
    );
    expect(
      (
        await post(
          "/oauth2/token",
          tokenForm({
            grant_type: "authorization_code",
            client_id: client.client_id,
            redirect_uri: REDIRECT_URI,
            code_verifier: "x",
          }),
        )
      ).body.error,
    ).toBe("invalid_request");
    expect(
      (
        await post(
          "/oauth2/token",
          tokenForm({
            grant_type: "authorization_code",
            client_id: "client_unknown",
            code: "x",
            redirect_uri: REDIRECT_URI,
            code_verifier: "x",
          }),
        )
      ).body.error,
    ).toBe("invalid_client");
  });

  it("authenticates confidential clients with client_secret_basic or client_secret_post", async () => {
    const client = await register({ token_endpoint_auth_method: "client_secret_basic" });
    const basic = (secret: string) => ({
      authorization: `Basic ${Buffer.from(`${client.client_id}:${secret}`).toString("base64")}`,
    });
    const a = await authorize(client);
    const fields = {
      grant_type: "authorization_code",
      code: a.code,
      redirect_uri: REDIRECT_URI,
      code_verifier: a.pkce.verifier,
    };
    const refused = await post("/oauth2/token", tokenForm(fields), basic("wrong"));
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe("invalid_client");
    expect(refused.headers.get("www-authenticate")).toContain("Basic");
    const ok = await post("/oauth2/token", tokenForm(fields), basic(client.client_secret!));
    expect(ok.status).toBe(200);
    const noSecret = await post(
      "/oauth2/token",
      tokenForm({ grant_type: "refresh_token", refresh_token: ok.body.refresh_token, client_id: client.client_id }),
    );
    expect(noSecret).toMatchObject({ status: 400, body: { error: "invalid_client" } });
    const posted = await post(
      "/oauth2/token",
      tokenForm({
        grant_type: "refresh_token",
        refresh_token: ok.body.refresh_token,
        client_id: client.client_id,
        client_secret: client.client_secret!,
      }),
    );
    expect(posted.status).toBe(200);
  });
});

describe("refresh, introspection and userinfo", () => {
  it("rotates refresh tokens and rejects the old one", async () => {
    const client = await register();
    const { pkce, code } = await authorize(client, { resource: RESOURCE });
    const first = (await exchange(client, code, pkce.verifier)).body;
    const refreshed = await post(
      "/oauth2/token",
      tokenForm({ grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: client.client_id }),
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 300,
      scope: "openid profile email offline_access",
    });
    expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
    const before = claimsOf(first.access_token);
    const after = claimsOf(refreshed.body.access_token);
    expect(after).toMatchObject({ sid: before.sid, aud: RESOURCE, sub: before.sub, org_id: acmeId });
    expect(after.jti).not.toBe(before.jti);

    const reused = await post(
      "/oauth2/token",
      tokenForm({ grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: client.client_id }),
    );
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const narrowed = await post(
      "/oauth2/token",
      tokenForm({
        grant_type: "refresh_token",
        refresh_token: refreshed.body.refresh_token,
        client_id: client.client_id,
        scope: "openid email",
      }),
    );
    expect(narrowed.body.scope).toBe("openid email");
    const widened = await post(
      "/oauth2/token",
      tokenForm({
        grant_type: "refresh_token",
        refresh_token: narrowed.body.refresh_token,
        client_id: client.client_id,
        scope: "openid profile",
      }),
    );
    expect(widened.body.error).toBe("invalid_scope");
  });

  it("introspects access and refresh tokens", async () => {
    const client = await register();
    const { pkce, code } = await authorize(client, { resource: RESOURCE });
    const tokens = (await exchange(client, code, pkce.verifier)).body;
    const active = await post("/oauth2/introspection", tokenForm({ token: tokens.access_token }));
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({
      active: true,
      token_type: "access_token",
      sub: person("grace").workosUserId,
      client_id: client.client_id,
      exp: expect.any(Number),
      scope: "openid profile email offline_access",
      org_id: acmeId,
      aud: RESOURCE,
    });
    expect((await post("/oauth2/introspection", tokenForm({ token: tokens.refresh_token }))).body).toMatchObject({
      active: true,
      token_type: "refresh_token",
      client_id: client.client_id,
    });
    expect((await post("/oauth2/introspection", tokenForm({ token: "garbage" }))).body).toEqual({ active: false });
    // with the API key, or a client's own credentials
    expect(
      (
        await post("/oauth2/introspection", tokenForm({ token: tokens.access_token }), {
          authorization: `Bearer ${emulator.apiKey}`,
        })
      ).body.active,
    ).toBe(true);
    expect(
      (
        await post("/oauth2/introspection", tokenForm({ token: tokens.access_token }), {
          authorization: "Bearer sk_test_wrong",
        })
      ).status,
    ).toBe(401);
    expect(
      (await post("/oauth2/introspection", tokenForm({ token: tokens.access_token, client_id: client.client_id }))).body
        .active,
    ).toBe(true);
    expect((await post("/oauth2/introspection", tokenForm({}))).body.error).toBe("invalid_request");

    // Ending the session makes both inactive.
    const sid = claimsOf(tokens.access_token).sid as string;
    await fetch(`${emulator.url}/user_management/sessions/revoke`, {
      method: "POST",
      headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ session_id: sid }),
    });
    expect((await post("/oauth2/introspection", tokenForm({ token: tokens.access_token }))).body).toEqual({
      active: false,
    });
    expect((await post("/oauth2/introspection", tokenForm({ token: tokens.refresh_token }))).body).toEqual({
      active: false,
    });
  });

  it("answers userinfo for a Bearer access token", async () => {
    const client = await register();
    const { pkce, code } = await authorize(client);
    const tokens = (await exchange(client, code, pkce.verifier)).body;
    const response = await fetch(`${emulator.url}/oauth2/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sub: person("grace").workosUserId,
      email: "grace@acme.test",
      email_verified: true,
      name: "Grace Hopper",
      given_name: "Grace",
      family_name: "Hopper",
      org_id: acmeId,
    });
    const missing = await fetch(`${emulator.url}/oauth2/userinfo`);
    expect(missing.status).toBe(401);
    const bad = await fetch(`${emulator.url}/oauth2/userinfo`, { headers: { authorization: "Bearer not.a.jwt" } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("stops refreshing when the user leaves the organisation", async () => {
    const client = await register();
    const { pkce, code } = await authorize(client, { user: "ken" });
    const tokens = (await exchange(client, code, pkce.verifier)).body;
    const membership = emulator.store.memberships.all().find((m) => m.userId === person("ken").workosUserId)!;
    await fetch(`${emulator.url}/user_management/organization_memberships/${membership.id}/deactivate`, {
      method: "PUT",
      headers: { authorization: `Bearer ${emulator.apiKey}` },
    });
    const refused = await post(
      "/oauth2/token",
      tokenForm({ grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: client.client_id }),
    );
    expect(refused.body.error).toBe("invalid_grant");
  });
});

describe("separation from /user_management", () => {
  it("keeps AuthKit codes and tokens apart from /oauth2", async () => {
    const client = await register();
    const pkce = createPkcePair();
    const page = await (
      await fetch(
        authorizeUrl(emulator.url, {
          clientId: emulator.clientId,
          redirectUri: REDIRECT_URI,
          state: "s",
          codeChallenge: pkce.challenge,
        }),
      )
    ).text();
    const response = await submitForm(emulator.url, readForm(page), {
      email: person("grace").email,
      password: DEMO_PASSWORD,
    });
    const code = new URL(response.headers.get("location")!).searchParams.get("code")!;
    expect((await exchange(client, code, pkce.verifier)).body.error).toBe("invalid_grant");

    const authkit = await post("/user_management/authenticate", {
      grant_type: "authorization_code",
      client_id: emulator.clientId,
      client_secret: emulator.apiKey,
      code,
      code_verifier: pkce.verifier,
    });
    expect(authkit.status).toBe(200);
    expect((await post("/oauth2/introspection", tokenForm({ token: authkit.body.access_token }))).body).toEqual({
      active: false,
    });
    expect(
      (
        await fetch(`${emulator.url}/oauth2/userinfo`, {
          headers: { authorization: `Bearer ${authkit.body.access_token}` },
        })
      ).status,
    ).toBe(401);
  });
});

describe("control API", () => {
  it("pre-registers fixed clients and forgets every client on reset", async () => {
    const created = await fetch(`${emulator.url}/__emulator/oauth/clients`, {
      method: "POST",
      body: JSON.stringify({ client_id: "client_fixed_e2e", client_name: "E2E", redirect_uris: [REDIRECT_URI] }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ client_id: "client_fixed_e2e", token_endpoint_auth_method: "none" });
    const duplicate = await fetch(`${emulator.url}/__emulator/oauth/clients`, {
      method: "POST",
      body: JSON.stringify({ client_id: "client_fixed_e2e", redirect_uris: [REDIRECT_URI] }),
    });
    expect(duplicate.status).toBe(409);
    const { pkce, code } = await authorize({ client_id: "client_fixed_e2e", redirect_uris: [REDIRECT_URI] });

    await fetch(`${emulator.url}/__emulator/reset`, { method: "POST", body: "{}" });
    expect((await (await fetch(`${emulator.url}/__emulator/oauth/clients`)).json()).clients).toEqual([]);
    const page = await fetch(
      oauthAuthorizeUrl(
        { client_id: "client_fixed_e2e", redirect_uris: [REDIRECT_URI] },
        { code_challenge: pkce.challenge },
      ),
    );
    expect(page.status).toBe(400);
    expect(
      (await exchange({ client_id: "client_fixed_e2e", redirect_uris: [REDIRECT_URI] }, code, pkce.verifier)).body
        .error,
    ).toBe("invalid_client");
  });
});
