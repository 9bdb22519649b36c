import { readFileSync } from "node:fs";
import { WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSpecValidator } from "../conformance/validator";
import type { OpenApiSpec } from "../conformance/trim-spec";
import { buildWorld } from "../seed/world";
import { type RunningWorkosEmulator, startWorkosEmulator } from "./index";
import { qrCodeSvgDataUri } from "./qr/svg";
import { authorizeUrl, createPkcePair, readForm, submitForm } from "./test-support";
import { totp } from "./totp";

const spec = JSON.parse(readFileSync(new URL("./spec/workos.trimmed.json", import.meta.url), "utf8")) as OpenApiSpec;
const validator = createSpecValidator(spec);
const world = buildWorld();
const acme = world.orgs.find((o) => o.slug === "acme")!;
const globex = world.orgs.find((o) => o.slug === "globex")!;
const ada = world.people.find((p) => p.key === "ada")!;
const alan = world.people.find((p) => p.key === "alan")!;
const person = (key: string) => world.people.find((p) => p.key === key)!;
/** A well-formed code that is not the current one (nor within a step of it). */
const wrongCode = (secret: string) => String((Number(totp(secret)) + 500_000) % 1_000_000).padStart(6, "0");

let emulator: RunningWorkosEmulator;
let workos: WorkOS;

beforeAll(async () => {
  emulator = await startWorkosEmulator({ port: 0 });
  workos = new WorkOS(emulator.apiKey, {
    apiHostname: "127.0.0.1",
    https: false,
    port: emulator.port,
    clientId: emulator.clientId,
  });
});
afterAll(() => emulator.close());

/** Fetches raw, validates the body against the trimmed official spec, returns the body. */
async function conforms(
  method: string,
  specPath: string,
  path: string,
  init: { body?: unknown; auth?: boolean; status?: number } = {},
) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      ...(init.auth === false ? {} : { authorization: `Bearer ${emulator.apiKey}` }),
      "content-type": "application/json",
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  expect(response.status, text).toBe(init.status ?? 200);
  expect(validator.validateResponse({ method, path: specPath, status: response.status, body })).toEqual([]);
  return body;
}

