import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { buildWorld } from "@/emulators/seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator, totp } from "@/emulators/workos";
import { createPkcePair, readForm, submitForm } from "@/emulators/workos/test-support";
import * as auth from "./auth";
import * as mfa from "@/app/(auth)/mfa/actions";
import { db } from "@/lib/db/client";

/**
 * The OAuth way into /api/mcp against the session record: tokens come from
 * the WorkOS emulator's AuthKit authorization server (code + PKCE, as an MCP
 * client gets them), and each carries the `sid` of the session AuthKit started
 * for the grant. Only the browser session of the /mfa page is swapped in.
 */
const browser = vi.hoisted(() => ({
  user: null as null | { id: string; email: string },
  sessionId: "",
  organizationId: undefined as string | undefined,
}));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => ({ user: browser.user, sessionId: browser.sessionId, organizationId: browser.organizationId }),
  switchToOrganization: async () => undefined,
  signOut: async () => undefined,
}));

const PUBLIC_URL = "http://127.0.0.1:3999";
const REDIRECT_URI = "http://127.0.0.1:6274/oauth/callback";
const world = buildWorld();
const person = (key: string) => world.people.find((p) => p.key === key)!;
const acme = world.orgs.find((o) => o.slug === "acme")!;

describe("MCP OAuth tokens and the session behind them", () => {
  let workos: RunningWorkosEmulator;

  /** An access token for Bosun's MCP endpoint, through the hosted sign-in as a browser-based MCP client does it. */
  const oauthToken = async (user: string): Promise<{ token: string; sid: string }> => {
    const registered = await fetch(`${workos.url}/oauth2/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: "Auth test agent", redirect_uris: [REDIRECT_URI] }),
    });
    const { client_id: clientId } = (await registered.json()) as { client_id: string };
    const pkce = createPkcePair();
    const resource = `${PUBLIC_URL}/api/mcp`;
    const authorize = new URL("/oauth2/authorize", workos.url);
    authorize.search = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      code_challenge: pkce.challenge,
      code_challenge_method: "S256",
      state: "s",
      resource,
    }).toString();
    const page = await fetch(authorize, { redirect: "manual" });
    const signedIn = await submitForm(workos.url, readForm(await page.text()), {
      email: person(user).email,
      password: DEMO_PASSWORD,
    });
    const code = new URL(signedIn.headers.get("location")!).searchParams.get("code")!;
    const response = await fetch(`${workos.url}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        client_id: clientId,
        code_verifier: pkce.verifier,
        resource,
      }).toString(),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    return { token, sid: decodeJwt(token).sid as string };
  };
  const authenticate = (token: string) => auth.authenticateMcpRequest(`Bearer ${token}`, "req-auth-test");
  const setAcme = (data: { requireMfa?: boolean; sessionIdleTimeoutMinutes?: number | null }) =>
    db.organization.update({ where: { slug: "acme" }, data });

  useSeededDatabase({ label: "mcpauth" });
  beforeAll(async () => {
    workos = await startWorkosEmulator({ port: 0 });
    setTestEnv({ BOSUN_PUBLIC_URL: PUBLIC_URL, WORKOS_API_PORT: String(workos.port) });
  });
  afterAll(async () => {
    restoreTestEnv();
    await workos.close();
  });

  it("finding 2 (MFA): refuses with 401 invalid_token a token whose session was revoked in Bosun", async () => {
    const { token } = await oauthToken("ken");
    expect(await authenticate(token)).toMatchObject({ ok: true });
    // "Sign out on every device", deprovisioning and removal revoke every session record of the user.
    await db.userSession.updateMany({ where: { user: { email: "ken@acme.test" } }, data: { revokedAt: new Date() } });
    const refused = await authenticate(token);
    expect(refused).toMatchObject({
      ok: false,
      status: 401,
      error: "invalid_token",
      description: expect.stringMatching(/revoked/),
    });
    expect(refused.ok || refused.challenge).toContain('error="invalid_token"');
  });

  it("finding 2 (MFA): refuses with 401 invalid_token a token whose session sat idle longer than the org allows, and ends it", async () => {
    await setAcme({ sessionIdleTimeoutMinutes: 30 });
    try {
      const { token, sid } = await oauthToken("linus");
      expect(await authenticate(token)).toMatchObject({ ok: true });
      await db.userSession.update({
        where: { workosSessionId: sid },
        data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
      });
      expect(await authenticate(token)).toMatchObject({
        ok: false,
        status: 401,
        error: "invalid_token",
        description: expect.stringMatching(/inactiv/),
      });
      expect((await db.userSession.findUniqueOrThrow({ where: { workosSessionId: sid } })).revokedAt).not.toBeNull();
    } finally {
      await setAcme({ sessionIdleTimeoutMinutes: null });
    }
  });

  it("finding 2 (MFA): in an org that requires MFA, an unverified OAuth session gets 401 insufficient_user_authentication until its user verifies it in Bosun", async () => {
    await setAcme({ requireMfa: true });
    try {
      const { token, sid } = await oauthToken("grace");
      const refused = await authenticate(token);
      if (refused.ok) throw new Error("an unverified OAuth session was let in");
      expect(refused).toMatchObject({ status: 401, error: "insufficient_user_authentication" });
      const verifyUrl = `${PUBLIC_URL}/mfa?org=acme&connection=${encodeURIComponent(sid)}`;
      expect(refused.description).toContain(verifyUrl);
      expect(refused.challenge).toMatch(/^Bearer /);
      expect(refused.challenge).toContain('error="insufficient_user_authentication"');
      expect(refused.challenge).toContain(`error_description="`);
      expect(refused.challenge).toContain(`resource_metadata="${PUBLIC_URL}/.well-known/oauth-protected-resource"`);

      // Someone else's browser cannot verify grace's connection.
      browser.user = { id: person("linus").workosUserId, email: person("linus").email };
      browser.sessionId = "session_linus_browser";
      browser.organizationId = acme.workosOrgId;
      expect(await mfa.verifyMfaCodeAction({ orgSlug: "acme", code: "123456", connectionId: sid })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/ended or is not yours/),
      });
      expect(await authenticate(token)).toMatchObject({ ok: false, error: "insufficient_user_authentication" });

      // Grace, signed in to Bosun in her browser, enters a code for it.
      const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
      await fetch(`${workos.url}/user_management/users/${person("grace").workosUserId}/auth_factors`, {
        method: "POST",
        headers: { authorization: `Bearer ${workos.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ type: "totp", totp_secret: secret }),
      });
      browser.user = { id: person("grace").workosUserId, email: person("grace").email };
      browser.sessionId = "session_grace_browser";
      expect(await mfa.verifyMfaCodeAction({ orgSlug: "acme", code: totp(secret), connectionId: sid })).toEqual({
        ok: true,
        data: { message: expect.stringMatching(/MCP client/) },
      });
      expect(await authenticate(token)).toMatchObject({ ok: true, ctx: { via: { kind: "oauth", sessionId: sid } } });
    } finally {
      await setAcme({ requireMfa: false });
    }
  });
});
