import { readFileSync } from "node:fs";
import { WorkOS } from "@workos-inc/node";
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSpecValidator } from "../conformance/validator";
import type { OpenApiSpec } from "../conformance/trim-spec";
import { buildWorld } from "../seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator, totp } from "./index";
import { authorizeUrl, createPkcePair, readForm, submitForm } from "./test-support";

const validator = createSpecValidator(
  JSON.parse(readFileSync(new URL("./spec/workos.trimmed.json", import.meta.url), "utf8")) as OpenApiSpec,
);
const world = buildWorld();
const person = (key: string) => world.people.find((p) => p.key === key)!;
const acmeId = world.orgs[0]!.workosOrgId;
const globexId = world.orgs[1]!.workosOrgId;
const REDIRECT_URI = "http://127.0.0.1:3000/callback";

let emulator: RunningWorkosEmulator;
beforeAll(async () => {
  emulator = await startWorkosEmulator({ port: 0 });
});
afterAll(() => emulator.close());

async function openSignIn(options: { state?: string; organizationId?: string } = {}) {
  const pkce = createPkcePair();
  const response = await fetch(
    authorizeUrl(emulator.url, {
      clientId: emulator.clientId,
      redirectUri: REDIRECT_URI,
      state: options.state ?? "state-1",
      codeChallenge: pkce.challenge,
      organizationId: options.organizationId,
    }),
  );
  return { pkce, response, html: await response.text() };
}

async function submit(html: string, values: Record<string, string>) {
  const response = await submitForm(emulator.url, readForm(html), values);
  return { response, html: await response.text() };
}

function codeFrom(response: Response) {
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!).searchParams.get("code")!;
}

async function authenticate(body: Record<string, unknown>) {
  const response = await fetch(`${emulator.url}/user_management/authenticate`, {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ client_id: emulator.clientId, client_secret: emulator.apiKey, ...body }),
  });
  const json = await response.json();
  expect(
    validator.validateResponse({
      method: "POST",
      path: "/user_management/authenticate",
      status: response.status,
      body: json,
    }),
  ).toEqual([]);
  return { status: response.status, body: json };
}

async function signIn(key: string, organizationId?: string) {
  const { pkce, html } = await openSignIn({ organizationId });
  const { response } = await submit(html, { email: person(key).email, password: "bosun-demo" });
  const { body } = await authenticate({
    grant_type: "authorization_code",
    code: codeFrom(response),
    code_verifier: pkce.verifier,
  });
  return body;
}