describe("user management through @workos-inc/node", () => {
  it("lists and gets users, filtered by email and organisation", async () => {
    const all = await workos.userManagement.listUsers({ limit: 100 });
    expect(all.data.map((u) => u.email).sort()).toEqual(world.people.map((p) => p.email).sort());
    const byEmail = await workos.userManagement.listUsers({ email: ada.email });
    expect(byEmail.data).toHaveLength(1);
    expect(byEmail.data[0]).toMatchObject({
      id: ada.workosUserId,
      firstName: "Ada",
      lastName: "Lovelace",
      emailVerified: true,
    });
    const globexUsers = await workos.userManagement.listUsers({ organizationId: globex.workosOrgId, limit: 100 });
    expect(globexUsers.data.map((u) => u.email).sort()).toEqual(globex.people.map((p) => p.email).sort());
    const user = await workos.userManagement.getUser(ada.workosUserId);
    expect(user.email).toBe(ada.email);
  });

  it("auto-paginates with limit=100 and after cursors", async () => {
    const page = await workos.userManagement.listUsers({ organizationId: acme.workosOrgId, limit: 3 });
    expect(page.data).toHaveLength(3);
    expect(page.listMetadata.after).toBe(page.data[2]!.id);
    const everyone = await (
      await workos.userManagement.listUsers({ organizationId: acme.workosOrgId })
    ).autoPagination();
    expect(everyone.map((u) => u.email).sort()).toEqual(acme.people.map((p) => p.email).sort());
  });

  it("lists, creates, updates and deletes organisation memberships", async () => {
    const margaret = world.people.find((p) => p.key === "margaret")!;
    const memberships = await workos.userManagement.listOrganizationMemberships({ userId: margaret.workosUserId });
    expect(memberships.data.map((m) => [m.organizationName, m.role.slug]).sort()).toEqual([
      ["Acme Maritime", "member"],
      ["Globex Shipping", "manager"],
    ]);

    const created = await workos.userManagement.createOrganizationMembership({
      userId: alan.workosUserId,
      organizationId: acme.workosOrgId,
      roleSlug: "manager",
    });
    expect(created).toMatchObject({
      userId: alan.workosUserId,
      organizationId: acme.workosOrgId,
      status: "active",
      role: { slug: "manager" },
    });
    const updated = await workos.userManagement.updateOrganizationMembership(created.id, { roleSlug: "admin" });
    expect(updated.role.slug).toBe("admin");
    const acmeMembers = await workos.userManagement.listOrganizationMemberships({
      organizationId: acme.workosOrgId,
      limit: 100,
    });
    expect(acmeMembers.data.find((m) => m.userId === alan.workosUserId)?.role.slug).toBe("admin");
    await workos.userManagement.deleteOrganizationMembership(created.id);
    await expect(workos.userManagement.getOrganizationMembership(created.id)).rejects.toMatchObject({ status: 404 });
  });

  it("lists organisations and gets one", async () => {
    const orgs = await workos.organizations.listOrganizations();
    expect(orgs.data.map((o) => o.name).sort()).toEqual(["Acme Maritime", "Globex Shipping"]);
    const org = await workos.organizations.getOrganization(acme.workosOrgId);
    expect(org).toMatchObject({
      id: acme.workosOrgId,
      name: "Acme Maritime",
      domains: [expect.objectContaining({ domain: "acme.test", state: "verified" })],
    });
    const roles = await workos.authorization.listOrganizationRoles(acme.workosOrgId);
    expect(roles.data.map((r) => r.slug).sort()).toEqual(["admin", "manager", "member"]);
  });

  it("lists events filtered by type and organisation", async () => {
    const events = await workos.events.listEvents({ events: ["dsync.activated"], organizationId: acme.workosOrgId });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]).toMatchObject({
      event: "dsync.activated",
      data: expect.objectContaining({ name: "Acme Maritime Okta" }),
    });
  });

  it("lists directories, directory users and groups", async () => {
    const directories = await workos.directorySync.listDirectories({ organizationId: acme.workosOrgId });
    expect(directories.data).toHaveLength(1);
    const directory = directories.data[0]!;
    const users = await (await workos.directorySync.listUsers({ directory: directory.id })).autoPagination();
    expect(users.map((u) => u.email).sort()).toEqual(
      acme.people
        .filter((p) => p.email.endsWith("@acme.test"))
        .map((p) => p.email)
        .sort(),
    );
    expect(users.every((u) => u.state === "active" && u.groups.some((g) => g.name === "Engineering"))).toBe(true);
    const groups = await workos.directorySync.listGroups({ directory: directory.id });
    expect(groups.data.map((g) => g.name)).toContain("Platform");
    expect((await workos.directorySync.getDirectory(directory.id)).name).toBe("Acme Maritime Okta");
  });

  it("accepts audit-log events", async () => {
    await workos.auditLogs.createEvent(acme.workosOrgId, {
      action: "sprint.planned",
      occurredAt: new Date(),
      actor: { id: ada.workosUserId, type: "user", name: "Ada Lovelace" },
      targets: [{ id: "ACME-12", type: "issue" }],
      context: { location: "10.0.0.1", userAgent: "vitest" },
    });
    expect(emulator.store.auditLogEvents.all().at(-1)?.event).toMatchObject({ action: "sprint.planned" });
  });

  it("gives the JWKS URL the emulator serves", async () => {
    const jwks = await (await fetch(workos.userManagement.getJwksUrl(emulator.clientId))).json();
    expect(jwks.keys[0]).toMatchObject({ kid: emulator.signingKey.kid, alg: "RS256", kty: "RSA", use: "sig" });
  });
});

describe("authentication through @workos-inc/node", () => {
  it("exchanges a PKCE code and rotates the refresh token", async () => {
    const pkce = createPkcePair();
    const redirectUri = "http://127.0.0.1:3000/callback";
    const page = await fetch(
      authorizeUrl(emulator.url, {
        clientId: emulator.clientId,
        redirectUri,
        state: "s1",
        codeChallenge: pkce.challenge,
      }),
    );
    const redirect = await submitForm(emulator.url, readForm(await page.text()), {
      email: ada.email,
      password: ada.password,
    });
    const code = new URL(redirect.headers.get("location")!).searchParams.get("code")!;

    const auth = await workos.userManagement.authenticateWithCode({
      clientId: emulator.clientId,
      code,
      codeVerifier: pkce.verifier,
    });
    expect(auth.user.id).toBe(ada.workosUserId);
    expect(auth.organizationId).toBe(acme.workosOrgId);
    expect(auth.authenticationMethod).toBe("Password");
    const refreshed = await workos.userManagement.authenticateWithRefreshToken({
      clientId: emulator.clientId,
      refreshToken: auth.refreshToken,
    });
    expect(refreshed.refreshToken).not.toBe(auth.refreshToken);
    await expect(
      workos.userManagement.authenticateWithRefreshToken({
        clientId: emulator.clientId,
        refreshToken: auth.refreshToken,
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe("sessions through @workos-inc/node", () => {
  it("lists a user's sessions and revokes one", async () => {
    const hedy = person("hedy");
    const pkce = createPkcePair();
    const page = await fetch(
      authorizeUrl(emulator.url, {
        clientId: emulator.clientId,
        redirectUri: "http://127.0.0.1:3000/callback",
        state: "s3",
        codeChallenge: pkce.challenge,
      }),
    );
    const redirect = await submitForm(emulator.url, readForm(await page.text()), {
      email: hedy.email,
      password: hedy.password,
    });
    const code = new URL(redirect.headers.get("location")!).searchParams.get("code")!;
    const auth = await workos.userManagement.authenticateWithCode({
      clientId: emulator.clientId,
      code,
      codeVerifier: pkce.verifier,
    });

    const sessions = await workos.userManagement.listSessions(hedy.workosUserId);
    expect(sessions.data).toHaveLength(1);
    const session = sessions.data[0]!;
    expect(session).toMatchObject({
      object: "session",
      userId: hedy.workosUserId,
      organizationId: globex.workosOrgId,
      status: "active",
      authMethod: "password",
    });
    await workos.userManagement.revokeSession({ sessionId: session.id });
    expect((await workos.userManagement.listSessions(hedy.workosUserId)).data[0]).toMatchObject({
      id: session.id,
      status: "revoked",
      endedAt: expect.any(String),
    });
    await expect(
      workos.userManagement.authenticateWithRefreshToken({
        clientId: emulator.clientId,
        refreshToken: auth.refreshToken,
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(workos.userManagement.revokeSession({ sessionId: "session_missing" })).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe("multi-factor authentication through @workos-inc/node", () => {
  it("enrols a TOTP factor, lists it and verifies challenges once", async () => {
    const radia = person("radia");
    const { authenticationFactor: factor, authenticationChallenge: enrolChallenge } =
      await workos.multiFactorAuth.createUserAuthFactor({ userId: radia.workosUserId, type: "totp" });
    expect(factor).toMatchObject({
      object: "authentication_factor",
      type: "totp",
      userId: radia.workosUserId,
      totp: { issuer: "Bosun", user: radia.email },
    });
    const { secret, uri, qrCode } = factor.totp;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(`otpauth://totp/Bosun:${encodeURIComponent(radia.email)}?secret=${secret}&issuer=Bosun`);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+={0,2}$/);
    expect(qrCode).toBe(qrCodeSvgDataUri(uri));
    expect(enrolChallenge).toMatchObject({
      object: "authentication_challenge",
      authenticationFactorId: factor.id,
      expiresAt: expect.any(String),
    });

    const listed = await workos.multiFactorAuth.listUserAuthFactors({ userId: radia.workosUserId });
    expect(listed.data).toEqual([
      expect.objectContaining({
        id: factor.id,
        userId: radia.workosUserId,
        totp: { issuer: "Bosun", user: radia.email },
      }),
    ]);
    expect(await workos.multiFactorAuth.getFactor(factor.id)).toMatchObject({
      id: factor.id,
      type: "totp",
      totp: { issuer: "Bosun", user: radia.email },
    });

    const challenge = await workos.multiFactorAuth.challengeFactor({ authenticationFactorId: factor.id });
    expect(challenge).toMatchObject({ object: "authentication_challenge", authenticationFactorId: factor.id });
    expect(challenge.id).not.toBe(enrolChallenge.id);
    const wrong = await workos.multiFactorAuth.verifyChallenge({
      authenticationChallengeId: challenge.id,
      code: wrongCode(secret),
    });
    expect(wrong).toMatchObject({ valid: false, challenge: { id: challenge.id } });
    const right = await workos.multiFactorAuth.verifyChallenge({
      authenticationChallengeId: challenge.id,
      code: totp(secret),
    });
    expect(right).toMatchObject({ valid: true, challenge: { id: challenge.id, authenticationFactorId: factor.id } });
    await expect(
      workos.multiFactorAuth.verifyChallenge({ authenticationChallengeId: challenge.id, code: totp(secret) }),
    ).rejects.toMatchObject({ status: 422 });
    expect(
      await workos.multiFactorAuth.verifyChallenge({
        authenticationChallengeId: enrolChallenge.id,
        code: totp(secret, Date.now() - 30_000),
      }),
    ).toMatchObject({ valid: true });
  });

  it("takes a given secret, refuses expired challenges and deletes factors", async () => {
    const frances = person("frances");
    const secret = "JBSWY3DPEHPK3PXP";
    const { authenticationFactor: factor } = await workos.multiFactorAuth.createUserAuthFactor({
      userId: frances.workosUserId,
      type: "totp",
      totpIssuer: "Bosun QA",
      totpUser: "frances",
      totpSecret: secret,
    });
    expect(factor.totp).toMatchObject({
      issuer: "Bosun QA",
      user: "frances",
      secret,
      uri: `otpauth://totp/Bosun%20QA:frances?secret=${secret}&issuer=Bosun%20QA`,
    });
    const challenge = await workos.multiFactorAuth.challengeFactor({ authenticationFactorId: factor.id });
    emulator.store.authChallenges.get(challenge.id)!.expiresAt = new Date(Date.now() - 1000).toISOString();
    await expect(
      workos.multiFactorAuth.verifyChallenge({ authenticationChallengeId: challenge.id, code: totp(secret) }),
    ).rejects.toMatchObject({ status: 422 });

    await workos.multiFactorAuth.deleteFactor(factor.id);
    await expect(workos.multiFactorAuth.getFactor(factor.id)).rejects.toMatchObject({ status: 404 });
    expect((await workos.multiFactorAuth.listUserAuthFactors({ userId: frances.workosUserId })).data).toEqual([]);
    await expect(workos.multiFactorAuth.challengeFactor({ authenticationFactorId: factor.id })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("sealed sessions through @workos-inc/node (the path AuthKit takes)", () => {
  it("authenticates the sealed cookie against the JWKS, refreshes it and builds the logout URL", async () => {
    const cookiePassword = "a-cookie-password-of-at-least-32-characters";
    const pkce = createPkcePair();
    const page = await fetch(
      authorizeUrl(emulator.url, {
        clientId: emulator.clientId,
        redirectUri: "http://127.0.0.1:3000/callback",
        state: "s2",
        codeChallenge: pkce.challenge,
      }),
    );
    const redirect = await submitForm(emulator.url, readForm(await page.text()), {
      email: ada.email,
      password: ada.password,
    });
    const code = new URL(redirect.headers.get("location")!).searchParams.get("code")!;
    const auth = await workos.userManagement.authenticateWithCode({
      clientId: emulator.clientId,
      code,
      codeVerifier: pkce.verifier,
      session: { sealSession: true, cookiePassword },
    });
    const session = workos.userManagement.loadSealedSession({ sessionData: auth.sealedSession!, cookiePassword });
    const result = await session.authenticate();
    expect(result).toMatchObject({
      authenticated: true,
      organizationId: acme.workosOrgId,
      role: "admin",
      user: { id: ada.workosUserId },
    });
    const refreshed = await session.refresh();
    expect(refreshed).toMatchObject({ authenticated: true, user: { id: ada.workosUserId } });
    const logoutUrl = new URL(await session.getLogoutUrl({ returnTo: "http://127.0.0.1:3000/" }));
    expect(logoutUrl.pathname).toBe("/user_management/sessions/logout");
    const logout = await fetch(logoutUrl, { redirect: "manual" });
    expect(logout.headers.get("location")).toBe("http://127.0.0.1:3000/");
  });
});

describe("raw responses match the official spec", () => {
  it("users, memberships, organisations, roles and auth factors", async () => {
    const barbara = world.people.find((p) => p.key === "barbara")!;
    await conforms("GET", "/user_management/users", "/user_management/users?limit=5&order=asc");
    await conforms("GET", "/user_management/users/{id}", `/user_management/users/${ada.workosUserId}`);
    await conforms("GET", "/user_management/users/{id}", "/user_management/users/user_missing", { status: 404 });
    await conforms(
      "GET",
      "/user_management/users/{userlandUserId}/auth_factors",
      `/user_management/users/${barbara.workosUserId}/auth_factors`,
    );
    const list = await conforms(
      "GET",
      "/user_management/organization_memberships",
      `/user_management/organization_memberships?organization_id=${acme.workosOrgId}&statuses=active,inactive`,
    );
    await conforms("GET", "/user_management/organization_memberships", "/user_management/organization_memberships", {
      status: 400,
    });
    const id = list.data[0].id as string;
    await conforms(
      "GET",
      "/user_management/organization_memberships/{id}",
      `/user_management/organization_memberships/${id}`,
    );
    await conforms(
      "PUT",
      "/user_management/organization_memberships/{id}",
      `/user_management/organization_memberships/${id}`,
      { body: { role_slug: "captain" }, status: 422 },
    );
    await conforms(
      "PUT",
      "/user_management/organization_memberships/{id}/deactivate",
      `/user_management/organization_memberships/${id}/deactivate`,
    );
    await conforms(
      "PUT",
      "/user_management/organization_memberships/{id}/reactivate",
      `/user_management/organization_memberships/${id}/reactivate`,
    );
    const created = await conforms(
      "POST",
      "/user_management/organization_memberships",
      "/user_management/organization_memberships",
      { body: { user_id: alan.workosUserId, organization_id: acme.workosOrgId }, status: 201 },
    );
    await conforms(
      "PUT",
      "/user_management/organization_memberships/{id}",
      `/user_management/organization_memberships/${created.id}`,
      { body: { role_slug: "manager" } },
    );
    await conforms(
      "DELETE",
      "/user_management/organization_memberships/{id}",
      `/user_management/organization_memberships/${created.id}`,
    );
    await conforms(
      "DELETE",
      "/user_management/organization_memberships/{id}",
      `/user_management/organization_memberships/${created.id}`,
      { status: 404 },
    );
    await conforms("GET", "/organizations", "/organizations?domains=globex.test");
    await conforms("GET", "/organizations/{id}", `/organizations/${acme.workosOrgId}`);
    await conforms("GET", "/organizations/{id}", "/organizations/org_missing", { status: 404 });
    await conforms(
      "GET",
      "/authorization/organizations/{organizationId}/roles",
      `/authorization/organizations/${acme.workosOrgId}/roles`,
    );
  });

  it("invitations", async () => {
    const invitation = await conforms("POST", "/user_management/invitations", "/user_management/invitations", {
      body: { email: "new.hire@acme.test", organization_id: acme.workosOrgId, role_slug: "member" },
      status: 201,
    });
    await conforms("POST", "/user_management/invitations", "/user_management/invitations", {
      body: { email: ada.email, organization_id: acme.workosOrgId },
      status: 400,
    });
    await conforms(
      "GET",
      "/user_management/invitations",
      `/user_management/invitations?organization_id=${acme.workosOrgId}`,
    );
    // How a send whose answer was lost finds what it sent: by organization and address (any case).
    const byEmail = await conforms(
      "GET",
      "/user_management/invitations",
      `/user_management/invitations?organization_id=${acme.workosOrgId}&email=New.Hire%40acme.test`,
    );
    expect(byEmail.data.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
    const elsewhere = await conforms(
      "GET",
      "/user_management/invitations",
      `/user_management/invitations?organization_id=${globex.workosOrgId}&email=new.hire%40acme.test`,
    );
    expect(elsewhere.data).toEqual([]);
    await conforms("GET", "/user_management/invitations/{id}", `/user_management/invitations/${invitation.id}`);
    await conforms(
      "POST",
      "/user_management/invitations/{id}/revoke",
      `/user_management/invitations/${invitation.id}/revoke`,
    );
    await conforms(
      "POST",
      "/user_management/invitations/{id}/revoke",
      `/user_management/invitations/${invitation.id}/revoke`,
      { status: 400 },
    );
  });

  it("events, directories and audit logs", async () => {
    await conforms("GET", "/events", "/events?limit=100");
    const events = await conforms(
      "GET",
      "/events",
      `/events?events=organization_membership.created,organization_membership.updated,organization_membership.deleted,invitation.created,invitation.revoked,dsync.activated&limit=100`,
    );
    expect(events.data.length).toBeGreaterThan(3);
    const directories = await conforms("GET", "/directories", `/directories?organization_id=${acme.workosOrgId}`);
    const directoryId = directories.data[0].id as string;
    await conforms("GET", "/directories/{id}", `/directories/${directoryId}`);
    await conforms("GET", "/directories/{id}", "/directories/directory_missing", { status: 404 });
    const users = await conforms("GET", "/directory_users", `/directory_users?directory=${directoryId}&limit=100`);
    await conforms("GET", "/directory_users/{id}", `/directory_users/${users.data[0].id}`);
    await conforms("GET", "/directory_users", "/directory_users", { status: 422 });
    const groups = await conforms("GET", "/directory_groups", `/directory_groups?directory=${directoryId}`);
    await conforms("GET", "/directory_groups/{id}", `/directory_groups/${groups.data[0].id}`);
    await conforms("GET", "/directory_groups", `/directory_groups?user=${users.data[0].id}`);
    await conforms("GET", "/directory_users", `/directory_users?group=${groups.data[0].id}&limit=100`);
    const event = {
      action: "member.invited",
      occurred_at: new Date().toISOString(),
      actor: { id: ada.workosUserId, type: "user" },
      targets: [],
      context: { location: "127.0.0.1" },
    };
    await conforms("POST", "/audit_logs/events", "/audit_logs/events", {
      body: { organization_id: acme.workosOrgId, event },
    });
    const invalid = await conforms("POST", "/audit_logs/events", "/audit_logs/events", {
      body: { organization_id: acme.workosOrgId, event: { action: "x", actor: { type: "user" } } },
      status: 400,
    });
    expect(invalid.errors.map((e: { instancePath: string }) => e.instancePath)).toEqual(
      expect.arrayContaining(["/event/occurred_at", "/event/actor/id", "/event/targets", "/event/context"]),
    );
    await conforms("POST", "/audit_logs/events", "/audit_logs/events", {
      body: { organization_id: "org_missing", event },
      status: 404,
    });
  });

  it("auth factors and challenges", async () => {
    const alanFactors = `/user_management/users/${alan.workosUserId}/auth_factors`;
    const enrolled = await conforms("POST", "/user_management/users/{userlandUserId}/auth_factors", alanFactors, {
      body: { type: "totp", totp_issuer: "Bosun" },
      status: 201,
    });
    const {
      id: factorId,
      totp: { secret },
    } = enrolled.authentication_factor;
    await conforms("POST", "/user_management/users/{userlandUserId}/auth_factors", alanFactors, {
      body: { type: "sms" },
      status: 422,
    });
    await conforms("POST", "/user_management/users/{userlandUserId}/auth_factors", alanFactors, {
      body: { type: "totp", totp_secret: "not base32!" },
      status: 422,
    });
    const list = await conforms("GET", "/user_management/users/{userlandUserId}/auth_factors", alanFactors);
    expect(list.data.map((f: { id: string }) => f.id)).toEqual([factorId]);
    expect(list.data[0].totp).toEqual({ issuer: "Bosun", user: alan.email });
    await conforms("GET", "/auth/factors/{id}", `/auth/factors/${factorId}`);
    await conforms("GET", "/auth/factors/{id}", "/auth/factors/auth_factor_missing", { status: 404 });

    const challenge = await conforms("POST", "/auth/factors/{id}/challenge", `/auth/factors/${factorId}/challenge`, {
      body: {},
      status: 201,
    });
    await conforms("POST", "/auth/factors/{id}/challenge", "/auth/factors/auth_factor_missing/challenge", {
      body: {},
      status: 404,
    });
    const verify = `/auth/challenges/${challenge.id}/verify`;
    await conforms("POST", "/auth/challenges/{id}/verify", verify, { body: {}, status: 422 });
    expect(
      await conforms("POST", "/auth/challenges/{id}/verify", verify, {
        body: { code: wrongCode(secret) },
        status: 201,
      }),
    ).toMatchObject({ valid: false });
    expect(
      await conforms("POST", "/auth/challenges/{id}/verify", verify, { body: { code: totp(secret) }, status: 201 }),
    ).toMatchObject({ valid: true, challenge: { id: challenge.id } });
    const reused = await conforms("POST", "/auth/challenges/{id}/verify", verify, {
      body: { code: totp(secret) },
      status: 422,
    });
    expect(reused.code).toBe("authentication_challenge_previously_verified");
    await conforms("POST", "/auth/challenges/{id}/verify", "/auth/challenges/auth_challenge_missing/verify", {
      body: { code: "123456" },
      status: 404,
    });

    const guessed = await conforms("POST", "/auth/factors/{id}/challenge", `/auth/factors/${factorId}/challenge`, {
      body: {},
      status: 201,
    });
    for (let attempt = 0; attempt < 5; attempt++)
      await conforms("POST", "/auth/challenges/{id}/verify", `/auth/challenges/${guessed.id}/verify`, {
        body: { code: wrongCode(secret) },
        status: 201,
      });
    const locked = await conforms("POST", "/auth/challenges/{id}/verify", `/auth/challenges/${guessed.id}/verify`, {
      body: { code: totp(secret) },
      status: 400,
    });
    expect(locked.code).toBe("one_time_code_too_many_attempts");

    await conforms("DELETE", "/auth/factors/{id}", `/auth/factors/${factorId}`, { status: 204 });
    await conforms("DELETE", "/auth/factors/{id}", `/auth/factors/${factorId}`, { status: 404 });
  });

  it("JWKS, authenticate errors, sessions and lists", async () => {
    await conforms("GET", "/sso/jwks/{clientId}", `/sso/jwks/${emulator.clientId}`, { auth: false });
    await conforms("GET", "/sso/jwks/{clientId}", "/sso/jwks/client_other", { auth: false, status: 404 });
    const base = { client_id: emulator.clientId, client_secret: emulator.apiKey };
    await conforms("POST", "/user_management/authenticate", "/user_management/authenticate", {
      body: { ...base, grant_type: "authorization_code", code: "nope", code_verifier: "x" },
      status: 400,
    });
    await conforms("POST", "/user_management/authenticate", "/user_management/authenticate", {
      body: { ...base, grant_type: "refresh_token", refresh_token: "nope" },
      status: 400,
    });
    await conforms("POST", "/user_management/authenticate", "/user_management/authenticate", {
      body: { ...base, client_id: "client_other", grant_type: "refresh_token", refresh_token: "nope" },
      status: 400,
    });
    await conforms(
      "GET",
      "/user_management/users/{id}/sessions",
      `/user_management/users/${ada.workosUserId}/sessions`,
    );
    await conforms("POST", "/user_management/sessions/revoke", "/user_management/sessions/revoke", {
      body: { session_id: "session_missing" },
      status: 400,
    });
    await conforms(
      "GET",
      "/user_management/sessions/logout",
      "/user_management/sessions/logout?session_id=session_missing",
      { auth: false, status: 422 },
    );
    await conforms("GET", "/user_management/users", "/user_management/users?limit=0", { status: 422 });
  });

  it("rejects API calls without the API key with 401 {message, code}", async () => {
    const missing = await fetch(`${emulator.url}/user_management/users`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: expect.any(String), code: "unauthorized" });
    const wrong = await fetch(`${emulator.url}/organizations`, { headers: { authorization: "Bearer sk_test_wrong" } });
    expect(wrong.status).toBe(401);
    const sdk = new WorkOS("sk_test_wrong", { apiHostname: "127.0.0.1", https: false, port: emulator.port });
    await expect(sdk.organizations.listOrganizations()).rejects.toMatchObject({ status: 401 });
  });
});