describe("hosted sign-in and the AuthKit token flow", () => {
  it("signs in, verifies the JWT against the JWKS, rotates refresh tokens and signs out", async () => {
    const { pkce, response: page, html } = await openSignIn({ state: "sealed~state*with=chars" });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);
    expect(html).not.toMatch(/<(script|link)\b/);

    const { response: redirect } = await submit(html, { email: person("ada").email, password: "bosun-demo" });
    const location = new URL(redirect.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("sealed~state*with=chars");

    const { status, body } = await authenticate({
      grant_type: "authorization_code",
      code: location.searchParams.get("code"),
      code_verifier: pkce.verifier,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      user: { id: person("ada").workosUserId, email: "ada@acme.test" },
      organization_id: acmeId,
      authentication_method: "Password",
    });

    const jwks = createRemoteJWKSet(new URL(`${emulator.url}/sso/jwks/${emulator.clientId}`));
    const { payload } = await jwtVerify(body.access_token, jwks);
    expect(decodeProtectedHeader(body.access_token)).toMatchObject({ alg: "RS256", kid: emulator.signingKey.kid });
    expect(payload).toMatchObject({
      sub: person("ada").workosUserId,
      org_id: acmeId,
      role: "admin",
      roles: ["admin"],
      iss: `${emulator.url}/user_management/${emulator.clientId}`,
    });
    expect(payload.permissions).toEqual(expect.arrayContaining(["members:manage", "sprints:read"]));
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(typeof payload.sid).toBe("string");
    expect(typeof payload.jti).toBe("string");

    const refreshed = await authenticate({
      grant_type: "refresh_token",
      refresh_token: body.refresh_token,
      organization_id: acmeId,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(body.refresh_token);
    expect((await jwtVerify(refreshed.body.access_token, jwks)).payload.sid).toBe(payload.sid);

    const reused = await authenticate({ grant_type: "refresh_token", refresh_token: body.refresh_token });
    expect(reused).toEqual({ status: 400, body: { error: "invalid_grant", error_description: expect.any(String) } });

    const logout = await fetch(
      `${emulator.url}/user_management/sessions/logout?session_id=${payload.sid}&return_to=${encodeURIComponent("http://127.0.0.1:3000/signed-out")}`,
      { redirect: "manual" },
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get("location")).toBe("http://127.0.0.1:3000/signed-out");
    const afterLogout = await authenticate({
      grant_type: "refresh_token",
      refresh_token: refreshed.body.refresh_token,
    });
    expect(afterLogout.body.error).toBe("invalid_grant");
    expect(emulator.store.sessions.get(payload.sid as string)?.status).toBe("revoked");
  });

  it("re-renders the form with an error on a bad password", async () => {
    const { html } = await openSignIn();
    const { response, html: again } = await submit(html, { email: "ada@acme.test", password: "wrong" });
    expect(response.status).toBe(401);
    expect(again).toContain('role="alert"');
    expect(again).toContain("Incorrect email or password.");
    expect(again).toContain('value="ada@acme.test"');
    const retry = await submit(again, { email: "ada@acme.test", password: "bosun-demo" });
    expect(retry.response.status).toBe(302);
  });

  it("asks a user in several organisations to choose one", async () => {
    const { pkce, html } = await openSignIn();
    const chooser = await submit(html, { email: person("margaret").email, password: "bosun-demo" });
    expect(chooser.response.status).toBe(200);
    expect(chooser.html).toMatch(/<input type="radio"[^>]*>\s*<label for="org-\d">Acme Maritime<\/label>/);
    expect(chooser.html).toContain(">Globex Shipping</label>");
    expect(chooser.html).toContain(">Continue</button>");
    const { response } = await submit(chooser.html, { organization_id: globexId });
    const { body } = await authenticate({
      grant_type: "authorization_code",
      code: codeFrom(response),
      code_verifier: pkce.verifier,
    });
    expect(body.organization_id).toBe(globexId);
    const claims = JSON.parse(Buffer.from(body.access_token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ org_id: globexId, role: "manager" });
  });

  it("skips the chooser when organization_id is given, and refuses non-members", async () => {
    const { html } = await openSignIn({ organizationId: globexId });
    const direct = await submit(html, { email: person("margaret").email, password: "bosun-demo" });
    expect(direct.response.status).toBe(302);
    const { html: again } = await openSignIn({ organizationId: globexId });
    const refused = await submit(again, { email: person("ada").email, password: "bosun-demo" });
    expect(refused.response.status).toBe(403);
    expect(refused.html).toContain("not a member");
  });

  it("requires a TOTP code from users with an authenticator", async () => {
    const barbara = person("barbara");
    const { pkce, html } = await openSignIn();
    const step = await submit(html, { email: barbara.email, password: "bosun-demo" });
    expect(step.html).toContain('<label for="code">Authentication code</label>');
    expect(step.html).toContain(">Verify</button>");
    const wrongCode = String((Number(totp(barbara.totpSecret!)) + 500_000) % 1_000_000).padStart(6, "0");
    const wrong = await submit(step.html, { code: wrongCode });
    expect(wrong.response.status).toBe(401);
    expect(wrong.html).toContain("That code is incorrect");
    const right = await submit(wrong.html, { code: totp(barbara.totpSecret!) });
    const { body } = await authenticate({
      grant_type: "authorization_code",
      code: codeFrom(right.response),
      code_verifier: pkce.verifier,
    });
    expect(body.user.email).toBe(barbara.email);
  });

  it("asks for a code once a factor is enrolled through the API, and stops after it is deleted", async () => {
    const donald = person("donald");
    const workos = new WorkOS(emulator.apiKey, { apiHostname: "127.0.0.1", https: false, port: emulator.port });
    const before = await openSignIn();
    expect((await submit(before.html, { email: donald.email, password: "bosun-demo" })).response.status).toBe(302);

    const { authenticationFactor: factor } = await workos.multiFactorAuth.createUserAuthFactor({
      userId: donald.workosUserId,
      type: "totp",
    });
    const { pkce, html } = await openSignIn();
    const step = await submit(html, { email: donald.email, password: "bosun-demo" });
    expect(step.response.status).toBe(200);
    expect(step.html).toContain('<label for="code">Authentication code</label>');
    const right = await submit(step.html, { code: totp(factor.totp.secret) });
    const { body } = await authenticate({
      grant_type: "authorization_code",
      code: codeFrom(right.response),
      code_verifier: pkce.verifier,
    });
    expect(body.user.email).toBe(donald.email);

    await workos.multiFactorAuth.deleteFactor(factor.id);
    const after = await openSignIn();
    expect((await submit(after.html, { email: donald.email, password: "bosun-demo" })).response.status).toBe(302);
  });

  it("checks PKCE and accepts each code once", async () => {
    const { pkce, html } = await openSignIn();
    const { response } = await submit(html, { email: person("linus").email, password: "bosun-demo" });
    const code = codeFrom(response);
    const mismatch = await authenticate({
      grant_type: "authorization_code",
      code,
      code_verifier: createPkcePair().verifier,
    });
    expect(mismatch.body.error).toBe("invalid_grant");
    const reused = await authenticate({ grant_type: "authorization_code", code, code_verifier: pkce.verifier });
    expect(reused.body.error).toBe("invalid_grant");
    const badSecret = await authenticate({
      grant_type: "authorization_code",
      code,
      code_verifier: pkce.verifier,
      client_secret: "sk_test_wrong",
    });
    expect(badSecret.body.error).toBe("invalid_client");
  });

  it("switches organisation on refresh only for members", async () => {
    const margaret = await signIn("margaret", acmeId);
    const switched = await authenticate({
      grant_type: "refresh_token",
      refresh_token: margaret.refresh_token,
      organization_id: globexId,
    });
    expect(switched.body.organization_id).toBe(globexId);
    // AuthKit reads the org from the access token (withAuth's organizationId), so the claim must follow the switch.
    expect(decodeJwt(switched.body.access_token)).toMatchObject({ org_id: globexId, role: "manager" });
    const ada = await signIn("ada");
    const refused = await authenticate({
      grant_type: "refresh_token",
      refresh_token: ada.refresh_token,
      organization_id: globexId,
    });
    expect(refused).toEqual({
      status: 400,
      body: { error: "organization_membership_not_found", error_description: expect.any(String) },
    });
    const stillValid = await authenticate({ grant_type: "refresh_token", refresh_token: ada.refresh_token });
    expect(stillValid.status).toBe(200);
  });

  it("issues short-lived tokens after the lifetime is shortened", async () => {
    const put = await fetch(`${emulator.url}/__emulator/tokens`, {
      method: "PUT",
      body: JSON.stringify({ accessTokenTtlSeconds: 20 }),
    });
    expect(put.status).toBe(200);
    const body = await signIn("grace");
    const claims = JSON.parse(Buffer.from(body.access_token.split(".")[1], "base64url").toString());
    expect(claims.exp - claims.iat).toBe(20);
    expect(claims).toMatchObject({ role: "manager" });
    await fetch(`${emulator.url}/__emulator/tokens`, {
      method: "PUT",
      body: JSON.stringify({ accessTokenTtlSeconds: 300 }),
    });
  });

  it("ends refresh for revoked sessions and for removed members", async () => {
    const linus = await signIn("linus");
    const sid = JSON.parse(Buffer.from(linus.access_token.split(".")[1], "base64url").toString()).sid;
    const revoke = await fetch(`${emulator.url}/user_management/sessions/revoke`, {
      method: "POST",
      headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ session_id: sid }),
    });
    expect(revoke.status).toBe(200);
    expect((await authenticate({ grant_type: "refresh_token", refresh_token: linus.refresh_token })).body.error).toBe(
      "invalid_grant",
    );

    const ken = await signIn("ken");
    const membership = emulator.store.memberships.all().find((m) => m.userId === person("ken").workosUserId)!;
    await fetch(`${emulator.url}/user_management/organization_memberships/${membership.id}/deactivate`, {
      method: "PUT",
      headers: { authorization: `Bearer ${emulator.apiKey}` },
    });
    const refused = await authenticate({ grant_type: "refresh_token", refresh_token: ken.refresh_token });
    expect(refused.body.error).toBe("organization_membership_not_found");
  });

  it("rejects malformed authorize requests with an error page", async () => {
    const good = new URL(
      authorizeUrl(emulator.url, {
        clientId: emulator.clientId,
        redirectUri: REDIRECT_URI,
        state: "s",
        codeChallenge: createPkcePair().challenge,
      }),
    );
    for (const [key, value] of [
      ["client_id", "client_other"],
      ["response_type", "token"],
      ["code_challenge_method", "plain"],
      ["redirect_uri", "javascript:alert(1)"],
      ["provider", "GoogleOAuth"],
    ]) {
      const url = new URL(good);
      url.searchParams.set(key as string, value as string);
      const response = await fetch(url);
      expect(response.status, key).toBe(400);
      expect(await response.text()).toContain("Invalid sign-in request");
    }
  });
});
